using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using RouteSim.Core.Numerics;

namespace RouteSim.Core.Engine;

// Each period's bounds of an od pair's cumulative choice probabilities over the bins of rho (ReplicationRunner.ChoiceBounds.cs),
// from the weights at the bins' edges (ReplicationRunner.ChoiceBounds.EdgeExponents.cs).
public sealed partial class ReplicationRunner
{
    internal sealed partial class ChoiceBounds
    {
        /// <summary>Scratch for <see cref="Build"/>, shared by every od pair of a replication (they are built one after another).</summary>
        public sealed class Scratch(int doubles, int maxOptions)
        {
            public double[] Exponents { get; } = new double[doubles];
            public double[] Low { get; } = new double[4 * (maxOptions + 1)];
            public double[] High { get; } = new double[4 * (maxOptions + 1)];
            public double[] SuffixLow { get; } = new double[4 * (maxOptions + 1)];
            public double[] SuffixHigh { get; } = new double[4 * (maxOptions + 1)];
            public double[] LowerSteps { get; } = new double[4 * (maxOptions + 1)];
            public long[] Lower { get; } = new long[4 * Math.Max(maxOptions + 1, 8)]; // at least eight boundaries of four bins (StoreRowsOfFourBins)
            public long[] Upper { get; } = new long[4 * Math.Max(maxOptions + 1, 8)];
        }

