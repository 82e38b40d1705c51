using RouteSim.Cli.Tests.Support;
using RouteSim.Scenarios;

namespace RouteSim.Cli.Tests;

public sealed class CalibrateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("routesim-calibrate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Calibration(string observed = "block,x1,x2\n0,300,200\n1,280,220\n2,260,240\n")
    {
        Sweeps.WriteFile(_dir, "observed.csv", observed);
        return Sweeps.WriteFile(_dir, "calibration.yaml", $$"""
            name: small fit
            scenario: {{Routesim.Tutorial}}
            observed: observed.csv
            key: block
            periods: { first_key: 0, start: 0, length: 20 }
            compare: shares
            target_name: crossing
            targets:
              - { column: x1, metric: interdictions, location: X1 }
              - { column: x2, metric: interdictions, location: X2 }
            parameters:
              - { path: enforcement.effectiveness, name: effectiveness, min: 0.05, max: 5, scale: log }
              - { path: "edges[*].cost", multiply: true, name: edge_cost, min: 0.2, max: 5, scale: log }
            replications: 2
            seed: 3
            fit: { max_evaluations: 15 }
            fit_keys: { from: 0, to: 1 }
            predict: { from: 0, to: 2, anchor: last_fitted }
            """);
    }

    [Fact]
    public void Calibrate_writes_the_fitted_scenario_the_trace_the_fit_the_predictions_and_figures()
    {
        var target = Path.Combine(_dir, "out");
        var result = Routesim.Run("calibrate", Calibration(), "--out", target);
        Assert.True(result.Exit == 0, result.Error);
        foreach (var f in new[] { "fitted.yaml", "parameters.csv", "loss_trace.csv", "fit.csv", "predicted_shares.csv", "observed-vs-simulated.svg", "loss-trace.png", "manifest.json" })
            Assert.True(File.Exists(Path.Combine(target, f)), f);
        Assert.True(ScenarioFile.Load(Path.Combine(target, "fitted.yaml"), LoadOptions.Unlimited).Ok);
        Assert.Equal(16, File.ReadAllLines(Path.Combine(target, "loss_trace.csv")).Length);
        var predicted = File.ReadAllLines(Path.Combine(target, "predicted_shares.csv"));
        Assert.Equal("block,crossing,share", predicted[0]);
        Assert.Equal(1 + 3 * 2, predicted.Length);
        var fit = File.ReadAllLines(Path.Combine(target, "fit.csv"));
        Assert.Contains(fit, l => l.StartsWith("2,x1,", StringComparison.Ordinal) && l.EndsWith(",false", StringComparison.Ordinal));
        Assert.Contains("effectiveness =", result.Out);
    }

    [Fact]
    public void The_same_calibration_gives_the_same_numbers_whatever_the_thread_count()
    {
        var file = Calibration();
        Assert.Equal(0, Routesim.Run("calibrate", file, "--out", Path.Combine(_dir, "a"), "--threads", "1", "--quiet").Exit);
        Assert.Equal(0, Routesim.Run("calibrate", file, "--out", Path.Combine(_dir, "b"), "--threads", "2", "--quiet").Exit);
        Sweeps.SameBytes(Path.Combine(_dir, "a"), Path.Combine(_dir, "b"), "loss_trace.csv", "fit.csv", "predicted_shares.csv", "fitted.yaml");
    }

    [Fact]
    public void A_bad_observed_table_is_named_with_its_line()
    {
        var result = Routesim.Run("calibrate", Calibration("block,x1,x2\n0,300,200\n1,-5,220\n"), "--out", Path.Combine(_dir, "bad"));
        Assert.Equal(1, result.Exit);
        Assert.Contains("observed.csv:3:1: x1: '-5' is not a non-negative number", result.Error);
        Assert.False(Directory.Exists(Path.Combine(_dir, "bad")));
        Routesim.AssertNoStackTrace(result.Error);
    }
}
