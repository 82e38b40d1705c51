using RouteSim.Analysis.Calibration;

namespace RouteSim.Analysis.Tests.Calibration;

public class NelderMeadFitTests
{
    private static readonly BoundedParameter[] Box = [new("x", -5, 5, -1.2), new("y", -5, 5, 1)];

    private static double Rosenbrock(double[] v) => Math.Pow(1 - v[0], 2) + 100 * Math.Pow(v[1] - v[0] * v[0], 2);

    [Fact]
    public void Finds_the_minimum_of_the_Rosenbrock_valley_inside_bounds()
    {
        var fit = NelderMeadFit.Minimize(Box, Rosenbrock, 4000, 1e-14);
        Assert.Equal(1, fit.Best[0], 3);
        Assert.Equal(1, fit.Best[1], 3);
        Assert.StartsWith("converged", fit.StopReason);
        Assert.Equal(fit.BestLoss, fit.Trace.Min(e => e.Loss));
        Assert.All(fit.Trace.Zip(fit.Trace.Skip(1)), p => Assert.True(p.Second.BestLoss <= p.First.BestLoss));
    }

    [Fact]
    public void Stops_at_the_budget_and_keeps_the_best_point_seen()
    {
        var fit = NelderMeadFit.Minimize(Box, Rosenbrock, 25);
        Assert.Equal(25, fit.Trace.Count);
        Assert.Contains("budget", fit.StopReason);
        Assert.Equal(Rosenbrock(fit.Best), fit.BestLoss);
    }

    [Fact]
    public void Never_proposes_a_point_outside_the_bounds()
    {
        var seen = new List<double[]>();
        NelderMeadFit.Minimize([new("a", 0.1, 2, 1, Log: true), new("b", 3, 4, 3.5)], v => { seen.Add(v); return -v[0] - v[1]; }, 300);
        Assert.All(seen, v => { Assert.InRange(v[0], 0.1, 2); Assert.InRange(v[1], 3, 4); });
    }

    [Fact]
    public void An_invalid_point_is_avoided_rather_than_fatal()
    {
        var fit = NelderMeadFit.Minimize(Box, v => v[0] < 0 ? double.NaN : Rosenbrock(v), 3000, 1e-12);
        Assert.True(fit.Best[0] >= 0);
        Assert.Equal(1, fit.Best[0], 2);
    }

    [Fact]
    public void Several_starts_find_the_deeper_of_two_wells()
    {
        // A shallow well at x = -3 next to the start and a deep one at x = 3.
        double Wells(double[] v) => -Math.Exp(-Math.Pow(v[0] + 3, 2)) - 2 * Math.Exp(-Math.Pow(v[0] - 3, 2)) + 0.01 * v[1] * v[1];
        BoundedParameter[] box = [new("x", -5, 5, -3), new("y", -1, 1, 0.5)];
        var one = NelderMeadFit.Minimize(box, Wells, 400, 1e-12);
        var several = NelderMeadFit.MinimizeFromSeveralStarts(box, Wells, 5, 2000, 1e-12, NelderMeadFit.DefaultStep, 3);
        Assert.Equal(-3, one.Best[0], 1);
        Assert.Equal(3, several.Best[0], 1);
        Assert.True(several.Trace.Count <= 2000);
        Assert.Equal(several.BestLoss, several.Trace.Min(e => e.Loss));
    }

    [Fact]
    public void The_unbounded_scale_maps_back_to_the_same_value()
    {
        foreach (var p in new BoundedParameter[] { new("a", 0.001, 1, 0.5, Log: true), new("b", -2, 8, 0) })
            foreach (var x in new[] { p.Lower + 0.01 * (p.Upper - p.Lower), p.Start, p.Upper - 0.1 * (p.Upper - p.Lower) })
                Assert.Equal(x, p.FromFree(p.ToFree(x)), 9);
    }
}
