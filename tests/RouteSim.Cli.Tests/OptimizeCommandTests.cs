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
        Assert.Equal("location,best_found,uniform,proportional_to_flow,scenarios_own_scaled", allocation[0]);
        foreach (int column in new[] { 1, 2, 3, 4 })
        {
            var units = allocation.Skip(1).Select(l => double.Parse(l.Split(',')[column], CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(55, units.Sum());
            Assert.All(units, u => Assert.Equal(Math.Floor(u), u));
        }
        Assert.Contains("PORT,", allocation[1]);
        var evaluation = File.ReadAllLines(Path.Combine(target, "evaluation.csv"));
        Assert.StartsWith("allocation,units,objective,ci_low,ci_high,n,difference_from_scenarios_own_scaled", evaluation[0]);
        Assert.Equal(5, evaluation.Length);
        Assert.Contains("best found", result.Out);
    }

    /// <summary>
    /// The issue's case: a budget of 10 against a scenario that places 55. Every allocation compared is of 10 whole
    /// units, the scenario's own is scaled to 10 for the comparison and shown apart at its own 55, and the listed
    /// locations add up to the budget.
    /// </summary>
    [Fact]
    public void Optimize_compares_allocations_of_the_same_budget_and_shows_the_scenario_s_own_apart()
    {
        var target = Path.Combine(_dir, "ten");
        var result = Routesim.Run("optimize", Deployment, "--budget", "10", "--objective", "deaths", "--window", "30:90",
            "--iterations", "2", "--population", "6", "--search-replications", "2", "--replications", "4", "--out", target, "--quiet");
        Assert.True(result.Exit == 0, result.Error);

        var rows = File.ReadAllLines(Path.Combine(target, "evaluation.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0]);
        foreach (var name in new[] { "best_found", "uniform", "proportional_to_flow", "scenarios_own_scaled" })
        {
            Assert.Equal("10", rows[name][1]);
            Assert.NotEqual("", rows[name][6]);
        }
        Assert.Equal("55", rows["scenarios_own"][1]);
        Assert.Equal("", rows["scenarios_own"][6]); // no difference against an allocation of another size

        var allocation = File.ReadAllLines(Path.Combine(target, "allocation.csv"));
        var own = allocation.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[4]);
        Assert.Equal(new Dictionary<string, string> { ["PORT"] = "8", ["FENCE"] = "1", ["DESERT"] = "1" }, own); // 45:5:5 of 10, largest remainders

        // --quiet hides progress, not the results.
        Assert.Contains("scenario's own at its own size (55 units", result.Out);
        var placed = result.Out.Split('\n').Single(l => l.StartsWith("best found places 10 units: ", StringComparison.Ordinal));
        int listed = placed[(placed.IndexOf(':') + 1)..].Split(',').Sum(p => int.Parse(p.Trim().Split(' ')[1], CultureInfo.InvariantCulture));
        Assert.Equal(10, listed);
        Assert.Matches(@"search (converged after \d+ of 2 iterations|did not converge in 2 iterations)", result.Out);
    }

    [Fact]
    public void A_budget_that_is_not_a_whole_number_of_units_is_refused()
    {
        var result = Routesim.Run("optimize", Deployment, "--budget", "10.5", "--objective", "deaths", "--out", Path.Combine(_dir, "never"));
        Assert.Equal(2, result.Exit);
        Assert.Contains("--budget must be a positive whole number of resource units, got 10.5", result.Error);
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
