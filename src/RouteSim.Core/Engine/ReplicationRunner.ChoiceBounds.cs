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
    /// each period, and pay only if many agents share a bin. Down to one bin an octave: an od pair too small for that
    /// takes the exact path.
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
        // Coarse bins decide fewer choices than fine ones, but far more than none, and an exact choice costs an agent its
        // exponentials: with one bin an octave allowed (the least before, four) Gatekeeper's five od pairs of 100 to 300
        // acting agents get bins, and its share decided rose from 88.7% to 96.5%, 68.0 to 73.7-73.9 M decisions a
        // processor second (spread shape, 72 months); two bins an octave 70.1 (96.4%), one per two octaves 72.5 (93.5%).
        // Mexico: 13.9% to 65.6% decided, 28.6 to 29.6-29.9.
        private const int MinBinsPerOctaveLog2 = 0;
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
