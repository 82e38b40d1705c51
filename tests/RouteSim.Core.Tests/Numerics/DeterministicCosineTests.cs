using System.Runtime.Intrinsics;
using RouteSim.Core.Numerics;

namespace RouteSim.Core.Tests.Numerics;

public class DeterministicCosineTests
{
    /// <summary>cos(2 pi x) against Math.Cos(2 pi x) at the quarter points and a few units either side, and a million uniforms.</summary>
    [Fact]
    public void The_cosine_is_within_a_few_units_of_the_library_s()
    {
        var points = new List<double>();
        foreach (double q in new[] { 0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875 })
            for (long m = -50; m <= 50; m++)
            {
                double x = q + m * Math.ScaleB(1, -53);
                if (x >= 0 && x < 1) points.Add(x);
            }
        points.Add(1 - Math.ScaleB(1, -53));
        var random = new Random(11);
        for (int n = 0; n < 1_000_000; n++) points.Add(random.NextInt64(1L << 53) * Math.ScaleB(1, -53));

        foreach (var (x, approximate) in DeterministicLogTests.Evaluate(points, DeterministicCosine.CosTwoPi))
        {
            // The library's argument 2 pi x is itself rounded (up to 2 pi 2^-53 away): the two agree to that and a few units more.
            double exact = Math.Cos(2 * Math.PI * x);
            Assert.True(Math.Abs(approximate - exact) <= 2e-15, $"cos(2 pi {x:R}): {approximate:R} against {exact:R}");
        }
    }
}
