using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using RouteSim.Core.Numerics;

namespace RouteSim.Core.Engine;

// The mixed logit (ModelLaws.ChoiceProbabilities) without an exponential per agent in most cases, and with the
// same choices to the bit.
//
// An agent's choice is the number of the od pair's cumulative choice probabilities F_0 <= F_1 <= ... at or below
// its uniform u, minus one (Pick). F_j depends on the agent only through rho, and over a short interval of rho it
// moves little: each option's weight exp((A - rho B)/tau) is monotone in rho, so on [rho_lo, rho_hi] F_j lies
// between N_min / (N_min + M_max) and N_max / (N_max + M_min), N the weights of options 0..j and M the others, each
// at whichever end of the interval makes it smallest or largest. Each period, for every interval ("bin") of rho,
// these bounds are computed once and widened by more than the rounding error of the exact computation (below).
// An agent whose u is clear of every boundary's interval has the choice the exact computation would give; the
// others (0.43% on benchmarks/scenarios/mixed-border.yaml) take the exact path. Nothing is approximated and no
// draw changes: the bounds decide only where the exact arithmetic cannot disagree with them.
public sealed partial class ReplicationRunner
{
    /// <summary>
    /// Whether the bounds may decide a choice; false sends every agent with its own weights down the exact path.
    /// Settable so tests can check that both give the same numbers.
    /// </summary>
    internal static bool UseChoiceBounds { get; set; } = true;

    /// <summary>
    /// Choices of agents with their own logit weights so far in this replication, and how many of them the bounds
    /// decided (the rest took the exact path). For tests and measurements; the results do not depend on it.
    /// </summary>
    internal (long Choices, long DecidedByBounds) OwnWeightChoices =>
        (_chunks.Sum(c => c.OwnWeightChoices), _chunks.Sum(c => c.DecidedByBounds));

    /// <summary>
    /// Per od pair of an organization whose agents differ in rho: bins of rho and, each period, bounds of the
    /// cumulative choice probabilities over every bin.
    /// </summary>
    /// <remarks>
    /// Bins are ranges of the bit pattern of rho (positive doubles sort as their bits): the top bits of the
    /// exponent and mantissa, so 2^m bins to an octave and an agent's bin costs a shift. They cover rho =
    /// exp(sigma z) for |z| &lt;= 4 (all but 6 in 100,000 agents; the others take the exact path), with m as large
    /// as about one bin per 32 acting agents a period allows: the bounds cost a few operations per bin and option
    /// each period, and pay only if many agents share a bin. Below four bins an octave the bounds would be too
    /// wide to decide often, and the od pair takes the exact path.
    /// </remarks>
    internal sealed partial class ChoiceBounds
    {
        private const double CoveredZ = 4;
        private const int ActingAgentsPerBin = 32;
        // Where agents are stored by bin and eight of them share a row (GroupChoices), a row costs one compare a group,
        // and building the rows each period weighs more: on benchmarks/scenarios/mixed-border.yaml, by processor
        // time, 115 to 118 M decisions/s with 593 bins (32 acting agents a bin), 121 to 122 with 297 (128), 111 to 119
        // with 149 (256; 98.2% decided instead of 99.1%).
        private const int GroupedActingAgentsPerBin = 128;
        // An od pair too small for bins of GroupedActingAgentsPerBin (most of Gatekeeper's, several od pairs in the
        // lanes) gets bins of this many: rows decide groups for one compare each, where the exact computation costs
        // each agent its exponentials. Spread shape, processor time: Gatekeeper 58 to 63 M decisions/s with 16 (88.5%
        // decided), 50 to 55 with 32 (59.4%), 35 to 59 with 8 (96.8%: building the rows weighs more); Mexico 25.5 to
        // 27.9 with 16, 25.0 to 26.6 with 32.
        private const int SmallGroupedActingAgentsPerBin = 16;
        private const int MaxBins = 1024;
        private const int MinBinsPerOctaveLog2 = 2;
        private const int MaxBinsPerOctaveLog2 = 10;

