using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace RouteSim.Core.Engine;

// Eight agents of one bin decided by that bin's row of bounds at once (the eight-lane path, ReplicationRunner.WalkLanes.cs):
// rows of 16-bit bounds where a pair has at most eight boundaries, of 32-bit ones for nine to 32.
public sealed partial class ReplicationRunner
{
    internal sealed partial class ChoiceBounds
    {
        /// <summary>
        /// The choices (-1 abstain, else the route's index within the od pair) of eight agents whose rho all lie in
        /// bucket <paramref name="bucket"/> (<see cref="Bucket"/>), with choice uniforms u = <paramref name="bits"/>
        /// 2^-53 (CounterRng.UniformBits), where the bounds decide them, else <paramref name="undecided"/>: the same
        /// choices as the exact computation's. Needs AVX-512 and at most 32 boundaries.
        /// </summary>
        /// <remarks>
        /// A row's bounds rise with j (Build), so the boundaries surely at or below u are the first c, and those
        /// possibly at or below it the first c as well exactly when the lower bound of boundary c is above u (or
        /// there is none). With at most eight boundaries, in 16-bit lanes, four for each agent (its u in each) against
        /// four upper bounds in each agent's four, two compares give all 64, and one sum of bytes each agent's c in its
        /// 64-bit lane; one permute then picks each agent's next lower bound. With nine to 32, eight broadcast compares
        /// for every eight boundaries and a two-table permute in 32-bit lanes. One compare an agent of its own row would take
        /// a load of its rho, its bin, and the row's address.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<long> GroupChoices(int bucket, Vector512<ulong> bits, long undecided) =>
            _groupRows is not null ? NarrowGroupChoices(bucket, bits, undecided) : WideGroupChoices(bucket, bits, undecided);

        /// <summary>Whether <see cref="GroupChoices"/> reads rows of 16-bit bounds (<see cref="NarrowGroupChoices"/>: at most eight boundaries), else rows of 32-bit ones (<see cref="WideGroupChoices"/>).</summary>
        public bool HasNarrowRows => _groupRows is not null;

        /// <summary><see cref="GroupChoices"/> with at most eight boundaries: rows of 16-bit bounds.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<long> NarrowGroupChoices(int bucket, Vector512<ulong> bits, long undecided)
        {
            // u in the rows' fixed point: u = m 2^-53, so floor(u 2^15) = m >> 38, in the low 16 bits of each lane.
            // A bucket outside the live bins reads the last row, which decides nothing.
            var u = Vector512.ShiftRightLogical(bits, 38);
            ref ushort row = ref _groupRows![((uint)bucket < (uint)_liveBins ? bucket : _bins) * GroupStride];
            // u in all four 16-bit lanes of its agent's 64: the shuffle's byte indices count within each 128 bits.
            var spreadLowWord = Vector512.Create((byte)0, 1, 0, 1, 0, 1, 0, 1, 8, 9, 8, 9, 8, 9, 8, 9, 0, 1, 0, 1, 0, 1, 0, 1, 8, 9, 8, 9, 8, 9, 8, 9,
                0, 1, 0, 1, 0, 1, 0, 1, 8, 9, 8, 9, 8, 9, 8, 9, 0, 1, 0, 1, 0, 1, 0, 1, 8, 9, 8, 9, 8, 9, 8, 9);
            var spread = Avx512BW.Shuffle(u.AsByte(), spreadLowWord).AsUInt16();
            var first = Vector512.Create(Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<ushort, byte>(ref row))).AsUInt16();
            var second = Vector512.Create(Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref row, 4)))).AsUInt16();
            // 0, 1 or 2 in each 16-bit lane (selects the compiler makes masked moves and adds); upper bounds past the
            // last boundary are Steps, never at or below u.
            var one = Vector512<ushort>.One;
            var counted = Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(spread, first), one, Vector512<ushort>.Zero);
            counted = Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(spread, second), counted + one, counted);
            var surely = Avx512BW.SumAbsoluteDifferences(counted.AsByte(), Vector512<byte>.Zero).AsInt64(); // c, 0 to 8, by agent
            // The lower bound of boundary c is value GroupLower + c of the row: permuted into each lane's low 16 bits.
            var nextLower = Avx512BW.PermuteVar32x16(Vector512.LoadUnsafe(ref row), (surely + Vector512.Create((long)GroupLower)).AsUInt16()).AsInt64()
                & Vector512.Create(0xFFFFL);
            var decided = Vector512.LessThan(u.AsInt64(), nextLower);
            return Vector512.ConditionalSelect(decided, surely - Vector512<long>.One, Vector512.Create(undecided));
        }

        /// <summary><see cref="GroupChoices"/> with nine to 32 boundaries: rows of 32-bit bounds.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<long> WideGroupChoices(int bucket, Vector512<ulong> bits, long undecided)
        {
            // u in the rows' fixed point: u = m 2^-53, so floor(u 2^15) = m >> 38. A bucket outside the live bins reads
            // the last row, which decides nothing.
            var u = Avx512F.ConvertToVector256Int32(Vector512.ShiftRightLogical(bits, 38));
            ref int row = ref _wideGroupRows![((uint)bucket < (uint)_liveBins ? bucket : _bins) * WideGroupStride];
            // Every upper bound of a block of eight, written out: those past the last boundary are Steps, never at or below u.
            var atOrBelow = UpperAtOrBelow(u, ref row) + UpperAtOrBelow(u, ref Unsafe.Add(ref row, 8));
            if (_boundaries > 16) atOrBelow += UpperAtOrBelow(u, ref Unsafe.Add(ref row, 16));
            if (_boundaries > 24) atOrBelow += UpperAtOrBelow(u, ref Unsafe.Add(ref row, 24));
            var surely = -atOrBelow; // each compare is -1 where true
            var nextLower = Avx512F.PermuteVar16x32x2(Vector512.LoadUnsafe(ref row, WideGroupLower), surely.ToVector512Unsafe(),
                Vector512.LoadUnsafe(ref row, WideGroupLower + 16)).GetLower();
            // With 32 boundaries all surely at or below u there is no next one (the permute would read lower bound 0).
            if (_boundaries == 32) nextLower = Vector256.Max(nextLower, Vector256.Equals(surely, Vector256.Create(32)) & Vector256.Create((int)Steps));
            var decided = Avx512F.ConvertToVector512Int64(Vector256.LessThan(u, nextLower));
            return Vector512.ConditionalSelect(decided, Avx512F.ConvertToVector512Int64(surely) - Vector512<long>.One, Vector512.Create(undecided));
        }

        /// <summary>Minus the number of the eight upper bounds at row[0..8) at or below each lane of u (each compare is -1 where true).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<int> UpperAtOrBelow(Vector256<int> u, ref int row) =>
            Vector256.GreaterThanOrEqual(u, Vector256.Create(row)) + Vector256.GreaterThanOrEqual(u, Vector256.Create(Unsafe.Add(ref row, 1)))
                + Vector256.GreaterThanOrEqual(u, Vector256.Create(Unsafe.Add(ref row, 2))) + Vector256.GreaterThanOrEqual(u, Vector256.Create(Unsafe.Add(ref row, 3)))
                + Vector256.GreaterThanOrEqual(u, Vector256.Create(Unsafe.Add(ref row, 4))) + Vector256.GreaterThanOrEqual(u, Vector256.Create(Unsafe.Add(ref row, 5)))
                + Vector256.GreaterThanOrEqual(u, Vector256.Create(Unsafe.Add(ref row, 6))) + Vector256.GreaterThanOrEqual(u, Vector256.Create(Unsafe.Add(ref row, 7)));
    }
}
