using System.Globalization;
using RouteSim.Cli.Tests.Support;

namespace RouteSim.Cli.Tests;

public sealed class OptimizeCommandTests : IDisposable
{
    private static readonly string Deployment = Path.Combine(Routesim.RepoRoot, "scenarios", "tutorial", "displacement-deployment.yaml");
    private readonly string _dir = Directory.CreateTempSubdirectory("routesim-optimize-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Optimize_writes_the_allocations_their_evaluation_and_figures()
    {
        var target = Path.Combine(_dir, "opt");
        var result = Routesim.Run("optimize", Deployment, "--budget", "55", "--objective", "deaths", "--window", "30:90",
            "--iterations", "3", "--population", "8", "--search-replications", "2", "--replications", "6", "--out", target);
        Assert.True(result.Exit == 0, result.Error);
        foreach (var file in new[] { "allocation.csv", "evaluation.csv", "trace.csv", "manifest.json", "figures/allocations.png", "figures/allocation-split.svg" })
            Assert.True(File.Exists(Path.Combine(target, file)), file);

        var allocation = File.ReadAllLines(Path.Combine(target, "allocation.csv"));
        Assert.Equal("location,best found,uniform,proportional to flow,scenario's own", allocation[0]);
        foreach (int column in new[] { 1, 2, 3, 4 })
            Assert.Equal(55, allocation.Skip(1).Sum(l => double.Parse(l.Split(',')[column], CultureInfo.InvariantCulture)), 6);
        Assert.Contains("PORT,", allocation[1]);
        var evaluation = File.ReadAllLines(Path.Combine(target, "evaluation.csv"));
        Assert.StartsWith("allocation,objective,ci_low,ci_high,n,difference_from_scenarios_own", evaluation[0]);
        Assert.Equal(5, evaluation.Length);
        Assert.Contains("best found", result.Out);
    }

    [Theory]
    [InlineData("--budget", "10", "--objective", "deaths", "--locations", "NOWHERE")]
    [InlineData("--objective", "deaths")]
    [InlineData("--budget", "10", "--objective", "happiness")]
    [InlineData("--budget", "-5", "--objective", "deaths")]
    [InlineData("--budget", "10", "--objective", "deaths", "--max", "2")]
    [InlineData("--budget", "10", "--objective", "delivered", "--commodity", "gold")]
    public void Impossible_requests_are_usage_errors(params string[] args)
    {
        var result = Routesim.Run(["optimize", Deployment, .. args, "--out", Path.Combine(_dir, "never")]);
        Assert.Equal(2, result.Exit);
        Assert.Contains("routesim:", result.Error);
        Assert.False(Directory.Exists(Path.Combine(_dir, "never")));
    }
}
