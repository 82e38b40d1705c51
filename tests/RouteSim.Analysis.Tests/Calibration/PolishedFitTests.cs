using RouteSim.Analysis.Calibration;

namespace RouteSim.Analysis.Tests.Calibration;

public class PolishedFitTests
{
    private static readonly BoundedParameter[] Box = [new("x", -5, 5, -1.2), new("y", -5, 5, 1), new("z", 0.1, 10, 3, Log: true)];

    // Residuals of a smooth fit plus a staircase: Levenberg-Marquardt's wide differences follow the smooth part and stop
    // on a step that the polish can leave.
    private static double[] Rough(double[] v) =>
    [
        v[0] - 1 + 0.2 * Math.Round(7 * Math.Sin(9 * v[1])) / 7,
        2 * (v[1] + 0.5) + 0.2 * Math.Round(5 * Math.Cos(11 * v[0])) / 5,
        Math.Log(v[2]) - 0.3 + 0.1 * Math.Round(3 * Math.Sin(13 * v[0] * v[1])) / 3,
    ];

    private static Func<IReadOnlyList<double[]>, double[]?[]> Each(Func<double[], double[]?> residuals) => points => points.Select(residuals).ToArray();

    private static double MeanSquare(double[] r) => r.Sum(d => d * d) / r.Length;

    [Fact]
    public void The_polish_never_ends_above_the_least_squares_optimum()
    {
        var plain = LeastSquaresFit.Minimize(Box, Each(Rough), 1000, 1e-7);
        var polished = PolishedFit.Minimize(Box, Each(Rough), 1000, 1e-7, polishEvaluations: 200);
        Assert.True(polished.BestLoss <= plain.BestLoss);
        Assert.Equal(MeanSquare(Rough(polished.Best)), polished.BestLoss);
        // The least-squares part is the same search, its evaluations first in the trace.
        Assert.Equal(plain.Trace.Select(e => e.Loss), polished.Trace.Take(plain.Trace.Count).Select(e => e.Loss));
        Assert.InRange(polished.Trace.Count - plain.Trace.Count, 1, 200);
        Assert.Equal(Enumerable.Range(0, polished.Trace.Count), polished.Trace.Select(e => e.Evaluation));
        Assert.All(polished.Trace.Zip(polished.Trace.Skip(1)), p => Assert.True(p.Second.BestLoss <= p.First.BestLoss));
        Assert.Contains("polish", polished.StopReason);
    }

    [Fact]
    public void A_polish_the_budget_leaves_too_few_evaluations_for_is_reported_not_silently_left_out()
    {
        var plain = LeastSquaresFit.Minimize(Box, Each(Rough), 1000, 1e-7);
        // Three parameters need 2 x 3 curvature points and one poll: six evaluations are one short.
        var polished = PolishedFit.Minimize(Box, Each(Rough), plain.Trace.Count + 6, 1e-7, polishEvaluations: 200);
        Assert.Equal(plain.Trace.Count, polished.Trace.Count);
        Assert.EndsWith("; no polish: 6 evaluations of the budget left, and it needs at least 7 for 3 parameters", polished.StopReason);
        Assert.Equal(7, PolishedFit.MinEvaluations(3));
    }

    [Fact]
    public void The_budget_counts_both_parts()
    {
        var plain = LeastSquaresFit.Minimize(Box, Each(Rough), 1000, 1e-7);
        int budget = plain.Trace.Count + 7;
        var polished = PolishedFit.Minimize(Box, Each(Rough), budget, 1e-7, polishEvaluations: 200);
        Assert.Equal(budget, polished.Trace.Count);
        Assert.True(polished.BestLoss <= plain.BestLoss);
    }

    [Fact]
    public void No_polish_evaluations_is_plain_least_squares()
    {
        var plain = LeastSquaresFit.Minimize(Box, Each(Rough), 1000, 1e-7);
        var unpolished = PolishedFit.Minimize(Box, Each(Rough), 1000, 1e-7, polishEvaluations: 0);
        Assert.Equal(plain.Best, unpolished.Best);
        Assert.Equal(plain.Trace.Count, unpolished.Trace.Count);
    }
}
