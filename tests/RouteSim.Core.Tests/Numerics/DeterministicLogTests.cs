using System.Runtime.Intrinsics;
using RouteSim.Core.Numerics;

namespace RouteSim.Core.Tests.Numerics;

public class DeterministicLogTests
{
    /// <summary>
    /// ln x against Math.Log at the uniforms set-up draws: the smallest ones, those next to 1 (where ln x is tiny and
    /// only a relative error will do), the edges of the reduction (sqrt(1/2), sqrt(2)/2^k) and a million spread over (0, 1).
    /// </summary>
    [Fact]
    public void The_logarithm_is_within_a_few_units_of_the_library_s()
    {
        var points = new List<double>();
        for (long m = 0; m < 1000; m++)
        {
            points.Add((m + 0.5) / (1UL << 53));
            points.Add(((1L << 53) - 1 - m + 0.5) / (1UL << 53));
        }
        for (int k = 0; k < 50; k++)
            foreach (double edge in new[] { Math.Sqrt(0.5), Math.Sqrt(2) / 2 })
                for (int ulp = -3; ulp <= 3; ulp++)
                    points.Add(Math.ScaleB(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(edge) + ulp), -k));
        var random = new Random(7);
        for (int n = 0; n < 1_000_000; n++) points.Add((random.NextInt64(1L << 53) + 0.5) / (1UL << 53));

        foreach (var (x, approximate) in Evaluate(points, DeterministicLog.Log))
        {
            // Relative near x = 1 (where ln x is tiny), absolute elsewhere (|ln x| > 0.34 once x is below sqrt(1/2)).
            double exact = Math.Log(x);
            Assert.True(Math.Abs(approximate - exact) <= 2e-15 * Math.Abs(exact) + (Math.Abs(exact) > 0.34 ? 8e-15 : 0),
                $"ln {x:R}: {approximate:R} against {exact:R}");
        }
    }

    internal static IEnumerable<(double X, double Value)> Evaluate(List<double> points, Func<Vector512<double>, Vector512<double>> function)
    {
        var lanes = new double[8];
        for (int start = 0; start < points.Count; start += 8)
        {
            for (int lane = 0; lane < 8; lane++) lanes[lane] = points[Math.Min(start + lane, points.Count - 1)];
            var values = function(Vector512.Create(lanes));
            for (int lane = 0; lane < 8 && start + lane < points.Count; lane++) yield return (lanes[lane], values[lane]);
        }
    }
}
