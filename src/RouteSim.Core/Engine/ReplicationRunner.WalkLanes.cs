using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using static RouteSim.Core.Randomness.CounterRng;

namespace RouteSim.Core.Engine;

// Choice and walk of eight acting agents at a time where an organization has one od pair of at most eight routes
// (docs/model.md section 4, steps 3-5). Agent by agent, the choice and the walk form one long chain of dependent
// steps (two hashes of the key, a count over the cumulative weights, the route's outcome row, a count over it, the
// ending's counter), with a dozen loads and checks of the organization's arrays between them, and the processor
// overlaps only two or three agents' chains. In the lanes of 512-bit vectors, eight agents take each step together:
// the draws are hashed eight at a time, the shared choice is eight compares per option, and each route's outcome
// row is picked for every lane by one permute per stop (the od pair's eight routes fit one vector). Per agent the
// operations and their order are those of Pick and Walk, so every number is the same to the bit.
public sealed partial class ReplicationRunner
{
    /// <summary>
    /// One od pair's walks laid out for eight lanes: column j holds the j-th cumulative outcome probability of
    /// each of its routes (route r in lane r), 2 where the route has fewer stops or there is no route, so a
    /// uniform below 1 never counts it. Filled each period from the outcome distributions.
    /// </summary>
    private sealed class WalkLanes
    {
        /// <summary>Routes one vector of eight doubles holds.</summary>
        public const int MaxRoutes = 8;

        /// <summary>The columns of the organization's one od pair (see <see cref="FitsWalkLanes"/>).</summary>
        public WalkLanes(OrganizationPlan plan)
        {
            int first = plan.OdRouteStart[0], routes = plan.OdRouteStart[1] - first;
            FirstRoute = first;
            for (int r = 0; r < routes; r++)
            {
                Stops[r] = plan.OutcomeStart[first + r + 1] - plan.OutcomeStart[first + r] - 1;
                EndingStart[r] = plan.OutcomeStart[first + r] - plan.OutcomeStart[0];
            }
            Columns = WalkColumns(plan);
            Cdf = new double[MaxRoutes * Columns];
            Array.Fill(Cdf, 2.0);
            NoEnding = plan.OutcomeCount;
        }

        /// <summary>The slot past the organization's outcomes that agents taking no trip count on (in the padding of a chunk's counters, never read).</summary>
        public long NoEnding { get; }

        /// <summary>The pair's first route among the organization's.</summary>
        public int FirstRoute { get; }

        /// <summary>Outcomes that end a trip before its destination, by route: interdicted or dead at each node.</summary>
        public long[] Stops { get; } = new long[MaxRoutes];

        /// <summary>Each route's first outcome among the organization's (its index into a chunk's Endings).</summary>
        public long[] EndingStart { get; } = new long[MaxRoutes];

        /// <summary>The pair's largest number of stops: the columns of <see cref="Cdf"/>.</summary>
        public int Columns { get; }

        /// <summary>[j * 8 + r]: cumulative probability of ending at or before stop j of route r.</summary>
        public double[] Cdf { get; }

        /// <summary>Bytes it holds for an od pair of such routes (arrays with their headers and the object).</summary>
        public static long Bytes(int columns) => 8L * (2 * MaxRoutes + MaxRoutes * columns) + 3 * 24 + 48;
    }

    /// <summary>Whether organization plan's agents can choose and walk in eight lanes: one od pair of at most eight routes.</summary>
    private static bool FitsWalkLanes(OrganizationPlan plan) =>
        plan.Organization.Od.Count == 1 && plan.OdRouteStart[1] - plan.OdRouteStart[0] <= WalkLanes.MaxRoutes;

    /// <summary>Largest number of stops of a route of od pair 0 (the columns its <see cref="WalkLanes"/> has).</summary>
    private static int WalkColumns(OrganizationPlan plan)
    {
        int columns = 0;
        for (int r = plan.OdRouteStart[0]; r < plan.OdRouteStart[1]; r++)
            columns = Math.Max(columns, plan.OutcomeStart[r + 1] - plan.OutcomeStart[r] - 1);
        return columns;
    }

    /// <summary>Copies this period's outcome distributions of the od pair's routes into its columns.</summary>
    private void FillWalkLanes(OrganizationPlan plan, WalkLanes lanes)
    {
        for (int r = 0; r < WalkLanes.MaxRoutes && lanes.Stops[r] > 0; r++)
        {
            int o = plan.OutcomeStart[lanes.FirstRoute + r];
            for (int j = 0; j < lanes.Stops[r]; j++) lanes.Cdf[j * WalkLanes.MaxRoutes + r] = _outcomeCdf[o + j];
        }
    }

    /// <summary>Whether a period of this organization runs in eight lanes here: the processor has AVX-512, and its agents share their weights or have bounds to decide most choices.</summary>
    private bool UsesWalkLanes(OrganizationPlan plan, bool shared) =>
        EightLanes && Avx512F.IsSupported && _walkLanes[plan.Index] is not null && (shared || _bounds[_odIndexStart[plan.Index]] is { HasEightLanes: true });

