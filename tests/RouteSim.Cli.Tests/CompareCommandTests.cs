using RouteSim.Cli.Tests.Support;
using RouteSim.Results;

namespace RouteSim.Cli.Tests;

public sealed class CompareCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("routesim-compare-").FullName;
    private static readonly string Baseline = Path.Combine(Routesim.RepoRoot, "scenarios", "tutorial", "displacement-baseline.yaml");
    private static readonly string Deployment = Path.Combine(Routesim.RepoRoot, "scenarios", "tutorial", "displacement-deployment.yaml");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// One replication gives no interval: the summary must say so instead of calling changes unclear ("did not clearly
    /// move", "not distinguishable from zero"), which would read as a finding.
    /// </summary>
    [Fact]
    public void One_replication_is_said_to_give_no_interval_and_no_change_is_judged()
    {
        var result = Routesim.Run("compare", Baseline, Deployment, "--out", Path.Combine(_dir, "one"), "--window", "30:90", "--replications", "1");
        Assert.True(result.Exit == 0, result.Error);
        Assert.Contains("one replication: no interval can be computed from one", result.Out);
        Assert.DoesNotContain("did not clearly", result.Out);
        Assert.DoesNotContain("gained clearly", result.Out);
        Assert.DoesNotContain("not distinguishable from zero", result.Out);
        Assert.DoesNotContain("1 paired replications", result.Out);
        Assert.Contains("cannot be told without an interval", result.Out);
        Assert.DoesNotContain("Enforcement adapts", result.Out); // neither displacement tutorial adapts
    }

    [Fact]
    public void Compare_writes_both_arms_the_measures_and_a_manifest()
    {
        var target = Path.Combine(_dir, "cmp");
        var result = Routesim.Run("compare", Baseline, Deployment, "--out", target, "--window", "30:90", "--replications", "8");
        Assert.True(result.Exit == 0, result.Error);
        foreach (var file in new[] { "comparison.csv", "comparison_locations.csv", "manifest.json", "baseline/summary.csv", "intervention/summary.csv", "baseline/manifest.json" })
            Assert.True(File.Exists(Path.Combine(target, file)), file);

        var rows = File.ReadAllLines(Path.Combine(target, "comparison.csv"));
        Assert.Equal("measure,commodity,estimate,ci_low,ci_high,n,note", rows[0]);
        Assert.Contains(rows, r => r.StartsWith("displacement_ratio,all,", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("deaths_per_1000_attempts_change,all,", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("mean_route_danger_change,migrants,", StringComparison.Ordinal));
        var locations = File.ReadAllLines(Path.Combine(target, "comparison_locations.csv"));
        Assert.Contains(locations, l => l.StartsWith("PORT,true,", StringComparison.Ordinal));
        Assert.Contains(locations, l => l.StartsWith("DESERT,false,", StringComparison.Ordinal));

        var manifest = ComparisonManifest.FromJson(File.ReadAllText(Path.Combine(target, "manifest.json")))!;
        Assert.Equal(("30:90", 8, 2025UL), (manifest.Window, manifest.Replications, manifest.Seed));
        Assert.Equal(["PORT"], manifest.TargetedCrossings);
        Assert.Contains("Displacement ratio", result.Out);
        Assert.Contains("reappeared at the", result.Out);
        Assert.Contains("DESERT", result.Out);
    }

    [Fact]
    public void The_baseline_arm_is_the_plain_run_of_the_baseline()
    {
        var compared = Path.Combine(_dir, "cmp");
        var alone = Path.Combine(_dir, "alone");
        Assert.Equal(0, Routesim.Run("compare", Baseline, Deployment, "--out", compared, "--replications", "4", "--quiet").Exit);
        Assert.Equal(0, Routesim.Run("run", Baseline, "--out", alone, "--replications", "4", "--quiet").Exit);
        Assert.Equal(File.ReadAllBytes(Path.Combine(alone, "summary.csv")), File.ReadAllBytes(Path.Combine(compared, "baseline", "summary.csv")));
    }

    [Fact]
    public void Scenarios_that_cannot_be_paired_are_refused()
    {
        var other = Path.Combine(_dir, "other.yaml");
        File.WriteAllText(other, File.ReadAllText(Deployment).Replace("agents: 3000", "agents: 2999").Replace("danger: 0.03", "danger: 0.04"));
        var result = Routesim.Run("compare", Baseline, other, "--out", Path.Combine(_dir, "never"));
        Assert.Equal(1, result.Exit);
        Assert.Contains("cannot be paired", result.Error);
        Assert.Contains("organizations[0] (smugglers) differs", result.Error);
        Assert.Contains("nodes[3] (DESERT) differs", result.Error);
        Assert.False(Directory.Exists(Path.Combine(_dir, "never")));
    }

    [Theory]
    [InlineData("90:30")]
    [InlineData("0:91")]
    [InlineData("x")]
    public void Impossible_windows_are_usage_errors(string window)
    {
        var result = Routesim.Run("compare", Baseline, Deployment, "--window", window, "--out", Path.Combine(_dir, "never"));
        Assert.Equal(2, result.Exit);
        Assert.Contains("--window", result.Error);
    }
}
