using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace RouteSim.Core.Engine;

// The eight-lane walk and choice (ReplicationRunner.WalkLanes.cs) are generic over these strategies, so each run's loop
// is compiled for its od pair's table width and its bounds' row type, with no test of either per group.
public sealed partial class ReplicationRunner
{
    /// <summary>Which rows of an od pair's bounds decide its groups (ChoiceBounds.GroupChoices), fixed for a run's loop.</summary>
    private interface IGroupRows
    {
        /// <summary>ChoiceBounds.GroupChoices by these rows.</summary>
        static abstract Vector512<long> GroupChoices(ChoiceBounds bounds, int bucket, Vector512<ulong> bits, long undecided);
    }

    /// <summary>Rows of 16-bit bounds: at most eight boundaries.</summary>
    private struct NarrowRows : IGroupRows
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<long> GroupChoices(ChoiceBounds bounds, int bucket, Vector512<ulong> bits, long undecided) =>
            bounds.NarrowGroupChoices(bucket, bits, undecided);
    }

    /// <summary>Rows of 32-bit bounds: nine to 32 boundaries.</summary>
    private struct WideRows : IGroupRows
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<long> GroupChoices(ChoiceBounds bounds, int bucket, Vector512<ulong> bits, long undecided) =>
            bounds.WideGroupChoices(bucket, bits, undecided);
    }

    /// <summary>An od pair's routes in a column of a walk table, picked for eight lanes by route.</summary>
    private interface IRouteWidth
    {
        /// <summary>Routes a column holds (a power of two).</summary>
        static abstract int Routes { get; }

        /// <summary>Which half of a table of 32 each lane's route lies in (all ones for routes 16 to 31), computed once for the picks of a group.</summary>
        static abstract Vector512<long> Half(Vector512<long> route);

        /// <summary>Lane i gets column[route_i]; <paramref name="half"/> is <see cref="Half"/> of the routes.</summary>
        static abstract Vector512<double> Pick(ref double column, Vector512<long> route, Vector512<long> half);

        /// <summary>Lane i gets column[route_i]; <paramref name="half"/> is <see cref="Half"/> of the routes.</summary>
        static abstract Vector512<long> Pick(ref long column, Vector512<long> route, Vector512<long> half);
    }

    /// <summary>Eight routes: one vector, one permute.</summary>
    private struct EightRoutes : IRouteWidth
    {
        public static int Routes => 8;

        public static Vector512<long> Half(Vector512<long> route) => Vector512<long>.Zero;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Pick(ref double column, Vector512<long> route, Vector512<long> half) => Avx512F.PermuteVar8x64(Vector512.LoadUnsafe(ref column), route);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<long> Pick(ref long column, Vector512<long> route, Vector512<long> half) => Avx512F.PermuteVar8x64(Vector512.LoadUnsafe(ref column), route);
    }

    /// <summary>Sixteen routes: two vectors, the two-table permute.</summary>
    private struct SixteenRoutes : IRouteWidth
    {
        public static int Routes => 16;

        public static Vector512<long> Half(Vector512<long> route) => Vector512<long>.Zero;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Pick(ref double column, Vector512<long> route, Vector512<long> half) =>
            Avx512F.PermuteVar8x64x2(Vector512.LoadUnsafe(ref column), route, Vector512.LoadUnsafe(ref column, 8));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<long> Pick(ref long column, Vector512<long> route, Vector512<long> half) =>
            Avx512F.PermuteVar8x64x2(Vector512.LoadUnsafe(ref column), route, Vector512.LoadUnsafe(ref column, 8));
    }

    /// <summary>Thirty-two routes: four vectors, a two-table permute of each half and a blend by the route's half.</summary>
    private struct ThirtyTwoRoutes : IRouteWidth
    {
        public static int Routes => 32;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<long> Half(Vector512<long> route) => Vector512.GreaterThan(route, Vector512.Create(15L));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Pick(ref double column, Vector512<long> route, Vector512<long> half) =>
            Vector512.ConditionalSelect(half.AsDouble(),
                Avx512F.PermuteVar8x64x2(Vector512.LoadUnsafe(ref column, 16), route, Vector512.LoadUnsafe(ref column, 24)),
                Avx512F.PermuteVar8x64x2(Vector512.LoadUnsafe(ref column), route, Vector512.LoadUnsafe(ref column, 8)));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<long> Pick(ref long column, Vector512<long> route, Vector512<long> half) =>
            Vector512.ConditionalSelect(half,
                Avx512F.PermuteVar8x64x2(Vector512.LoadUnsafe(ref column, 16), route, Vector512.LoadUnsafe(ref column, 24)),
                Avx512F.PermuteVar8x64x2(Vector512.LoadUnsafe(ref column), route, Vector512.LoadUnsafe(ref column, 8)));
    }
}