    /// <summary>
    /// Choices and walks of a block's <paramref name="count"/> acting agents (the chunk's Acting and Keys), eight at
    /// a time, their trips' endings counted in the chunk's LaneEndings. With shared weights every choice is made
    /// here; with the agent's own, the bounds of its rho's bin decide it (ChoiceBounds.GroupChoices) or it is left for
    /// the exact path: those agents and their keys are moved, in order, to the front of Acting and Keys, and their
    /// number returned. Returns 0 with shared weights. Abstentions are added to <paramref name="abstentions"/>.
    /// </summary>
    /// <remarks>Two loops, not one with a test inside: code shared in one loop made the compiler keep the shared
    /// loop's constants in memory.</remarks>
    private int ChooseAndWalkEightAtATime(Chunk chunk, int count, int t, int incapacitation, bool shared, ref long abstentions)
    {
        if (!shared) return ChooseAndWalkOwnWeightsEightAtATime(chunk, count, t, incapacitation, ref abstentions);
        var plan = chunk.Plan;
        var lanes = _walkLanes[plan.Index]!;
        ref int agents = ref MemoryMarshal.GetArrayDataReference(chunk.Acting);
        ref ulong keys = ref MemoryMarshal.GetArrayDataReference(chunk.Keys);
        var unit = Vector512.Create(1.0 / (1UL << 53));
        Span<int> ending = stackalloc int[8], free = stackalloc int[8];
        long abstained = 0;
        int undecided = 0;
        if (shared)
        {
            int laneStart = LaneStart(plan, 0), options = plan.OdRouteStart[1] - plan.OdRouteStart[0] + 1;
            ref double cumulative = ref _sharedCumulative[laneStart];
            var total = Vector512.Create(Unsafe.Add(ref cumulative, options - 1));
            for (int a = 0; a < count; a += 8)
            {
                var key = Vector512.LoadUnsafe(ref keys, (nuint)a);
                // As Pick: u * Z against each running sum but the last; -1 (abstain) plus the number at or below it.
                var x = Vector512.ConvertToDouble(UniformBits(key, Purpose.Choice)) * unit * total;
                var choice = Vector512.Create(-1L);
                for (int j = 0; j < options - 1; j++)
                    choice -= Vector512.GreaterThanOrEqual(x, Vector512.Create(Unsafe.Add(ref cumulative, j))).AsInt64();
                abstained += WalkEight(chunk, lanes, a, Math.Min(8, count - a), key, choice, t, incapacitation, ending, free);
            }
        }
        abstentions += abstained;
        return undecided;
    }

