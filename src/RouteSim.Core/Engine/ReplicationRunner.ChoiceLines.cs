using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using RouteSim.Core.Numerics;

namespace RouteSim.Core.Engine;

// The mixed logit (ModelLaws.ChoiceProbabilities) of od pairs too small for ChoiceBounds, without an exponential
// per agent in most cases and with the same choices to the bit.
//
// The agent counts boundary j (its choice is the number counted, minus one) when F_j = N_j / (N_j + M_j) <= u, N_j
// the weights of options 0..j and M_j of the others, that is when D_j(rho) = log N_j - log M_j <= logit(u). Both
// f = log N_j and g = log M_j are log-sum-exps of lines in rho, so convex: on a bin [r0, r1] each lies below its
// chord and above its tangent at the bin's midpoint rm. Hence
//     tangent_f(rm) - chord_g  <=  D_j  <=  chord_f - tangent_g(rm),
// two lines in rho whose gap is at most about (f'' + g'') w^2 / 8 for a bin of width w: it shrinks with the square
// of the width, where ChoiceBounds' constant bounds shrink with the width, so a few wide bins decide most choices
// of an od pair of a hundred agents. Each period the lines are built for every bin and widened by a margin far
// above the rounding error of the exact computation, of the lines and of logit(u); an agent whose logit(u) is
// clear of every boundary's pair of lines at its rho has the choice the exact computation would give. Agents are
// decided eight at a time, in the od pair's sorted lanes (ChooseEightAtATimeWithLines): at most 16 bins, so each
// line's coefficients for the eight agents' bins come from one two-table permute (AVX-512's vpermt2pd), no
// gather; a group with an agent the lines do not decide takes the exact computation whole. Nothing is
// approximated and no draw changes.
public sealed partial class ReplicationRunner
{
    /// <summary>
    /// Per od pair of an organization whose agents differ in rho and that is too small for
    /// <see cref="ChoiceBounds"/>: bins of rho and, each period, lines bounding every boundary's log-odds
    /// D_j(rho) = log(F_j / (1 - F_j)) over each bin.
    /// </summary>
    /// <remarks>
    /// Bins are ranges of the bit pattern of rho as in <see cref="ChoiceBounds"/> (2^m bins an octave, m from 0 to
    /// 6), covering rho = exp(sigma z) for |z| &lt;= 3.5 (all but 5 in 10,000 agents), as many as one bin per
    /// sixteen acting agents a period allows and at most 16. Uniforms below 2^-20 or above 1 - 2^-20 (2 in a
    /// million) take the exact path: near 1 the exact computation's rounding moves logit(u) by up to its relative
    /// error over 1 - u. Only where the processor has AVX-512 (elsewhere these od pairs take the exact path).
    /// </remarks>
    internal sealed class ChoiceLines
    {
        private const double CoveredZ = 3.5;
        private const int ActingAgentsPerBin = 16;
        private const int MaxBins = 16;
        private const int MinBinsPerOctaveLog2 = -2;
        private const int MaxBinsPerOctaveLog2 = 6;

        /// <summary>The range of uniforms the lines decide; the others take the exact path.</summary>
        internal const double LowestUniform = 1.0 / (1 << 20), HighestUniform = 1 - 1.0 / (1 << 20);

        private readonly int _shift;
        private readonly long _first; // bits(rho) >> shift of the first bin
        private readonly int _bins;
        private readonly int _boundaries; // options - 1: D_0 .. D_{options-2}
        private readonly int _stride; // points rounded up to four
        private readonly double[] _points; // rho at the bins' edges and midpoints: edge b at 2b, midpoint of bin b at 2b + 1, padded with the last
        private readonly double[] _table; // by boundary, 16 bins each of: upper intercepts plus the margin, upper slopes, lower intercepts minus the margin, lower slopes
        private int _liveBins; // _bins when this period's lines are built, 0 when every agent takes the exact path

        private ChoiceLines(int shift, long first, int bins, int options)
        {
            _shift = shift;
            _first = first;
            _bins = bins;
            _boundaries = options - 1;
            _stride = PointStride(bins);
            _points = new double[_stride];
            for (int p = 0; p < _stride; p++)
            {
                int q = Math.Min(p, 2 * bins);
                double low = Edge(first, shift, q / 2), high = Edge(first, shift, q / 2 + 1);
                _points[p] = q % 2 == 0 ? low : 0.5 * (low + high);
            }
            _table = new double[TableDoubles(options)];
        }

        private static double Edge(long first, int shift, long edge) => BitConverter.Int64BitsToDouble((first + edge) << shift);

        private static int PointStride(int bins) => (2 * bins + 1 + 3) & ~3;

