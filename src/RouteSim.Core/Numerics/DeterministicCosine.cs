using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RouteSim.Core.Numerics;

/// <summary>
/// cos(2 pi x) eight lanes at a time, with the same bits on every machine: for the risk multiplier's normal draw (Box
/// and Muller's cos(2 pi u2)), where Math.Cos would be the C library's, whose last bit differs between libraries.
/// </summary>
/// <remarks>Only IEEE additions, multiplications, floor and conversions, never fused (as DeterministicExp).</remarks>
public static class DeterministicCosine
{
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