        /// <summary>
        /// This period's bounds from the od pair's lanes (attraction A and risk term B of each option, the outside
        /// option first with A = B = 0) and 1/tau.
        /// </summary>
        public void Build(ReadOnlySpan<double> attraction, ReadOnlySpan<double> risk, double inverseTemperature, Scratch scratch)
        {
            int options = _boundaries + 1;
            double riskLow = double.PositiveInfinity, riskHigh = double.NegativeInfinity, largestAttraction = 0;
            for (int k = 0; k < options; k++)
            {
                riskLow = Math.Min(riskLow, risk[k]);
                riskHigh = Math.Max(riskHigh, risk[k]);
                largestAttraction = Math.Max(largestAttraction, Math.Abs(attraction[k]));
            }
            // F_j does not change when every option's B moves by the same c (the factor exp(rho c / tau) cancels);
            // centred, the weights move least across a bin.
            double centre = 0.5 * (riskLow + riskHigh), halfSpread = 0.5 * (riskHigh - riskLow);

            // The margin: the exact path computes U = A - rho B, U - max, times 1/tau, exp, running sums and u * Z,
            // each rounded once (relative 2^-53), and DeterministicExp is within 2e-16 of exp plus a dozen roundings;
            // F_j then differs from the exact ratio by well under 8 (2^-50 G + 4e-15 + options 2^-52), G the largest
            // exponent's magnitude. The bounds here are computed with errors of the same size. The margin is 16 times that.
            double magnitude = inverseTemperature * (largestAttraction + _edges[^1] * Math.Max(Math.Abs(riskLow), Math.Abs(riskHigh)));
            double margin = 128 * (Math.ScaleB(magnitude, -50) + 4e-15 + options * Math.ScaleB(1.0, -52));
            if (!double.IsFinite(magnitude) || margin > 1e-6)
            {
                _liveBins = 0;
                return;
            }

            // Exponents at every edge, x_k(e) = (A_k - rho_e (B_k - centre)) / tau, then exp(x_k(e) - max_k x_k(e)),
            // option by option over the edges, eight edges at a time where the processor has 512-bit vectors.
            int stride = _edges.Length;
            ref double x = ref MemoryMarshal.GetArrayDataReference(scratch.Exponents);
            ref double shift = ref Unsafe.Add(ref x, options * stride); // max_k x_k(e) by edge
            ref double rho = ref MemoryMarshal.GetArrayDataReference(_edges);
            if (Vector512.IsHardwareAccelerated) EdgeExponentsEight(attraction, risk, inverseTemperature, centre, options, ref x, ref shift);
            else EdgeExponentsFour(attraction, risk, inverseTemperature, centre, options, ref x, ref shift);

            // Four bins at a time: each option's weight at both edges of a bin on the lower edge's scale, its smaller
            // and larger value, and from their sums the bounds of every F_j.
            ref double low = ref MemoryMarshal.GetArrayDataReference(scratch.Low); // by option, four bins side by side
            ref double high = ref MemoryMarshal.GetArrayDataReference(scratch.High);
            ref double lowAfter = ref MemoryMarshal.GetArrayDataReference(scratch.SuffixLow); // sums over options k.. of low
            ref double highAfter = ref MemoryMarshal.GetArrayDataReference(scratch.SuffixHigh);
            var spreadScale = Vector256.Create(inverseTemperature * halfSpread);
            var margins = Vector256.Create(margin);
            Span<long> lower = scratch.Lower, upper = scratch.Upper; // by boundary, four bins side by side
            Span<double> lowerSteps = scratch.LowerSteps;
            var steps = Vector256.Create((double)Steps);
            // Boundaries past the last of a row of eight: Steps, a boundary that decides nothing (StoreRowsOfFourBins).
            if (_width == 8) for (int j = 4 * _boundaries; j < 32; j++) lower[j] = upper[j] = Steps;
            for (int bin = 0; bin < _bins; bin += 4)
            {
                var rescale = DeterministicExp.Exp(Vector256.LoadUnsafe(ref shift, (nuint)(bin + 1)) - Vector256.LoadUnsafe(ref shift, (nuint)bin));
                // Where weights move by more than a factor e across a bin, the bounds are too loose to be worth it
                // and their sums could lose all precision: lower bounds below 0 and upper above 1, never deciding.
                var change = spreadScale * (Vector256.LoadUnsafe(ref rho, (nuint)(bin + 1)) - Vector256.LoadUnsafe(ref rho, (nuint)bin));
                var useful = Vector256.LessThanOrEqual(change, Vector256<double>.One);
                for (int k = 0; k < options; k++)
                {
                    var atLow = Vector256.LoadUnsafe(ref x, (nuint)(k * stride + bin));
                    var atHigh = Vector256.LoadUnsafe(ref x, (nuint)(k * stride + bin + 1)) * rescale;
                    // The native minimum and maximum: no NaN occurs here, nor a zero of either sign but +0.
                    Vector256.MinNative(atLow, atHigh).StoreUnsafe(ref low, (nuint)(4 * k));
                    Vector256.MaxNative(atLow, atHigh).StoreUnsafe(ref high, (nuint)(4 * k));
                }
                var sumLow = Vector256<double>.Zero;
                var sumHigh = Vector256<double>.Zero;
                for (int k = options - 1; k > 0; k--)
                {
                    sumLow += Vector256.LoadUnsafe(ref low, (nuint)(4 * k));
                    sumHigh += Vector256.LoadUnsafe(ref high, (nuint)(4 * k));
                    sumLow.StoreUnsafe(ref lowAfter, (nuint)(4 * k));
                    sumHigh.StoreUnsafe(ref highAfter, (nuint)(4 * k));
                }
                sumLow = Vector256<double>.Zero;
                sumHigh = Vector256<double>.Zero;
                int last = Math.Min(4, _bins - bin);
                // Upper bounds made to rise with j (each the largest so far) and lower bounds too (each the smallest
                // from there on): both only widen, and rows that rise let GroupChoices count one of the two.
                var risingUpper = Vector256<double>.Zero;
                var fallingLower = steps;
                for (int j = 0; j < _boundaries; j++)
                {
                    sumLow += Vector256.LoadUnsafe(ref low, (nuint)(4 * j));
                    sumHigh += Vector256.LoadUnsafe(ref high, (nuint)(4 * j));
                    var below = sumLow / (sumLow + Vector256.LoadUnsafe(ref highAfter, (nuint)(4 * j + 4))) - margins;
                    var above = sumHigh / (sumHigh + Vector256.LoadUnsafe(ref lowAfter, (nuint)(4 * j + 4))) + margins;
                    // In the rows' fixed point: rounded outwards and clamped to [0, Steps]; where not useful (or, which
                    // cannot happen, not a number), 0 and Steps, a boundary that decides nothing.
                    below = Vector256.ConditionalSelect(useful & Vector256.Equals(below, below), below, Vector256.Create(-1.0));
                    above = Vector256.ConditionalSelect(useful & Vector256.Equals(above, above), above, Vector256.Create(2.0));
                    // Native minima and maxima: no NaN is left, and a zero of either sign becomes the integer 0.
                    Vector256.MinNative(Vector256.MaxNative(Vector256.Floor(below * steps), Vector256<double>.Zero), steps).CopyTo(lowerSteps[(4 * j)..]);
                    risingUpper = Vector256.MaxNative(risingUpper, Vector256.MinNative(Vector256.MaxNative(Vector256.Ceiling(above * steps), Vector256<double>.Zero), steps));
                    Vector256.ConvertToInt64(risingUpper).CopyTo(upper[(4 * j)..]);
                }
                for (int j = _boundaries - 1; j >= 0; j--)
                {
                    fallingLower = Vector256.MinNative(fallingLower, Vector256.Create<double>(lowerSteps[(4 * j)..]));
                    Vector256.ConvertToInt64(fallingLower).CopyTo(lower[(4 * j)..]);
                }
                if (last == 4 && _width == 8 && Avx512BW.IsSupported)
                {
                    StoreRowsOfFourBins(bin, scratch);
                    continue;
                }
                for (int l = 0; l < last; l++)
                {
                    ref ushort row = ref _rows[(bin + l) * 2 * _width];
                    for (int j = 0; j < _boundaries; j++)
                    {
                        Unsafe.Add(ref row, j) = (ushort)lower[4 * j + l];
                        Unsafe.Add(ref row, _width + j) = (ushort)upper[4 * j + l];
                    }
                    if (_groupRows is not null)
                    {
                        ref ushort groupRow = ref _groupRows[(bin + l) * GroupStride];
                        for (int j = 0; j < _boundaries; j++)
                        {
                            Unsafe.Add(ref groupRow, j) = (ushort)upper[4 * j + l];
                            Unsafe.Add(ref groupRow, GroupLower + j) = (ushort)lower[4 * j + l];
                        }
                    }
                    if (_wideGroupRows is null) continue;
                    ref int wideRow = ref _wideGroupRows[(bin + l) * WideGroupStride];
                    for (int j = 0; j < _boundaries; j++)
                    {
                        Unsafe.Add(ref wideRow, j) = (int)upper[4 * j + l];
                        Unsafe.Add(ref wideRow, WideGroupLower + j) = (int)lower[4 * j + l];
                    }
                }
            }
            _liveBins = _bins;
        }

