using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using static RouteSim.Core.Randomness.CounterRng;

namespace RouteSim.Core.Engine;

// Each agent's risk multiplier rho = exp(sigma z), z by Box and Muller (docs/model.md section 3), drawn only when it is
// needed. Where an organization's agents are stored by bin of rho and choose in eight lanes, rho itself is read only
// by the exact path, which about one agent in a hundred takes a period: until then only its bin matters. A
// logarithm, a cosine and an exponential of the C library for every agent at set-up cost a fifth of what a spread
// adds to a decision on benchmarks/scenarios/mixed-border.yaml. So at set-up each agent's bin comes from an
// approximation of rho, eight agents at a time, wherever every value within a margin far above both computations'
// errors lies in the same bin (all but about one agent in a million; theirs comes from rho drawn at once); rho is drawn
// by the same library calls from the same key the first time the exact path needs it. No draw changes: the same
// key gives the same rho, whenever it is drawn.
public sealed partial class ReplicationRunner
{
    /// <summary>rho = exp(sigma z) of the agent with set-up key <paramref name="setupKey"/>, z = sqrt(-2 ln u1) cos(2 pi u2) (Box and Muller).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot but loop-free: tiered compilation would run it unoptimised for a run's first 0.1 s or more
    internal static double DrawRho(ulong setupKey, double sigma)
    {
        double z = Math.Sqrt(-2 * Math.Log(OpenUniform(setupKey, Purpose.Risk))) * Math.Cos(2 * Math.PI * Uniform(setupKey, Purpose.RiskAngle));
        return Math.Exp(sigma * z);
    }

    /// <summary>Marks a rho not yet drawn (<see cref="SetUpByBin"/>): no drawn rho is NaN.</summary>
    private const double NotDrawn = double.NaN;

    /// <summary>Agent i's rho (its organization's risk_sigma <paramref name="sigma"/>), drawn and kept now if set-up left it undrawn.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Rho(int i, double sigma)
    {
        double rho = _risk[i];
        if (double.IsNaN(rho)) _risk[i] = rho = DrawRho(SetupKey(_agentKey[i]), sigma);
        return rho;
    }

    /// <summary>
    /// Whether organization plan's agents get their bin at set-up without their rho (<see cref="SetUpByBin"/>): they
    /// choose in eight lanes, stored by bin of rho, where only the exact path reads rho (through <see cref="Rho"/>), and
    /// the organization has one od pair (SetUpByBin draws no od pair and SortByPairAndBin then moves none).
    /// </summary>
    private bool DrawsRhoWhenNeeded(OrganizationPlan plan) =>
        plan.Organization.Od.Count == 1 && EightLanes && Vector512.IsHardwareAccelerated && StoresByPair(plan) && _walkLanes[plan.Index]![0].Buckets > 1;

    /// <summary>
    /// Relative margin around an approximate rho within which the exact one lies: both are within a few units in the
    /// last place of exp(sigma z) but for the error of z, which is below 1e-13 in both (|z| &lt;= 8.6), so 1e-10 (1 + sigma)
    /// leaves a thousandfold room.
    /// </summary>
    private static double BinMargin(double sigma) => 1e-10 * (1 + sigma);

    /// <summary>
    /// <see cref="DrawRho"/> of eight agents by <see cref="RiskDrawApproximations"/> and DeterministicExp instead of
    /// the C library: within a relative 1e-12 of it for sigma up to 3 (RiskDrawTests), never used as a number.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<double> ApproximateRho(Vector512<ulong> setupKeys, double sigma)
    {
        var open = (Vector512.ConvertToDouble(UniformBits(setupKeys, Purpose.Risk)) + Vector512.Create(0.5)) * Vector512.Create(1.0 / (1UL << 53));
        var angle = Vector512.ConvertToDouble(UniformBits(setupKeys, Purpose.RiskAngle)) * Vector512.Create(1.0 / (1UL << 53));
        var z = Vector512.Sqrt(Vector512.Create(-2.0) * RiskDrawApproximations.Log(open)) * RiskDrawApproximations.CosTwoPi(angle);
        return Numerics.DeterministicExp.Exp(Vector512.Create(sigma) * z);
    }

    /// <summary>
    /// <see cref="SetUp"/> for an organization that draws rho when needed: each agent's od pair (its one), rho
    /// <see cref="NotDrawn"/> and, in FreeAt, its bucket (ChoiceBounds.Bucket of its rho), from which
    /// <see cref="SortByPairAndBin"/> writes each agent's key into its slot.
    /// </summary>
    private void SetUpByBin(Chunk chunk)
    {
        var plan = chunk.Plan;
        var bounds = _bounds[_odIndexStart[plan.Index]]!;
        double sigma = plan.Organization.RiskSigma, margin = BinMargin(sigma);
        int i = chunk.Start;
        Array.Clear(_od, chunk.Start, chunk.End - chunk.Start);
        Array.Fill(_risk, NotDrawn, chunk.Start, chunk.End - chunk.Start);
        for (; i + 8 <= chunk.End; i += 8)
        {
            var bucket = bounds.SureBuckets(ApproximateRho(SetupKeys(AgentKeys(_replicationKey, i)), sigma), margin);
            System.Runtime.Intrinsics.X86.Avx512F.ConvertToVector256Int32(bucket).StoreUnsafe(ref _freeAt[i]);
            // Too near an edge of a bin for the approximation to tell: the bin of rho drawn as it will be.
            ulong unsure = Vector512.LessThan(bucket, Vector512<long>.Zero).ExtractMostSignificantBits();
            for (; unsure != 0; unsure &= unsure - 1)
            {
                int j = i + System.Numerics.BitOperations.TrailingZeroCount(unsure);
                _freeAt[j] = bounds.Bucket(DrawRho(SetupKey(AgentKey(_replicationKey, j)), sigma));
            }
        }
        for (; i < chunk.End; i++) _freeAt[i] = bounds.Bucket(DrawRho(SetupKey(AgentKey(_replicationKey, i)), sigma));
    }
}

