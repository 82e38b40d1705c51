using RouteSim.Analysis.Counterfactuals;
using RouteSim.Analysis.Optimization;
using RouteSim.Core.Engine;
using RouteSim.Core.Model;
using static RouteSim.Analysis.Tests.Counterfactuals.Arms;

namespace RouteSim.Analysis.Tests.Optimization;

public class CrossEntropySearchTests
{
    private static readonly CrossEntropySearch Search = new(Iterations: 8, Population: 16, Replications: 3);

    private static AllocationProblem Problem(Scenario scenario, string[] locations, double budget) => new(
        CompiledScenario.Build(scenario), locations, budget, new double[locations.Length], Enumerable.Repeat(budget, locations.Length).ToArray(),
        start: 0, new Objective("delivered", Window.All(scenario.Periods)));

    /// <summary>Two identical crossings: smugglers take the weaker one, so the best defence splits the budget evenly.</summary>
    [Fact]
    public void Identical_crossings_get_a_balanced_split()
    {
        var scenario = Parallel([Crossing("A", b: 0.02), Crossing("B", b: 0.02)], At(), agents: 800, periods: 30, value: 10);
        var problem = Problem(scenario, ["A", "B"], 60);
        var best = Search.Run(problem, seed: 3, threads: 2).Best;
        Assert.InRange(best[0] / 60, 0.35, 0.65);

        // On fresh seeds, the balanced split beats putting everything on one crossing, beyond sampling error.
        var evaluation = AllocationEvaluation.Run(problem, [("best", best), ("all on A", [60, 0])], "all on A", freshSeed: 99, replications: 12, threads: 2);
        var difference = evaluation.Allocations[0].DifferenceFromReference!.Value;
        Assert.True(difference.CiHigh < 0, $"best minus all-on-A: {difference.Mean} [{difference.CiLow}, {difference.CiHigh}]");
    }

    /// <summary>A crossing every route must pass, ahead of two that can be bypassed: the budget goes to it.</summary>
    [Fact]
    public void A_crossing_that_cannot_be_bypassed_gets_the_budget()
    {
        var nodes = new List<Node> { new("O", NodeKind.Origin), Crossing("GATE", b: 0.02), new("T", NodeKind.Transit), Crossing("X", b: 0.02), Crossing("Y", b: 0.02), new("D", NodeKind.Destination) };
        var edges = new List<Edge> { new("O", "GATE", 1), new("GATE", "T", 1), new("T", "X", 1), new("T", "Y", 1), new("X", "D", 1), new("Y", "D", 1) };
        var baseScenario = Parallel([Crossing("unused")], At(), agents: 800, periods: 30, value: 10);
        var scenario = baseScenario with { Nodes = nodes, Edges = edges };
        var problem = Problem(scenario, ["GATE", "X", "Y"], 60);
        var best = Search.Run(problem, seed: 5, threads: 2).Best;
        Assert.True(best[0] > 0.6 * 60, $"GATE got {best[0]:F1} of 60 ({string.Join(", ", best.Select(b => b.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))})");
    }

    /// <summary>The search stops once its candidates would differ by under half a unit, and says so.</summary>
    [Fact]
    public void The_search_stops_when_converged()
    {
        var nodes = new List<Node> { new("O", NodeKind.Origin), Crossing("GATE", b: 0.02), new("T", NodeKind.Transit), Crossing("X", b: 0.02), Crossing("Y", b: 0.02), new("D", NodeKind.Destination) };
        var edges = new List<Edge> { new("O", "GATE", 1), new("GATE", "T", 1), new("T", "X", 1), new("T", "Y", 1), new("X", "D", 1), new("Y", "D", 1) };
        var scenario = Parallel([Crossing("unused")], At(), agents: 400, periods: 20, value: 10) with { Nodes = nodes, Edges = edges };
        var problem = Problem(scenario, ["GATE", "X", "Y"], 12);
        var search = new CrossEntropySearch(Iterations: 40, Population: 12, Replications: 2);
        var result = search.Run(problem, seed: 5, threads: 2);
        Assert.True(result.Converged, "spreads: " + string.Join(", ", result.Trace.Select(t => t.Spread)));
        Assert.True(result.Trace.Count < 40, $"ran all {result.Trace.Count} iterations");
        Assert.All(result.Trace.SkipLast(1), t => Assert.False(t.Converged));
        Assert.True(result.Trace[^1].Spread <= search.ConvergedSpread(12));
    }