        /// <summary>
        /// The rows of bins <paramref name="bin"/> to <paramref name="bin"/> + 3 (all live), rows of eight boundaries, from
        /// the scratch's Lower and Upper ([4 j + l]: boundary j of bin l, Steps past the last boundary): the 16-bit
        /// values transposed to [8 l + j] by one permute, then each bin's lower and upper bounds side by side, in
        /// 256-bit stores. The same values as the scalar loop of <see cref="Build"/>.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot but loop-free: tiered compilation would run it unoptimised for a run's first 0.1 s or more
        private void StoreRowsOfFourBins(int bin, Scratch scratch)
        {
            var lower = TransposeFourBins(ref MemoryMarshal.GetArrayDataReference(scratch.Lower)).AsUInt64();
            var upper = TransposeFourBins(ref MemoryMarshal.GetArrayDataReference(scratch.Upper)).AsUInt64();
            // Rows for TryPick: bin l's eight lower bounds, then its eight upper bounds (2 _width values a bin).
            ref ulong rows = ref Unsafe.As<ushort, ulong>(ref _rows[bin * 16]);
            var firstTwo = Vector512.Create(0UL, 1, 8, 9, 2, 3, 10, 11);
            var lastTwo = Vector512.Create(4UL, 5, 12, 13, 6, 7, 14, 15);
            Avx512F.PermuteVar8x64x2(lower, firstTwo, upper).StoreUnsafe(ref rows);
            Avx512F.PermuteVar8x64x2(lower, lastTwo, upper).StoreUnsafe(ref rows, 8);
            // Rows for GroupChoices: bin l's eight upper bounds, then its eight lower bounds (GroupStride values a bin;
            // the rest of the row stays Steps).
            ref ulong groupRows = ref Unsafe.As<ushort, ulong>(ref _groupRows![(bin + 3) * GroupStride]); // checks the last row written
            groupRows = ref Unsafe.Subtract(ref groupRows, 3 * GroupStride / 4);
            var first = Avx512F.PermuteVar8x64x2(upper, firstTwo, lower);
            var second = Avx512F.PermuteVar8x64x2(upper, lastTwo, lower);
            first.GetLower().StoreUnsafe(ref groupRows);
            first.GetUpper().StoreUnsafe(ref groupRows, GroupStride / 4);
            second.GetLower().StoreUnsafe(ref groupRows, 2 * GroupStride / 4);
            second.GetUpper().StoreUnsafe(ref groupRows, 3 * GroupStride / 4);
        }

        /// <summary>32 values [4 j + l] (j &lt; 8, l &lt; 4; each below 2^16) as 16-bit values [8 l + j].</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<ushort> TransposeFourBins(ref long values)
        {
            var packed = Vector512.Create(
                Vector256.Create(Avx512F.ConvertToVector128Int16(Vector512.LoadUnsafe(ref values)), Avx512F.ConvertToVector128Int16(Vector512.LoadUnsafe(ref values, 8))),
                Vector256.Create(Avx512F.ConvertToVector128Int16(Vector512.LoadUnsafe(ref values, 16)), Avx512F.ConvertToVector128Int16(Vector512.LoadUnsafe(ref values, 24)))).AsUInt16();
            var index = Vector512.Create((ushort)0, 4, 8, 12, 16, 20, 24, 28, 1, 5, 9, 13, 17, 21, 25, 29, 2, 6, 10, 14, 18, 22, 26, 30, 3, 7, 11, 15, 19, 23, 27, 31);
            return Avx512BW.PermuteVar32x16(packed, index);
        }
    }
}
