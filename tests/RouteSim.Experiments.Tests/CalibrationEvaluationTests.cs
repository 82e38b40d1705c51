using RouteSim.Experiments.Calibration;
using RouteSim.Scenarios;

namespace RouteSim.Experiments.Tests;

/// <summary>
/// What a calibration keeps between evaluations (the parsed scenario, recent losses, the residuals at the lowest
/// loss) must give every evaluation the numbers a fresh calibration gives at the same point.
/// </summary>
public class CalibrationEvaluationTests
{
    private static Calibration.Calibration Load()
    {
        var folder = Files.Scratch();
        Files.Write(folder, "observed.csv", "block,x1,x2,x3\n0,60,30,10\n1,50,35,15\n2,40,40,20\n");
        var file = Files.Write(folder, "calibration.yaml", $$"""
            name: evaluations
            scenario: {{Files.Scenario("tutorial", "three-crossings.yaml")}}
            observed: observed.csv
            key: block
            periods: { first_key: 0, start: 0, length: 20 }
            compare: shares
            targets:
              - { column: x1, metric: interdictions, location: X1 }
              - { column: x2, metric: interdictions, location: X2 }
              - { column: x3, metric: interdictions, location: X3 }
            parameters:
              - { path: enforcement.effectiveness, name: effectiveness, min: 0.05, max: 5, scale: log, start: 0.5 }
              - { path: "nodes[X3].cost", name: cost_x3, min: 0, max: 20, start: 3 }
              - { path: "edges[*].cost", multiply: true, name: distance, min: 0.1, max: 10, scale: log, start: 1 }
            replications: 2
            seed: 5
            fit: { method: nelder-mead, max_evaluations: 40, tolerance: 1e-9 }
            """);
        return CalibrationFile.Load(file, LoadOptions.Unlimited, out var errors) ?? throw new Xunit.Sdk.XunitException(string.Join("\n", errors));
    }

    // X3's cost 14 puts its route (cost 16) past max_stretch's limit of 9: the route set changes between these points.
    private static readonly double[][] Points = [[0.5, 3, 1], [1.2, 14, 1], [0.3, 3, 2.5], [0.5, 3, 1], [1.2, 14, 1]];

    [Fact]
    public void Every_loss_is_that_of_a_fresh_calibration_at_the_same_point()
    {
        var kept = Load();
        foreach (var point in Points)
        {
            double loss = kept.Loss(point, 1, LoadOptions.Unlimited);
            Assert.Equal(BitConverter.DoubleToInt64Bits(Load().Loss(point, 1, LoadOptions.Unlimited)), BitConverter.DoubleToInt64Bits(loss));
            Assert.True(double.IsFinite(loss));
        }
        Assert.NotEqual(kept.Loss(Points[0], 1, LoadOptions.Unlimited), kept.Loss(Points[1], 1, LoadOptions.Unlimited));
    }

    [Fact]
    public void The_residuals_at_the_best_point_of_a_simplex_fit_are_those_of_a_fresh_evaluation()
    {
        var kept = Load();
        var fit = kept.Fit(kept.MaxEvaluations, 2, LoadOptions.Unlimited);
        Assert.True(fit.Trace.Count > 10);
        var reused = kept.Residuals(fit.Best, 2, LoadOptions.Unlimited);
        var fresh = Load().Residuals(fit.Best, 1, LoadOptions.Unlimited);
        Assert.Equal(fresh.Select(BitConverter.DoubleToInt64Bits), reused.Select(BitConverter.DoubleToInt64Bits));
        // A caller changing the array it got does not change what the next caller gets.
        reused[0] = double.NaN;
        Assert.Equal(fresh[0], kept.Residuals(fit.Best, 2, LoadOptions.Unlimited)[0]);
    }

    [Fact]
    public void A_point_that_does_not_load_gives_the_same_reason_after_points_that_did()
    {
        var kept = Load();
        kept.Loss(Points[0], 1, LoadOptions.Unlimited);
        double[] bad = [0.5, -1, 1];
        kept.Model(bad, LoadOptions.Unlimited, out var reason);
        Load().Model(bad, LoadOptions.Unlimited, out var fresh);
        Assert.NotNull(reason);
        Assert.Equal(fresh, reason);
        Assert.Contains("nodes[X3].cost = -1", reason);
        Assert.True(double.IsNaN(kept.Loss(bad, 1, LoadOptions.Unlimited)));
    }
}