        private readonly int _shift;
        private readonly long _first; // bits(rho) >> shift of the first bin
        private readonly int _bins;
        private readonly int _boundaries; // options - 1: F_0 .. F_{options-2}
        private readonly int _width; // boundaries rounded up to four: a row of lower bounds, then one of upper bounds
        private readonly double[] _edges; // rho at the edges of the bins, bins + 1 of them, then copies of the last
        // By bin: lower bounds minus the margin, then upper bounds plus it; then a row that decides nothing. In
        // fixed point, units of 2^-15 (Steps), a lower bound rounded down and an upper up, clamped to [0, 1]: the bounds
        // only widen (by at most 2^-15, against bins' spreads of about 10^-3, so hardly fewer agents are decided), a
        // bound b is at or below u exactly when b is at or below floor(u 2^15), and a row of eight boundaries is 32
        // bytes: the rows of every bin stay in the first-level cache.
        private readonly ushort[] _rows;
        // The same bounds for a group of eight agents in one bin (GroupChoices). With at most eight boundaries: by bin,
        // GroupStride ushorts (a cache line), upper bounds at 0..7 (Steps past the last boundary), lower bounds at
        // 8..23 (Steps from the last boundary on); then a row that decides nothing. Null with more boundaries.
        private readonly ushort[]? _groupRows;
        // With nine to 32 boundaries: by bin, WideGroupStride ints, upper bounds at 0..31 (Steps past the last
        // boundary), lower bounds at 32..63 (Steps from the last boundary on); then a row that decides nothing. Null
        // with fewer or more boundaries.
        private readonly int[]? _wideGroupRows;
        private int _liveBins; // _bins when this period's bounds are built, 0 when every agent takes the exact path

        private ChoiceBounds(int shift, long first, int bins, int options)
        {
            _shift = shift;
            _first = first;
            _bins = bins;
            _boundaries = options - 1;
            _width = (_boundaries + 3) & ~3;
            _edges = new double[EdgeStride(bins)]; // padded with the last edge, so edges are read four at a time
            for (int e = 0; e < _edges.Length; e++) _edges[e] = BitConverter.Int64BitsToDouble((first + Math.Min(e, bins)) << shift);
            _rows = new ushort[RowSteps(bins, options)];
            Array.Fill(_rows, Steps);
            // The last row, for a rho outside the live bins: every boundary possibly at or below u, none surely.
            Array.Fill(_rows, (ushort)0, bins * 2 * _width, _width);
            if (_width <= 8)
            {
                _groupRows = new ushort[(bins + 1) * GroupStride];
                Array.Fill(_groupRows, Steps);
                // The last row: no boundary surely at or below u, the first possibly (0), so the count is 0 and undecided.
                Array.Fill(_groupRows, (ushort)0, bins * GroupStride + GroupLower, _boundaries);
            }
            else if (_width <= 32)
            {
                _wideGroupRows = new int[(bins + 1) * WideGroupStride];
                Array.Fill(_wideGroupRows, Steps);
                Array.Fill(_wideGroupRows, 0, bins * WideGroupStride + WideGroupLower, _boundaries);
            }
        }

        /// <summary>Values a bin's row of <see cref="_groupRows"/> holds: eight upper bounds, sixteen lower bounds, eight unused (read as one 512-bit vector).</summary>
        private const int GroupStride = 32;

        /// <summary>Where a row of <see cref="_groupRows"/> holds its lower bounds.</summary>
        private const int GroupLower = 8;

        /// <summary>Ints a bin's row of <see cref="_wideGroupRows"/> holds with nine to 32 boundaries: 32 upper bounds, then 32 lower bounds (read as two 512-bit vectors).</summary>
        private const int WideGroupStride = 64;

        /// <summary>Where a row of <see cref="_wideGroupRows"/> holds its lower bounds.</summary>
        private const int WideGroupLower = 32;

        // Edges are read four at a time from any bin, so four past the last: bins + 4, rounded up to eight, as the
        // exponents at the edges are computed eight at a time.
        private static int EdgeStride(int bins) => (bins + 4 + 7) & ~7;

        private static int RowSteps(int bins, int options) => (bins + 1) * 2 * ((options - 1 + 3) & ~3);