/// <summary>
/// ln x and cos(2 pi x) eight lanes at a time, accurate to about 1e-15, for <see cref="ReplicationRunner"/>'s set-up
/// of bins (ReplicationRunner.RiskDraw.cs): never a number a result shows, only the bin of a rho where a margin of
/// 1e-10 around it cannot leave the bin.
/// </summary>
internal static class RiskDrawApproximations
{
    /// <summary>
    /// ln x for x in (0, 1] (normal numbers): x = 2^e f with f in [sqrt(1/2), sqrt(2)), ln f = 2 atanh(s) with s =
    /// (f - 1)/(f + 1), |s| &lt;= 0.172, by its series to s^17 (the rest below 1e-15 of ln f): relative error about
    /// 1e-15 near x = 1, absolute about 4e-15 elsewhere.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Log(Vector512<double> x)
    {
        var bits = x.AsInt64();
        var exponent = Vector512.ShiftRightLogical(bits, 52) - Vector512.Create(1023L);
        var f = (bits & Vector512.Create(0x000F_FFFF_FFFF_FFFFL) | Vector512.Create(0x3FF0_0000_0000_0000L)).AsDouble(); // [1, 2)
        var above = Vector512.GreaterThan(f, Vector512.Create(Math.Sqrt(2)));
        f = Vector512.ConditionalSelect(above, f * Vector512.Create(0.5), f);
        exponent -= above.AsInt64(); // a true compare is -1
        var s = (f - Vector512<double>.One) / (f + Vector512<double>.One);
        var s2 = s * s;
        var series = Vector512.Create(1.0 / 17);
        for (int k = 15; k >= 1; k -= 2) series = Vector512.Create(1.0 / k) + s2 * series;
        return Vector512.ConvertToDouble(exponent) * Vector512.Create(Math.Log(2)) + Vector512.Create(2.0) * s * series;
    }

    /// <summary>
    /// cos(2 pi x) for x in [0, 1): x = k/4 + r with k = round(4x) and |r| &lt;= 1/8 (both exact), then plus or minus the
    /// cosine or sine of 2 pi r by Taylor series to degree 16 and 17 (the rest below 1e-17): absolute error about 1e-16.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> CosTwoPi(Vector512<double> x)
    {
        var k = Vector512.Floor(x * Vector512.Create(4.0) + Vector512.Create(0.5));
        var theta = (x - k * Vector512.Create(0.25)) * Vector512.Create(2 * Math.PI);
        var t2 = theta * theta;
        var cos = Vector512.Create(CosSeries[^1]);
        var sin = Vector512.Create(SinSeries[^1]);
        for (int n = CosSeries.Length - 2; n >= 0; n--)
        {
            cos = Vector512.Create(CosSeries[n]) + t2 * cos;
            sin = Vector512.Create(SinSeries[n]) + t2 * sin;
        }
        sin *= theta;
        // cos(t + k pi/2): cos t, -sin t, -cos t, sin t for k mod 4 = 0, 1, 2, 3.
        var quarter = Vector512.ConvertToInt64(k) & Vector512.Create(3L);
        var useSin = Vector512.Equals(quarter & Vector512<long>.One, Vector512<long>.One).AsDouble();
        var negate = Vector512.Equals(Vector512.ShiftRightLogical(quarter + Vector512<long>.One, 1) & Vector512<long>.One, Vector512<long>.One).AsDouble();
        var value = Vector512.ConditionalSelect(useSin, sin, cos);
        return Vector512.ConditionalSelect(negate, -value, value);
    }

    /// <summary>(-1)^n / (2n)!, n = 0..8: the cosine's series in t^2.</summary>
    private static readonly double[] CosSeries = Series(0);

    /// <summary>(-1)^n / (2n + 1)!, n = 0..8: the sine's series in t^2, times t.</summary>
    private static readonly double[] SinSeries = Series(1);

    private static double[] Series(int odd)
    {
        var terms = new double[9];
        double factorial = 1; // (2n + odd)!, exact in double up to 17!
        for (int n = 0, k = 1; n < terms.Length; n++)
        {
            for (; k <= 2 * n + odd; k++) factorial *= k;
            terms[n] = (n % 2 == 0 ? 1 : -1) / factorial;
        }
        return terms;
    }
}
