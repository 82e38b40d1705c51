using System.Runtime.Intrinsics;
using RouteSim.Core.Numerics;

namespace RouteSim.Core.Tests.Numerics;

public class DeterministicExpTests
{
    [Fact]
    public void Agrees_with_the_C_library_to_a_few_ulps()
    {
        var random = new Random(3);
        for (int i = 0; i < 200_000; i++)
        {
            double x = -700 * random.NextDouble() * random.NextDouble() + (i % 7 == 0 ? 5 * random.NextDouble() : 0);
            double expected = Math.Exp(x), actual = DeterministicExp.Exp(x);
            Assert.True(Math.Abs(actual - expected) <= 1e-15 * expected, $"exp({x:R}) = {actual:R}, library {expected:R}");
        }
        Assert.Equal(1.0, DeterministicExp.Exp(0));
        Assert.Equal(Math.Exp(-700), DeterministicExp.Exp(-1e300), 1e-310);
    }

    [Fact]
    public void Every_lane_gives_the_bits_of_the_scalar_call()
    {
        var random = new Random(5);
        for (int i = 0; i < 10_000; i++)
        {
            var x = Vector256.Create(-50 * random.NextDouble(), -0.001 * random.NextDouble(), -700 * random.NextDouble(), -3 * random.NextDouble());
            var y = DeterministicExp.Exp(x);
            for (int lane = 0; lane < 4; lane++) Assert.Equal(DeterministicExp.Exp(x.GetElement(lane)), y.GetElement(lane));
        }
    }

    [Fact]
    public void Every_lane_of_eight_gives_the_bits_of_the_scalar_call()
    {
        var random = new Random(6);
        var values = new double[8];
        for (int i = 0; i < 10_000; i++)
        {
            for (int lane = 0; lane < 8; lane++) values[lane] = -(lane % 3 == 0 ? 700 : 20) * random.NextDouble();
            var y = DeterministicExp.Exp(Vector512.Create(values));
            for (int lane = 0; lane < 8; lane++) Assert.Equal(DeterministicExp.Exp(values[lane]), y.GetElement(lane));
        }
    }
}