        /// <summary>Steps of the rows' fixed point in 1: a bound of Steps (1 or more) is never at or below a uniform, which is below 1.</summary>
        private const ushort Steps = 1 << 15;

        /// <summary>A uniform in the rows' fixed point, floor(u 2^15): exact, as u 2^15 is.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ushort StepsBelow(double u) => (ushort)(u * Steps);

        /// <summary>
        /// Bins for an od pair with <paramref name="options"/> options (the outside option included) whose agents
        /// have rho = exp(sigma z), about <paramref name="actingAgents"/> of them acting a period: the bit shift
        /// that makes a bin, the first bin and their number; false where bins would not pay (too few agents, or
        /// one option only).
        /// </summary>
        private static bool Bins(double sigma, double actingAgents, int options, bool grouped, out int shift, out long first, out int bins) =>
            Bins(sigma, actingAgents, options, grouped ? GroupedActingAgentsPerBin : ActingAgentsPerBin, out shift, out first, out bins)
            || grouped && Bins(sigma, actingAgents, options, SmallGroupedActingAgentsPerBin, out shift, out first, out bins);

        /// <summary>As <see cref="Bins(double, double, int, bool, out int, out long, out int)"/>, with about this many acting agents a bin at least.</summary>
        private static bool Bins(double sigma, double actingAgents, int options, int actingAgentsPerBin, out int shift, out long first, out int bins)
        {
            (shift, first, bins) = (0, 0, 0);
            if (options < 2 || !(sigma > 0) || !UseChoiceBounds) return false;
            int budget = (int)Math.Min(MaxBins, actingAgents / actingAgentsPerBin);
            long low = BitConverter.DoubleToInt64Bits(Math.Exp(-CoveredZ * sigma));
            long high = BitConverter.DoubleToInt64Bits(Math.Exp(CoveredZ * sigma));
            for (int m = MaxBinsPerOctaveLog2; m >= MinBinsPerOctaveLog2; m--)
            {
                shift = 52 - m;
                first = low >> shift;
                long count = (high >> shift) - first + 1;
                if (count > budget) continue;
                bins = (int)count;
                return true;
            }
            return false;
        }

        /// <summary>Bounds for such an od pair (see <see cref="Bins"/>); null where bins would not pay.</summary>
        public static ChoiceBounds? Create(double sigma, double actingAgents, int options, bool grouped = false) =>
            Bins(sigma, actingAgents, options, grouped, out int shift, out long first, out int bins) ? new ChoiceBounds(shift, first, bins, options) : null;

        /// <summary>Bins such an od pair gets (see <see cref="Bins"/>), 0 where it gets no bounds.</summary>
        public static int BinsFor(double sigma, double actingAgents, int options, bool grouped = false) =>
            Bins(sigma, actingAgents, options, grouped, out _, out _, out int bins) ? bins : 0;

        /// <summary>Bytes the bounds of such an od pair hold (arrays with their headers and the object), 0 where there are none.</summary>
        public static long Bytes(double sigma, double actingAgents, int options, bool grouped = false) =>
            Bins(sigma, actingAgents, options, grouped, out _, out _, out int bins)
                ? 8L * EdgeStride(bins) + 2L * RowSteps(bins, options) + 2 * 24 + 64
                    + (options - 1 <= 8 ? 2L * (bins + 1) * GroupStride + 24 : options - 1 <= 32 ? 4L * (bins + 1) * WideGroupStride + 24 : 0)
                : 0;

        /// <summary>Doubles of scratch <see cref="Build"/> needs for such an od pair: exponents by option and edge, and each edge's largest.</summary>
        public static int ScratchDoubles(double sigma, double actingAgents, int options, bool grouped = false) =>
            Bins(sigma, actingAgents, options, grouped, out _, out _, out int bins) ? (options + 1) * EdgeStride(bins) : 0;

        /// <summary>Bytes of a <see cref="Scratch"/> of this many doubles of exponents for od pairs of up to this many options.</summary>
        public static long ScratchBytes(int doubles, int maxOptions) =>
            doubles == 0 ? 0 : 8L * (doubles + 5 * 4 * (maxOptions + 1) + 2 * 4 * Math.Max(maxOptions + 1, 8)) + 8 * 24 + 64;

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

