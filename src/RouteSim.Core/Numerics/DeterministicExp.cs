using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RouteSim.Core.Numerics;

/// <summary>
/// exp(x) four lanes at a time, with the same bits on every machine.
/// </summary>
/// <remarks>
/// The logit choice needs one exponential per option per agent, the engine's largest cost. Math.Exp is a call
/// into the C library, one value at a time, and vectorised library versions may round differently from one
/// instruction set to another. This one uses only IEEE additions and multiplications (never fused), a
/// round-to-nearest-even, and an exponent built from integer bits, so a lane computes the same result whether
/// the hardware runs it as AVX2, AVX-512, SSE or in software. Range reduction is Cody and Waite's
/// (x = n ln2 + r, |r| &lt;= ln2/2); exp(r) is its Taylor series to degree 12, whose truncation error is below
/// 2e-16 relative. Inputs below -700 are treated as -700 (a weight under 1e-304 of the largest one).
/// </remarks>
public static class DeterministicExp
{
    private const double Log2E = 1.4426950408889634;
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Lowest = -700;
    private const double Highest = 700;

    /// <summary>exp of each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x)
    {
        x = Vector256.Min(Vector256.Max(x, Vector256.Create(Lowest)), Vector256.Create(Highest));
        var n = Vector256.Round(x * Vector256.Create(Log2E));
        var r = (x - n * Vector256.Create(Ln2Hi)) - n * Vector256.Create(Ln2Lo);

        // Horner's rule on 1 + r + r^2/2! + ... + r^12/12!.
        var p = Vector256.Create(1.0 / 479001600);
        p = p * r + Vector256.Create(1.0 / 39916800);
        p = p * r + Vector256.Create(1.0 / 3628800);
        p = p * r + Vector256.Create(1.0 / 362880);
        p = p * r + Vector256.Create(1.0 / 40320);
        p = p * r + Vector256.Create(1.0 / 5040);
        p = p * r + Vector256.Create(1.0 / 720);
        p = p * r + Vector256.Create(1.0 / 120);
        p = p * r + Vector256.Create(1.0 / 24);
        p = p * r + Vector256.Create(1.0 / 6);
        p = p * r + Vector256.Create(0.5);
        p = p * r + Vector256.Create(1.0);
        p = p * r + Vector256.Create(1.0);

        var scale = Vector256.ShiftLeft(Vector256.ConvertToInt64(n) + Vector256.Create(1023L), 52).AsDouble();
        return p * scale;
    }

    /// <summary>exp of one value, by the same arithmetic as a lane of <see cref="Exp(Vector256{double})"/>.</summary>
    public static double Exp(double x) => Exp(Vector256.Create(x)).GetElement(0);
}