        private static int TableDoubles(int options) => (options - 1) * 4 * MaxBins;

        /// <summary>
        /// Bins for an od pair with <paramref name="options"/> options (the outside option included) whose agents
        /// have rho = exp(sigma z), about <paramref name="actingAgents"/> of them acting a period; false where bins
        /// would not pay (too few agents for one bin an octave, or one option only).
        /// </summary>
        private static bool Bins(double sigma, double actingAgents, int options, out int shift, out long first, out int bins)
        {
            (shift, first, bins) = (0, 0, 0);
            if (options < 2 || !(sigma > 0) || !UseChoiceBounds || !Avx512F.IsSupported || !EightLanes) return false;
            int budget = (int)Math.Min(MaxBins, actingAgents / ActingAgentsPerBin);
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

        /// <summary>Lines for such an od pair (see <see cref="Bins"/>); null where they would not pay.</summary>
        public static ChoiceLines? Create(double sigma, double actingAgents, int options) =>
            Bins(sigma, actingAgents, options, out int shift, out long first, out int bins) ? new ChoiceLines(shift, first, bins, options) : null;

        /// <summary>Bytes the lines of such an od pair hold (arrays with their headers and the object), 0 where there are none.</summary>
        public static long Bytes(double sigma, double actingAgents, int options) =>
            Bins(sigma, actingAgents, options, out _, out _, out int bins) ? 8L * (PointStride(bins) + TableDoubles(options)) + 2 * 24 + 72 : 0;

        /// <summary>
        /// Doubles of scratch <see cref="Build"/> needs for such an od pair: exponents by option and point, each
        /// point's largest, and log N_j, log M_j and their slopes by boundary and point; suffix sums by option.
        /// </summary>
        public static int ScratchDoubles(double sigma, double actingAgents, int options) =>
            Bins(sigma, actingAgents, options, out _, out _, out int bins) ? (options + 1 + 4 * (options - 1)) * PointStride(bins) + 8 * (options + 1) : 0;

        /// <summary>Bytes of a scratch array of this many doubles (0 for none).</summary>
        public static long ScratchBytes(int doubles) => doubles == 0 ? 0 : 8L * doubles + 24;

        /// <summary>
        /// logit(u) = log(u / (1 - u)) of eight uniforms, as the engine computes it for <see cref="TryPick"/>
        /// (within a few units in the last place; the margin allows for 10^-9), and NaN for uniforms outside
        /// [<see cref="LowestUniform"/>, <see cref="HighestUniform"/>], which TryPick then declines.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Logit(Vector512<double> u)
        {
            var inside = Vector512.GreaterThanOrEqual(u, Vector512.Create(LowestUniform)) & Vector512.LessThanOrEqual(u, Vector512.Create(HighestUniform));
            return Vector512.ConditionalSelect(inside, Vector512.Log(u / (Vector512<double>.One - u)), Vector512.Create(double.NaN));
        }

        /// <summary>
        /// This period's lines from the od pair's lanes (attraction A and risk term B of each option, the outside
        /// option first with A = B = 0) and 1/tau; <paramref name="scratch"/> holds at least
        /// <see cref="ScratchDoubles"/> doubles.
        /// </summary>
        public void Build(ReadOnlySpan<double> attraction, ReadOnlySpan<double> risk, double inverseTemperature, double[] scratch)
        {
            int options = _boundaries + 1;
            double riskLow = double.PositiveInfinity, riskHigh = double.NegativeInfinity, largestAttraction = 0;
            for (int k = 0; k < options; k++)
            {
                riskLow = Math.Min(riskLow, risk[k]);
                riskHigh = Math.Max(riskHigh, risk[k]);
                largestAttraction = Math.Max(largestAttraction, Math.Abs(attraction[k]));
            }
            // D_j does not change when every option's B moves by the same c (exp(rho c / tau) cancels); f and g
            // change by the same line, which leaves chords and tangents bounding them. Centred, the numbers are smallest.
            double centre = 0.5 * (riskLow + riskHigh), halfSpread = 0.5 * (riskHigh - riskLow);
            double rhoMax = _points[^1];

            // The margin in log-odds. The exact path's cumulative weights and u * Z are within a relative eta of
            // exact (as in ChoiceBounds: eta = 2^-50 G + 4e-15 + options 2^-52, G the largest exponent's magnitude),
            // so it counts boundary j when F_j <= u (1 - 3 eta) and not when F_j > u (1 + 3 eta); for u <= 1 - 2^-20
            // that moves logit(u) by at most 3 eta 2^20 (x 1.01). The lines are a few dozen roundings of numbers of
            // at most magnitude (logs, slopes times rho), each 2^-53 relative; logit(u) is within 1e-13. Each allowance
            // is taken many times over.
            double exactMagnitude = inverseTemperature * (largestAttraction + rhoMax * Math.Max(Math.Abs(riskLow), Math.Abs(riskHigh)));
            double eta = Math.ScaleB(exactMagnitude, -50) + 4e-15 + options * Math.ScaleB(1.0, -52);
            double range = 2 * inverseTemperature * (largestAttraction + rhoMax * halfSpread); // the largest gap between two options' exponents
            double magnitude = range + Math.Log(options) + 1 + inverseTemperature * halfSpread * rhoMax;
            double margin = Math.ScaleB(eta, 26) + Math.ScaleB(magnitude, -36) + 1e-9;
            // Past 600 the smallest weights come near the bottom of the doubles and their logs lose precision.
            if (!double.IsFinite(range) || range > 600 || margin > 1e-3)
            {
                _liveBins = 0;
                return;
            }

            int stride = _stride;
            ref double x = ref MemoryMarshal.GetArrayDataReference(scratch); // exponents by option, then weights
            ref double shift = ref Unsafe.Add(ref x, options * stride); // max_k x_k(p)
            ref double logN = ref Unsafe.Add(ref shift, stride); // by boundary and point
            ref double slopeN = ref Unsafe.Add(ref logN, _boundaries * stride);
            ref double logM = ref Unsafe.Add(ref slopeN, _boundaries * stride);
            ref double slopeM = ref Unsafe.Add(ref logM, _boundaries * stride);
            ref double suffixW = ref Unsafe.Add(ref slopeM, _boundaries * stride); // four points, by option
            ref double suffixP = ref Unsafe.Add(ref suffixW, 4 * (options + 1));
            ref double rho = ref MemoryMarshal.GetArrayDataReference(_points);

            // Exponents x_k(p) = (A_k - rho_p (B_k - centre)) / tau and weights exp(x_k - max_k x_k), four points at a time.
            for (int p = 0; p < stride; p += 4)
                Vector256.Create(double.NegativeInfinity).StoreUnsafe(ref shift, (nuint)p);
            for (int k = 0; k < options; k++)
            {
                var a = Vector256.Create(inverseTemperature * attraction[k]);
                var b = Vector256.Create(inverseTemperature * (risk[k] - centre));
                for (int p = 0; p < stride; p += 4)
                {
                    var value = a - Vector256.LoadUnsafe(ref rho, (nuint)p) * b;
                    value.StoreUnsafe(ref x, (nuint)(k * stride + p));
                    Vector256.Max(Vector256.LoadUnsafe(ref shift, (nuint)p), value).StoreUnsafe(ref shift, (nuint)p);
                }
            }
            for (int k = 0; k < options; k++)
                for (int p = 0; p < stride; p += 4)
                {
                    nuint at = (nuint)(k * stride + p);
                    DeterministicExp.Exp(Vector256.LoadUnsafe(ref x, at) - Vector256.LoadUnsafe(ref shift, (nuint)p)).StoreUnsafe(ref x, at);
                }

            // At every point, for every boundary j: f = log N_j, f' = d f / d rho = -(sum of w_k beta_k) / N_j over
            // k <= j (beta_k = (B_k - centre) / tau), and g = log M_j, g' likewise over k > j.
            for (int p = 0; p < stride; p += 4)
            {
                var sumW = Vector256<double>.Zero;
                var sumP = Vector256<double>.Zero;
                for (int k = options - 1; k > 0; k--)
                {
                    var weight = Vector256.LoadUnsafe(ref x, (nuint)(k * stride + p));
                    sumW += weight;
                    sumP += weight * Vector256.Create(inverseTemperature * (risk[k] - centre));
                    sumW.StoreUnsafe(ref suffixW, (nuint)(4 * k));
                    sumP.StoreUnsafe(ref suffixP, (nuint)(4 * k));
                }
                var s = Vector256.LoadUnsafe(ref shift, (nuint)p);
                sumW = Vector256<double>.Zero;
                sumP = Vector256<double>.Zero;
                for (int j = 0; j < _boundaries; j++)
                {
                    var weight = Vector256.LoadUnsafe(ref x, (nuint)(j * stride + p));
                    sumW += weight;
                    sumP += weight * Vector256.Create(inverseTemperature * (risk[j] - centre));
                    var afterW = Vector256.LoadUnsafe(ref suffixW, (nuint)(4 * j + 4));
                    var afterP = Vector256.LoadUnsafe(ref suffixP, (nuint)(4 * j + 4));
                    nuint at = (nuint)(j * stride + p);
                    (s + Vector256.Log(sumW)).StoreUnsafe(ref logN, at);
                    (-sumP / sumW).StoreUnsafe(ref slopeN, at);
                    (s + Vector256.Log(afterW)).StoreUnsafe(ref logM, at);
                    (-afterP / afterW).StoreUnsafe(ref slopeM, at);
                }
            }

            // Per bin and boundary: upper line chord_f - tangent_g(rm), lower line tangent_f(rm) - chord_g, as
            // intercept and slope in rho, widened by the margin.
            for (int bin = 0; bin < _bins; bin++)
            {
                int p0 = 2 * bin, pm = p0 + 1, p1 = p0 + 2;
                double r0 = _points[p0], rm = _points[pm], width = _points[p1] - r0;
                for (int j = 0; j < _boundaries; j++)
                {
                    int row = j * 4 * MaxBins + bin;
                    int at = j * stride;
                    double f0 = Unsafe.Add(ref logN, at + p0), fm = Unsafe.Add(ref logN, at + pm), f1 = Unsafe.Add(ref logN, at + p1);
                    double g0 = Unsafe.Add(ref logM, at + p0), gm = Unsafe.Add(ref logM, at + pm), g1 = Unsafe.Add(ref logM, at + p1);
                    double df = Unsafe.Add(ref slopeN, at + pm), dg = Unsafe.Add(ref slopeM, at + pm);
                    double chordF = (f1 - f0) / width, chordG = (g1 - g0) / width;
                    _table[row] = f0 - chordF * r0 - gm + dg * rm + margin;
                    _table[row + MaxBins] = chordF - dg;
                    _table[row + 2 * MaxBins] = fm - df * rm - g0 + chordG * r0 - margin;
                    _table[row + 3 * MaxBins] = df - chordG;
                }
            }
            _liveBins = _bins;
        }

        /// <summary>Whether this period's lines are built (false: the od pair's agents take the exact path).</summary>
        public bool Live => _liveBins > 0;

        /// <summary>
        /// The choices (-1 abstain, else the route's index within the od pair) of eight agents with risk multipliers
        /// <paramref name="rho"/> and <paramref name="logit"/> the <see cref="Logit(Vector512{double})"/> of their
        /// choice uniforms; returns a bit per lane, set where the lines decide that lane's choice, which is then the
        /// exact computation's. Needs AVX-512 (lines exist only there).
        /// </summary>
        /// <remarks>
        /// Boundary j is surely counted when its upper line is at or below logit(u), possibly counted unless its
        /// lower line is above it; the lines decide when the two agree at every boundary. A NaN logit (u outside
        /// the range) makes every boundary possibly but none surely counted, so it is declined.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong TryPick(Vector512<double> rho, Vector512<double> logit, out Vector512<long> choice)
        {
            var bin = Vector512.ShiftRightArithmetic(rho.AsInt64(), _shift) - Vector512.Create(_first);
            var inBins = Vector512.LessThan(bin.AsUInt64(), Vector512.Create((ulong)_liveBins));
            var count = Vector512.Create(-1L);
            var differ = Vector512<long>.Zero;
            ref double table = ref MemoryMarshal.GetArrayDataReference(_table);
            for (int j = 0; j < _boundaries; j++)
            {
                nuint at = (nuint)(j * 4 * MaxBins);
                // The low four bits of bin pick one of the 16 entries of two registers.
                var upperA = Avx512F.PermuteVar8x64x2(Vector512.LoadUnsafe(ref table, at), bin, Vector512.LoadUnsafe(ref table, at + 8));
                var upperB = Avx512F.PermuteVar8x64x2(Vector512.LoadUnsafe(ref table, at + 16), bin, Vector512.LoadUnsafe(ref table, at + 24));
                var lowerA = Avx512F.PermuteVar8x64x2(Vector512.LoadUnsafe(ref table, at + 32), bin, Vector512.LoadUnsafe(ref table, at + 40));
                var lowerB = Avx512F.PermuteVar8x64x2(Vector512.LoadUnsafe(ref table, at + 48), bin, Vector512.LoadUnsafe(ref table, at + 56));
                var surely = Vector512.LessThanOrEqual(upperA + upperB * rho, logit).AsInt64();
                var possibly = ~Vector512.GreaterThan(lowerA + lowerB * rho, logit).AsInt64();
                count -= surely;
                differ |= surely ^ possibly;
            }
            choice = count;
            return (Vector512.Equals(differ, Vector512<long>.Zero) & inBins.AsInt64()).ExtractMostSignificantBits();
        }
    }
}
