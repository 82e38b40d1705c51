using RouteSim.Cli.Tests.Support;
using RouteSim.Results.Reading;

namespace RouteSim.Cli.Tests;

/// <summary>
/// The headline question on the bundled Mexico pair: the Guard reinforces the 19 localities, the remote stretches
/// between them get none, and the comparison must say that flow moved there, to deadlier and less-watched routes.
/// Five replications over days 34-119: each effect is tens of interval widths from zero in the full run, so an
/// interval from five replications excluding zero is not a close call.
/// </summary>
public sealed class HeadlineComparisonTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("routesim-headline-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_guard_deployment_moves_flow_to_the_unreinforced_border_and_the_headline_names_where()
    {
        string Scenario(string file) => Path.Combine(Routesim.RepoRoot, "scenarios", "north-america-2025", file);
        var target = Path.Combine(_dir, "mexico");
        var result = Routesim.Run("compare", Scenario("mexico-baseline.yaml"), Scenario("mexico-guard-2025.yaml"),
            "--window", "34:120", "--replications", "5", "--out", target);
        Assert.True(result.Exit == 0, result.Error);

        var comparison = ComparisonFolder.Open(target);
        Assert.True(comparison["displacement_ratio"].CiLow > 0, $"displacement ratio {comparison["displacement_ratio"]}");
        Assert.True(comparison["mean_route_danger_change", "migrants"].CiLow > 0);
        Assert.True(comparison["deaths_per_1000_attempts_change", "migrants"].CiLow > 0);
        Assert.True(comparison["mean_route_detection_change"].CiHigh < 0);
        Assert.True(double.IsNaN(comparison["deaths_per_1000_attempts_baseline", "fentanyl"].Estimate));
        Assert.Equal(9, comparison.Manifest.UnreinforcedCrossings.Count);

        // The sentence on what reappeared names stretches the Guard did not reach, by their labels.
        var remote = comparison.Baseline.Nodes.Where(n => n.Id.EndsWith("_REMOTE", StringComparison.Ordinal)).Select(n => n.Label).ToArray();
        var sentence = result.Out.Split('\n').Single(l => l.Contains("crossings that were not reinforced", StringComparison.Ordinal));
        Assert.Contains(remote, label => sentence.Contains(label, StringComparison.Ordinal));
        Assert.DoesNotContain("displacement_ratio 0 [0, 0]", result.Out);

        // The chance of death is the migrants' (the one commodity carrying people), not a pool with fentanyl and
        // firearms loads no one can die with.
        var danger = result.Out.Split('\n').Single(l => l.Contains("mean chance of death on the route chosen", StringComparison.Ordinal));
        Assert.StartsWith("Trips carrying migrants moved to more dangerous routes", danger);
        Assert.Contains(RouteSim.Plotting.Text.Quantities.Value(RouteSim.Analysis.Counterfactuals.ComparisonMeasures.MeanRouteDangerBaseline,
            comparison["mean_route_danger_baseline", "migrants"].Estimate, double.NaN, double.NaN), danger);
    }
}
