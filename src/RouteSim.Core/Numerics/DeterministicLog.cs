using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RouteSim.Core.Numerics;

/// <summary>
/// ln x eight lanes at a time, with the same bits on every machine: for the risk multiplier's normal draw (Box and
/// Muller's sqrt(-2 ln u1)), where Math.Log would be the C library's, whose last bit differs between libraries.
/// </summary>
/// <remarks>Only IEEE additions, multiplications, divisions and integer operations on the bits, never fused, so a lane
/// computes the same result whether the hardware runs it as AVX-512, AVX2 or in software (as DeterministicExp).</remarks>
public static class DeterministicLog
{
    /// <summary>ln 2 rounded to the nearest double (a literal: Math.Log(2) would be folded by the C library).</summary>
    private const double Ln2 = 0.6931471805599453;

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
        return Vector512.ConvertToDouble(exponent) * Vector512.Create(Ln2) + Vector512.Create(2.0) * s * series;
    }

}
