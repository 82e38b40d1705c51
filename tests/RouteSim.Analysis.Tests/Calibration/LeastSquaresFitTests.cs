using RouteSim.Analysis.Calibration;

namespace RouteSim.Analysis.Tests.Calibration;

public class LeastSquaresFitTests
{
    private static readonly BoundedParameter[] Box = [new("x", -5, 5, -1.2), new("y", -5, 5, 1)];

    // Rosenbrock's function as a sum of squares: 100 (y - x^2)^2 + (1 - x)^2.
    private static double[] Rosenbrock(double[] v) => [10 * (v[1] - v[0] * v[0]), 1 - v[0]];

    private static Func<IReadOnlyList<double[]>, double[]?[]> Each(Func<double[], double[]?> residuals) => points => points.Select(residuals).ToArray();

    [Fact]
    public void Finds_the_minimum_of_the_Rosenbrock_valley_inside_bounds()
    {
        var fit = LeastSquaresFit.Minimize(Box, Each(Rosenbrock), 2000, 1e-12, differenceStep: 1e-7);
        Assert.Equal(1, fit.Best[0], 3);
        Assert.Equal(1, fit.Best[1], 3);
        Assert.StartsWith("converged", fit.StopReason);
        Assert.Equal(fit.BestLoss, fit.Trace.Min(e => e.Loss));
        Assert.Equal(Rosenbrock(fit.Best).Sum(r => r * r) / 2, fit.BestLoss);
        Assert.All(fit.Trace.Zip(fit.Trace.Skip(1)), p => Assert.True(p.Second.BestLoss <= p.First.BestLoss));
    }

    [Fact]
    public void Asks_for_a_Jacobians_columns_together()
    {
        var sizes = new List<int>();
        LeastSquaresFit.Minimize(Box, points => { sizes.Add(points.Count); return points.Select(Rosenbrock).ToArray(); }, 200);
        Assert.Contains(Box.Length, sizes);
        Assert.All(sizes, s => Assert.InRange(s, 1, Box.Length));
    }

    [Fact]
    public void Stops_at_the_budget_and_keeps_the_best_point_seen()
    {
        var fit = LeastSquaresFit.Minimize(Box, Each(Rosenbrock), 25);
        Assert.Equal(25, fit.Trace.Count);
        Assert.Contains("budget", fit.StopReason);
        Assert.Equal(Rosenbrock(fit.Best).Sum(r => r * r) / 2, fit.BestLoss);
    }

    [Fact]
    public void A_search_stopped_at_its_refinement_limit_says_so_and_is_not_called_converged()
    {
        // No further search allowed: the first search improves on the start by far more than the tolerance, so the
        // search stops at the limit, still improving.
        var fit = LeastSquaresFit.Minimize(Box, Each(Rosenbrock), 2000, 1e-12, refinements: 0);
        Assert.Equal(FitLimit.Refinements, fit.Limit);
        Assert.StartsWith("stopped at the limit of 0 further searches from the best point without converging: 1 Levenberg-Marquardt search", fit.StopReason);
        Assert.DoesNotContain("converged:", fit.StopReason);
        Assert.Contains("stopped at its limit of 3 further searches", fit.Warning(2000));
    }

    [Fact]
    public void A_converged_search_has_no_limit_and_no_warning()
    {
        var fit = LeastSquaresFit.Minimize(Box, Each(Rosenbrock), 2000, 1e-12, differenceStep: 1e-7);
        Assert.Equal(FitLimit.None, fit.Limit);
        Assert.Null(fit.Warning(2000));
    }

    [Fact]
    public void A_spent_budget_is_the_limit_and_its_warning_says_the_intervals_are_unreliable_either_way()
    {
        var fit = LeastSquaresFit.Minimize(Box, Each(Rosenbrock), 1);
        Assert.Equal(FitLimit.Budget, fit.Limit);
        Assert.Equal("stopped at the budget of 1 evaluation, not converged", fit.StopReason);
        var warning = fit.Warning(1)!;
        Assert.StartsWith("the search used its whole budget of 1 evaluation without converging", warning);
        Assert.Contains("unreliable in either direction", warning);
        Assert.Contains("far too wide", warning);
        Assert.Contains("budget of 20 evaluations", fit.Warning(20));
    }

    [Fact]
    public void Never_proposes_a_point_outside_the_bounds()
    {
        var seen = new List<double[]>();
        LeastSquaresFit.Minimize([new("a", 0.1, 2, 1, Log: true), new("b", 3, 4, 3.5)], Each(v => { seen.Add(v); return [10 - v[0], 10 - v[1]]; }), 300);
        Assert.All(seen, v => { Assert.InRange(v[0], 0.1, 2); Assert.InRange(v[1], 3, 4); });
    }

    [Fact]
    public void An_invalid_point_is_avoided_rather_than_fatal()
    {
        // The minimum of the unconstrained problem (x = -2) lies where the model is invalid; the best valid point is x = 0.
        var fit = LeastSquaresFit.Minimize([new("x", -5, 5, 3)], Each(v => v[0] < 0 ? null : [v[0] + 2]), 300, 1e-12, differenceStep: 1e-6);
        Assert.True(fit.Best[0] >= 0);
        Assert.Equal(0, fit.Best[0], 1);
    }
}
