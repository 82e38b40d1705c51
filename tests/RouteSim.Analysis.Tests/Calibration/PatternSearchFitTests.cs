using RouteSim.Analysis.Calibration;

namespace RouteSim.Analysis.Tests.Calibration;

public class PatternSearchFitTests
{
    private static readonly BoundedParameter[] Box = [new("x", -5, 5, -1.2), new("y", -5, 5, 1)];

    private static double Quadratic(double[] v) => Math.Pow(v[0] - 1, 2) + 3 * Math.Pow(v[1] + 0.5, 2);

    // A bowl with a fine staircase on it, as a loss under common random numbers is: flat at small scales, jumping at steps.
    private static double Rough(double[] v) => Quadratic(v) + 0.3 * Math.Abs(Math.Sin(40 * v[0]) * Math.Cos(37 * v[1]));

    private static Func<IReadOnlyList<double[]>, double[]> Each(Func<double[], double> loss) => points => points.Select(loss).ToArray();

    [Fact]
    public void Finds_the_minimum_of_a_bowl_inside_bounds()
    {
        var fit = PatternSearchFit.Minimize(Box, Each(Quadratic), 2000, 1, 1e-7);
        Assert.Equal(1, fit.Best[0], 4);
        Assert.Equal(-0.5, fit.Best[1], 4);
        Assert.StartsWith("converged", fit.StopReason);
        Assert.Equal(fit.BestLoss, fit.Trace.Min(e => e.Loss));
        Assert.Equal(Quadratic(fit.Best), fit.BestLoss);
        Assert.All(fit.Trace.Zip(fit.Trace.Skip(1)), p => Assert.True(p.Second.BestLoss <= p.First.BestLoss));
    }

    [Fact]
    public void Polls_every_direction_at_once_and_stops_at_the_budget()
    {
        var sizes = new List<int>();
        var fit = PatternSearchFit.Minimize(Box, points => { sizes.Add(points.Count); return points.Select(Quadratic).ToArray(); }, 23, 1, 1e-9);
        Assert.Equal(23, fit.Trace.Count);
        Assert.Contains("budget", fit.StopReason);
        // The start alone, then polls of 2 x parameters points, the last cut to the budget.
        Assert.Equal([1, 4, 4, 4, 4, 4, 2], sizes);
    }

    [Fact]
    public void A_known_start_loss_is_not_evaluated_again_and_the_result_is_never_above_it()
    {
        double start = Rough([-1.2, 1]);
        var fit = PatternSearchFit.Minimize(Box, Each(Rough), 40, 0.05, 1e-3, startLoss: start);
        Assert.Equal(40, fit.Trace.Count);
        Assert.DoesNotContain(fit.Trace, e => e.Values.SequenceEqual([-1.2, 1.0]));
        Assert.True(fit.BestLoss <= start);
        Assert.Equal(Rough(fit.Best), fit.BestLoss);
    }

    [Fact]
    public void Never_leaves_the_start_when_nothing_nearby_is_lower()
    {
        // The start is the minimum: the search halves its step until it stops and returns the start unchanged.
        var at = new BoundedParameter[] { new("x", -5, 5, 1), new("y", -5, 5, -0.5) };
        var fit = PatternSearchFit.Minimize(at, Each(Quadratic), 1000, 0.5, 1e-3);
        Assert.Equal([1.0, -0.5], fit.Best);
        Assert.Equal(0, fit.BestLoss);
        Assert.StartsWith("converged: 0 pattern-search moves", fit.StopReason);
    }

    [Fact]
    public void Never_proposes_a_point_outside_the_bounds_and_avoids_invalid_ones()
    {
        var seen = new List<double[]>();
        var fit = PatternSearchFit.Minimize([new("a", 0.1, 2, 1, Log: true), new("b", 3, 4, 3.5)],
            Each(v => { seen.Add(v); return v[1] > 3.8 ? double.NaN : -v[0] - v[1]; }), 300, 1, 1e-4);
        Assert.All(seen, v => { Assert.InRange(v[0], 0.1, 2); Assert.InRange(v[1], 3, 4); });
        Assert.True(fit.Best[1] <= 3.8);
        Assert.Equal(3.8, fit.Best[1], 2);
    }
}