    /// <summary>
    /// <see cref="ChooseAndWalkEightAtATime"/> for agents with their own weights, stored by bin of rho. A method of
    /// its own: in one method with the shared weights' loop, its locals made the compiler spill that loop's.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int ChooseAndWalkOwnWeightsEightAtATime(Chunk chunk, int count, int t, int incapacitation, ref long abstentions)
    {
        var plan = chunk.Plan;
        var lanes = _walkLanes[plan.Index]!;
        ref int agents = ref MemoryMarshal.GetArrayDataReference(chunk.Acting);
        ref ulong keys = ref MemoryMarshal.GetArrayDataReference(chunk.Keys);
        Span<int> ending = stackalloc int[8], free = stackalloc int[8];
        long abstained = 0;
        int undecided = 0;
        // The agents are stored by bin of rho (ReplicationRunner.SortByBin) and the block's acting agents are in
        // ascending order, so a group of eight mostly lies in one bin and is decided by that bin's row at once;
        // a group across bins takes each bin's choices for its lanes in that bin.
        var bounds = _bounds[_odIndexStart[plan.Index]]!;
        ref int binStart = ref MemoryMarshal.GetArrayDataReference(_binStart[plan.Index]!);
        // First every group's choices into the chunk's SortedChoice (the groups do not wait on one another, so
        // the processor overlaps them), then the walks as with shared weights: in one loop, each group's walk
        // waited on its choice, a longer chain than the shared weights' compares.
        ref long choices = ref MemoryMarshal.GetArrayDataReference(chunk.SortedChoice);
        int bucket = 0;
        for (int a = 0; a < count; a += 8)
        {
            int last = Unsafe.Add(ref agents, Math.Min(count, a + 8) - 1);
            var bits = UniformBits(Vector512.LoadUnsafe(ref keys, (nuint)a), Purpose.Choice);
            while (Unsafe.Add(ref agents, a) >= Unsafe.Add(ref binStart, bucket + 1)) bucket++;
            var choice = bounds.GroupChoices(bucket, bits, Undecided);
            if (last >= Unsafe.Add(ref binStart, bucket + 1))
            {
                var slot = Avx512F.ConvertToVector512Int64(Vector256.LoadUnsafe(ref agents, (nuint)a));
                for (int next = bucket + 1; last >= Unsafe.Add(ref binStart, next); next++)
                    choice = Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(slot, Vector512.Create((long)Unsafe.Add(ref binStart, next))),
                        bounds.GroupChoices(next, bits, Undecided), choice);
            }
            choice.StoreUnsafe(ref choices, (nuint)a);
        }
        for (int a = 0; a < count; a += 8)
        {
            int n = Math.Min(8, count - a);
            var choice = Vector512.LoadUnsafe(ref choices, (nuint)a);
            abstained += WalkEight(chunk, lanes, a, n, Vector512.LoadUnsafe(ref keys, (nuint)a), choice, t, incapacitation, ending, free);
            // Keep the undecided, in order, for the exact path (never ahead of the agents still to be read).
            ulong left = Vector512.Equals(choice, Vector512.Create(Undecided)).ExtractMostSignificantBits() & ((1UL << n) - 1);
            for (; left != 0; left &= left - 1)
            {
                int lane = System.Numerics.BitOperations.TrailingZeroCount(left);
                Unsafe.Add(ref agents, undecided) = Unsafe.Add(ref agents, a + lane);
                Unsafe.Add(ref keys, undecided++) = Unsafe.Add(ref keys, a + lane);
            }
        }
        abstentions += abstained;
        return undecided;
    }

    /// <summary>The choice of an agent the bounds did not decide, in the lanes of <see cref="ChooseAndWalkEightAtATime"/>.</summary>
    private const long Undecided = -2;

    /// <summary>
    /// The walks of the acting agents a .. a + n - 1 (n &lt;= 8; lanes past n hold stale agents, computed and
    /// never written back) with keys <paramref name="key"/> and choices <paramref name="choice"/> (-1 abstain,
    /// <see cref="Undecided"/>, else the route): as Walk, the number of the route's cumulative outcome probabilities
    /// at or below the walk draw is the ending. Returns the number that abstained.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int WalkEight(Chunk chunk, WalkLanes lanes, int a, int n, Vector512<ulong> key, Vector512<long> choice, int t, int incapacitation, Span<int> ending, Span<int> free)
    {
        ref int agents = ref MemoryMarshal.GetArrayDataReference(chunk.Acting);
        ref double cdf = ref MemoryMarshal.GetArrayDataReference(lanes.Cdf);
        var walk = Vector512.ConvertToDouble(UniformBits(key, Purpose.Walk)) * Vector512.Create(1.0 / (1UL << 53));
        var route = choice & Vector512.Create(7L);
        var outcome = Vector512<long>.Zero;
        for (int j = 0; j < lanes.Columns; j++)
            outcome -= Vector512.GreaterThanOrEqual(walk, Avx512F.PermuteVar8x64(Vector512.LoadUnsafe(ref cdf, (nuint)(8 * j)), route)).AsInt64();
        var trip = Vector512.GreaterThanOrEqual(choice, Vector512<long>.Zero);
        // Interdicted: ended at a stop (before the destination) of even number; then incapacitated for a while.
        var stops = Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(lanes.Stops));
        var interdicted = trip & Vector512.LessThan(outcome, Avx512F.PermuteVar8x64(stops, route))
            & Vector512.Equals(outcome & Vector512<long>.One, Vector512<long>.Zero);
        // Agents that take no trip count on a slot past the outcomes, which is never read. Lane l counts on copy
        // l mod 4 of the counters: consecutive agents mostly end alike, and on one counter each increment would wait
        // for the one before.
        var endingStart = Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(lanes.EndingStart));
        var slot = Vector512.ConditionalSelect(trip, Avx512F.PermuteVar8x64(endingStart, route) + outcome, Vector512.Create(lanes.NoEnding));
        Avx512F.ConvertToVector256Int32(slot + chunk.LaneEndingCopies).StoreUnsafe(ref MemoryMarshal.GetReference(ending));
        // An undecided agent is written free next period here and its real walk, on the exact path, overwrites it.
        Avx512F.ConvertToVector256Int32(Vector512.Create(t + 1L) + (interdicted & Vector512.Create((long)incapacitation)))
            .StoreUnsafe(ref MemoryMarshal.GetReference(free));
        ref int freeAt = ref MemoryMarshal.GetArrayDataReference(_freeAt);
        ref int endings = ref MemoryMarshal.GetArrayDataReference(chunk.LaneEndings);
        for (int lane = 0; lane < n; lane++)
        {
            Unsafe.Add(ref freeAt, Unsafe.Add(ref agents, a + lane)) = free[lane];
            Unsafe.Add(ref endings, ending[lane])++;
        }
        ulong abstains = Vector512.Equals(choice, Vector512.Create(-1L)).ExtractMostSignificantBits() & ((1UL << n) - 1);
        return System.Numerics.BitOperations.PopCount(abstains);
    }

    /// <summary>Adds the four copies of the chunk's lane counters of trip endings into its Endings.</summary>
    private static void FoldLaneEndings(Chunk chunk)
    {
        int outcomes = chunk.Plan.OutcomeCount, stride = chunk.LaneEndingStride;
        for (int copy = 0; copy < Chunk.LaneEndingCopyCount; copy++)
            for (int j = 0; j < outcomes; j++)
                chunk.Endings[j] += chunk.LaneEndings[copy * stride + j];
    }
}
