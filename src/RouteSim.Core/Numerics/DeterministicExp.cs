using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RouteSim.Core.Numerics;

/// <summary>
/// exp(x) four or eight lanes at a time, with the same bits on every machine.
/// </summary>
/// <remarks>
/// The logit choice needs one exponential per option per agent, the engine's largest cost. Math.Exp is a call
/// into the C library, one value at a time, and vectorised library versions may round differently from one
/// instruction set to another. This one uses only IEEE additions and multiplications (never fused), a
/// round-to-nearest-even, and an exponent built from integer bits, so a lane computes the same result whether
/// the hardware runs it as AVX2, AVX-512, SSE or in software. Range reduction is Cody and Waite's
/// (x = n ln2 + r, |r| &lt;= ln2/2); exp(r) is its Taylor series to degree 12 (truncation error below 2e-16
/// relative), evaluated by Estrin's scheme. Inputs below -700 are treated as -700 (a weight under 1e-304 of the largest one).
/// </remarks>
public static class DeterministicExp
{
    private const double Log2E = 1.4426950408889634;
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Lowest = -700;
    private const double Highest = 700;
    private const double Shifter = 6755399441055744.0; // 1.5 * 2^52
    private const long ShifterBits = 0x4338000000000000L; // its bit pattern

    /// <summary>exp of each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x)
    {
        x = Vector256.Min(Vector256.Max(x, Vector256.Create(Lowest)), Vector256.Create(Highest));

        // n = round(x / ln2), to nearest even, by adding and removing 1.5 * 2^52: the sum's low bits then hold n,
        // which becomes the exponent of 2^n without a float-to-integer conversion.
        var shifted = x * Vector256.Create(Log2E) + Vector256.Create(Shifter);
        var n = shifted - Vector256.Create(Shifter);
        var r = (x - n * Vector256.Create(Ln2Hi)) - n * Vector256.Create(Ln2Lo);

        // 1 + r + r^2/2! + ... + r^12/12! by Estrin's scheme: the same terms as Horner's rule, grouped so the
        // chain of dependent operations is 8 long instead of 24 (the engine is bound by this latency).
        var r2 = r * r;
        var r4 = r2 * r2;
        var r8 = r4 * r4;
        var q0 = Vector256.Create(1.0) + r;
        var q1 = Vector256.Create(1.0 / 2) + Vector256.Create(1.0 / 6) * r;
        var q2 = Vector256.Create(1.0 / 24) + Vector256.Create(1.0 / 120) * r;
        var q3 = Vector256.Create(1.0 / 720) + Vector256.Create(1.0 / 5040) * r;
        var q4 = Vector256.Create(1.0 / 40320) + Vector256.Create(1.0 / 362880) * r;
        var q5 = Vector256.Create(1.0 / 3628800) + Vector256.Create(1.0 / 39916800) * r;
        var q6 = Vector256.Create(1.0 / 479001600);
        var s0 = q0 + q1 * r2;
        var s1 = q2 + q3 * r2;
        var s2 = q4 + q5 * r2;
        var t0 = s0 + s1 * r4;
        var t1 = s2 + q6 * r4;
        var p = t0 + t1 * r8;

        var scale = Vector256.ShiftLeft(shifted.AsInt64() - Vector256.Create(ShifterBits - 1023L), 52).AsDouble();
        return p * scale;
    }

    /// <summary>exp of each of eight lanes: the same arithmetic lane by lane, so the same bits as the four-lane version.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> x)
    {
        x = Vector512.Min(Vector512.Max(x, Vector512.Create(Lowest)), Vector512.Create(Highest));

        // n = round(x / ln2), to nearest even, by adding and removing 1.5 * 2^52: the sum's low bits then hold n,
        // which becomes the exponent of 2^n without a float-to-integer conversion.
        var shifted = x * Vector512.Create(Log2E) + Vector512.Create(Shifter);
        var n = shifted - Vector512.Create(Shifter);
        var r = (x - n * Vector512.Create(Ln2Hi)) - n * Vector512.Create(Ln2Lo);

        // 1 + r + r^2/2! + ... + r^12/12! by Estrin's scheme: the same terms as Horner's rule, grouped so the
        // chain of dependent operations is 8 long instead of 24 (the engine is bound by this latency).
        var r2 = r * r;
        var r4 = r2 * r2;
        var r8 = r4 * r4;
        var q0 = Vector512.Create(1.0) + r;
        var q1 = Vector512.Create(1.0 / 2) + Vector512.Create(1.0 / 6) * r;
        var q2 = Vector512.Create(1.0 / 24) + Vector512.Create(1.0 / 120) * r;
        var q3 = Vector512.Create(1.0 / 720) + Vector512.Create(1.0 / 5040) * r;
        var q4 = Vector512.Create(1.0 / 40320) + Vector512.Create(1.0 / 362880) * r;
        var q5 = Vector512.Create(1.0 / 3628800) + Vector512.Create(1.0 / 39916800) * r;
        var q6 = Vector512.Create(1.0 / 479001600);
        var s0 = q0 + q1 * r2;
        var s1 = q2 + q3 * r2;
        var s2 = q4 + q5 * r2;
        var t0 = s0 + s1 * r4;
        var t1 = s2 + q6 * r4;
        var p = t0 + t1 * r8;

        var scale = Vector512.ShiftLeft(shifted.AsInt64() - Vector512.Create(ShifterBits - 1023L), 52).AsDouble();
        return p * scale;
    }

    /// <summary>exp of one value, by the same arithmetic as a lane of <see cref="Exp(Vector256{double})"/>.</summary>
    public static double Exp(double x) => Exp(Vector256.Create(x)).GetElement(0);
}