    [Fact]
    public void Spread_is_the_largest_standard_deviation_of_a_location_s_units()
    {
        // Dirichlet(1, 1) shares: each Beta(1, 1), sd sqrt(1/12); of 12 units, 12 sqrt(1/12) = 3.464.
        Assert.Equal(12 * Math.Sqrt(1.0 / 12), CrossEntropySearch.Spread([1, 1], 12), 12);
        // Dirichlet(2, 1, 1): the first share is Beta(2, 2), sd sqrt(4 / (16 x 5)) = 0.2236, the largest.
        Assert.Equal(10 * Math.Sqrt(2.0 * 2 / (16 * 5)), CrossEntropySearch.Spread([2, 1, 1], 10), 12);
    }

    [Fact]
    public void Feasible_gives_whole_units_that_add_up_to_the_budget()
    {
        var scenario = Parallel([Crossing("A"), Crossing("B"), Crossing("C")], At(), agents: 10, periods: 2);
        var problem = new AllocationProblem(CompiledScenario.Build(scenario), ["A", "B", "C"], 10, [0, 0, 0], [10, 10, 10], 0, new Objective("deaths", Window.All(2)));
        Assert.Equal([4.0, 3.0, 3.0], problem.Feasible([10 / 3.0, 10 / 3.0, 10 / 3.0])); // ties to the earlier location
        Assert.Equal([8.0, 1.0, 1.0], problem.Feasible([45 * 10 / 55.0, 5 * 10 / 55.0, 5 * 10 / 55.0]));
        var bounded = new AllocationProblem(CompiledScenario.Build(scenario), ["A", "B", "C"], 30, [5.5, 0, 0], [30, 10.7, 30], 0, new Objective("deaths", Window.All(2)));
        var x = bounded.Feasible([0.4, 25.3, 4.3]);
        Assert.Equal(30, x.Sum());
        Assert.All(x, v => Assert.Equal(Math.Floor(v), v));
        Assert.True(x[0] >= 6 && x[1] <= 10, string.Join(",", x));
        Assert.Throws<ArgumentException>(() => new AllocationProblem(CompiledScenario.Build(scenario), ["A", "B", "C"], 10.5, [0, 0, 0], [11, 11, 11], 0, new Objective("deaths", Window.All(2))));
    }

    [Fact]
    public void Feasible_keeps_the_budget_and_the_bounds()
    {
        var scenario = Parallel([Crossing("A"), Crossing("B"), Crossing("C")], At(), agents: 10, periods: 2);
        var problem = new AllocationProblem(CompiledScenario.Build(scenario), ["A", "B", "C"], 30, [5, 0, 0], [30, 10, 30], 0, new Objective("deaths", Window.All(2)));
        var x = problem.Feasible([0, 25, 5]);
        Assert.Equal(30, x.Sum(), 9);
        Assert.True(x[0] >= 5 && x[1] <= 10, string.Join(",", x));
    }

    [Fact]
    public void The_scenario_s_own_allocation_is_read_at_the_start_period()
    {
        var enforcement = new Enforcement(0.5, new Dictionary<string, double> { ["A"] = 4 }, null,
            [new EnforcementEvent(10, new Dictionary<string, double>(), new Dictionary<string, double> { ["B"] = 6 })]);
        var scenario = Parallel([Crossing("A"), Crossing("B")], enforcement, agents: 10, periods: 20);
        var problem = new AllocationProblem(CompiledScenario.Build(scenario), ["A", "B"], 10, [0, 0], [10, 10], 10, new Objective("delivered", new Window(10, 20)));
        Assert.Equal([4.0, 6.0], problem.OwnAllocation());
        var schedule = problem.With([1, 9]).Enforcement.ConfiguredSchedule(20);
        Assert.Equal(4, schedule[9][1]);
        Assert.Equal(1, schedule[10][1]);
        Assert.Equal(9, schedule[10][2]);
    }
}