        /// <summary>Bins of rho, each a bucket of <see cref="Bucket"/>; one more bucket holds every rho outside them.</summary>
        public int BinCount => _bins;

        /// <summary>
        /// The bin of risk multiplier <paramref name="rho"/>, or <see cref="BinCount"/> for a rho outside the bins:
        /// the order in which ReplicationRunner.SortByPairAndBin stores an organization's agents.
        /// </summary>
        public int Bucket(double rho)
        {
            long bin = (BitConverter.DoubleToInt64Bits(rho) >> _shift) - _first;
            return (ulong)bin < (ulong)_bins ? (int)bin : _bins;
        }

        /// <summary>
        /// The bucket (<see cref="Bucket"/>) of each lane's <paramref name="rho"/> where every value within a relative
        /// <paramref name="margin"/> of it (at most 1e-6) has the same one, else -1.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot but loop-free: tiered compilation would run it unoptimised for a run's first 0.1 s or more
        public Vector512<long> SureBuckets(Vector512<double> rho, double margin)
        {
            var low = Vector512.ShiftRightArithmetic((rho * Vector512.Create(1 - margin)).AsInt64(), _shift);
            var high = Vector512.ShiftRightArithmetic((rho * Vector512.Create(1 + margin)).AsInt64(), _shift);
            var bin = low - Vector512.Create(_first);
            var bucket = Vector512.ConditionalSelect(Vector512.LessThan(bin.AsUInt64(), Vector512.Create((ulong)_bins)).AsInt64(), bin, Vector512.Create((long)_bins));
            return Vector512.ConditionalSelect(Vector512.Equals(low, high), bucket, Vector512.Create(-1L));
        }

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

        /// <summary>Whether <see cref="GroupChoices"/> serves these bounds: at most 32 boundaries, and a processor with AVX-512 (F and BW).</summary>
        public bool HasEightLanes => _width <= 32 && Avx512F.IsSupported && Avx512BW.IsSupported;

        /// <summary>Whether this period's bounds are built (else every agent takes the exact path).</summary>
        public bool IsLive => _liveBins > 0;

        /// <summary>
        /// The choice (-1 abstain, else the route's index within the od pair) of an agent with risk multiplier
        /// <paramref name="rho"/> and choice uniform <paramref name="u"/>, where the bounds decide it: the same as
        /// the exact computation's. False where they do not (the agent then takes the exact path).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryPick(double rho, double u, out int choice)
        {
            long bin = (BitConverter.DoubleToInt64Bits(rho) >> _shift) - _first;
            if ((ulong)bin >= (ulong)_liveBins)
            {
                choice = 0;
                return false;
            }
            // Padding past the last boundary is Steps in both rows, so it is never counted. A row of four or eight
            // boundaries is one compare: the low half of the mask says which are possibly at or below u, the high which surely are.
            ref ushort row = ref _rows[(int)bin * 2 * _width];
            ushort below = StepsBelow(u);
            if (_width == 8 || _width == 4)
            {
                uint mask = _width == 8
                    ? Vector256.LessThanOrEqual(Vector256.LoadUnsafe(ref row), Vector256.Create(below)).ExtractMostSignificantBits()
                    : Vector128.LessThanOrEqual(Vector128.LoadUnsafe(ref row), Vector128.Create(below)).ExtractMostSignificantBits();
                uint surelyMask = mask >> _width;
                choice = System.Numerics.BitOperations.PopCount(surelyMask) - 1;
                return surelyMask == (mask & ((1u << _width) - 1));
            }
            uint differ = 0;
            int surely = 0;
            for (int j = 0; j < _width; j++)
            {
                bool above = Unsafe.Add(ref row, _width + j) <= below, possibly = Unsafe.Add(ref row, j) <= below;
                differ |= above != possibly ? 1u : 0u;
                surely += above ? 1 : 0;
            }
            choice = surely - 1;
            return differ == 0;
        }
    }
}
