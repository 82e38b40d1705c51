using RouteSim.Core.Engine;
using RouteSim.Core.Model;
using RouteSim.Core.Tests.Support;

namespace RouteSim.Core.Tests.Engine;

/// <summary>
/// Organizations with one od pair choose and walk eight agents at a time (ReplicationRunner.WalkLanes.cs); the
/// same runs agent by agent must give the same counts to the unit. Flips process-wide settings, so runs alone.
/// </summary>
[Collection(nameof(VectorWidth))]
public class WalkLanesTests
{
    /// <summary>
    /// O reaches six crossings through two staging towns and one directly (thirteen paths, eight kept, of three and four
    /// nodes); O2 reaches three directly.
    /// Each organization has one od pair: a spread whose bounds decide most choices (eight boundaries), people
    /// carried with shared weights, a spread over three routes (four boundaries), and a spread so cold (tau 1e-6)
    /// that its bounds are never built, so every agent takes the exact path. Agent counts are not multiples of
    /// eight, so groups end part-way through a vector.
    /// </summary>
    private static Scenario Network()
    {
        var nodes = new List<Node>
        {
            new("O", NodeKind.Origin), new("O2", NodeKind.Origin),
            new("T1", NodeKind.Transit, 0.5, 0, 10), new("T2", NodeKind.Transit, 0.8, 0.01, 10),
            new("D", NodeKind.Destination),
        };
        var edges = new List<Edge> { new("O", "T1", 1), new("O", "T2", 1), new("O", "X1", 1.5) }; // one shorter route among O's
        for (int i = 0; i < 6; i++)
        {
            string x = $"X{i}";
            nodes.Add(TestScenarios.Crossing(x, cost: 1 + 0.25 * i, b: 0.02 + 0.01 * (i % 3), area: 10 + 5 * i, danger: 0.01 * (i % 2)));
            edges.AddRange([new Edge("T1", x, 1), new Edge("T2", x, 0.5), new Edge(x, "D", 1)]);
            if (i < 3) edges.Add(new Edge("O2", x, 1));
        }
        Organization[] organizations =
        [
            new("spread", "drugs", 20_003, [new OdPair("O", "D", 1)], 2, 0.9, 10, 0.5, 2, 0.8),
            new("people", "migrants", 9_001, [new OdPair("O", "D", 1)], 2, 0.9, 10, 0, 1, 0.7),
            new("narrow", "drugs", 5_005, [new OdPair("O2", "D", 1)], 1.5, 0.8, 5, 0.3, 3, 0.9),
            new("cold", "drugs", 3_001, [new OdPair("O", "D", 1)], 1e-6, 0.9, 10, 0.5, 1, 0.8),
        ];
        return new Scenario("lanes", "", [], 12, "day", 2, 1, new Routing(8, 3.0), nodes, edges,
            [TestScenarios.Migrants(dangerWeight: 1), TestScenarios.Drugs()], organizations,
            TestScenarios.Allocation(0.5, ("X0", 10), ("X1", 4), ("X4", 2)));
    }

    [Fact]
    public void Eight_lanes_give_the_numbers_of_agent_by_agent()
    {
        bool original = ReplicationRunner.EightLanes;
        try
        {
            ReplicationRunner.EightLanes = false;
            var byAgent = Runs.All(Network(), 2, seed: 23);
            ReplicationRunner.EightLanes = true;
            var inLanes = Runs.All(Network(), 2, seed: 23);
            SameCounts.Assert(byAgent, inLanes);
            Assert.True(inLanes.Sum(r => r.Decisions) > 500_000);
        }
        finally
        {
            ReplicationRunner.EightLanes = original;
        }
    }

    [Fact]
    public void Eight_lanes_with_and_without_the_bounds_give_the_same_numbers_on_any_thread_count()
    {
        bool original = ReplicationRunner.UseChoiceBounds;
        try
        {
            ReplicationRunner.UseChoiceBounds = false;
            var exact = Runs.All(Network(), 2, seed: 5);
            ReplicationRunner.UseChoiceBounds = true;
            SameCounts.Assert(exact, Runs.All(Network(), 2, seed: 5));
            SameCounts.Assert(exact, Runs.All(Network(), 2, seed: 5, threads: 2));
        }
        finally
        {
            ReplicationRunner.UseChoiceBounds = original;
        }
    }

    [Fact]
    public void The_bounds_decide_most_choices_in_lanes_and_none_when_too_cold()
    {
        var model = CompiledScenario.Build(Network() with { Organizations = [Network().Organizations[0]] });
        var runner = new ReplicationRunner(model, 23, 0);
        runner.Run();
        var (choices, decided) = runner.OwnWeightChoices;
        Assert.True(decided > 0.95 * choices, $"{decided} of {choices} decided by the bounds");

        var cold = new ReplicationRunner(CompiledScenario.Build(Network() with { Organizations = [Network().Organizations[3]] }), 23, 0);
        cold.Run();
        Assert.True(cold.OwnWeightChoices.Choices > 10_000);
        Assert.Equal(0, cold.OwnWeightChoices.DecidedByBounds);
    }

    /// <summary>
    /// Organizations with several od pairs of 4 to 36 routes: three staging towns T1..T3 between O and twelve crossings
    /// give O -> D 36 paths (more than the lanes take) and O3 (through T1 and T2) -> D 24; O -> D2 (through five crossings) 15,
    /// O2 -> D (straight to the crossings) 12, O3 -> D2 10, O2 -> D2 5 and O4 -> D 4. A spread over pairs of 10 to 24
    /// routes (tables 32 routes wide; bounds for groups of up to 23 boundaries, the smallest pair on the exact
    /// computation in the lanes), a spread over pairs of 12 and 15 routes (16 wide), a spread over pairs of 4 and 5 (8
    /// wide), people carried with shared weights over 5, 12 and 24 routes, a cold spread whose bounds are never built,
    /// and one with the 36-route pair, which chooses agent by agent. Agent counts are not multiples of eight.
    /// </summary>
    private static Scenario SeveralPairs()
    {
        var nodes = new List<Node>
        {
            new("O", NodeKind.Origin), new("O2", NodeKind.Origin), new("O3", NodeKind.Origin), new("O4", NodeKind.Origin),
            new("T1", NodeKind.Transit, 0.5, 0, 10), new("T2", NodeKind.Transit, 0.6, 0.01, 10), new("T3", NodeKind.Transit, 0.7, 0, 10),
            new("D", NodeKind.Destination), new("D2", NodeKind.Destination),
        };
        var edges = new List<Edge> { new("O", "T1", 1), new("O", "T2", 1), new("O", "T3", 1), new("O3", "T1", 1), new("O3", "T2", 1.2) };
        for (int i = 0; i < 12; i++)
        {
            string x = $"X{i}";
            nodes.Add(TestScenarios.Crossing(x, cost: 1 + 0.1 * i, b: 0.02 + 0.01 * (i % 4), area: 10 + 3 * i, danger: 0.01 * (i % 3)));
            edges.AddRange([new Edge("T1", x, 1), new Edge("T2", x, 0.8), new Edge("T3", x, 0.6), new Edge(x, "D", 1), new Edge("O2", x, 1.5)]);
            if (i < 5) edges.Add(new Edge(x, "D2", 1));
            if (i < 4) edges.Add(new Edge("O4", x, 1));
        }
        OdPair od(string o, string d, double weight) => new(o, d, weight);
        Organization[] organizations =
        [
            new("wide", "drugs", 20_003, [od("O3", "D", 8), od("O", "D2", 2), od("O3", "D2", 1), od("O2", "D2", 0.05)], 2, 0.9, 10, 0.5, 2, 0.8),
            new("sixteen", "drugs", 12_005, [od("O", "D2", 3), od("O2", "D", 1)], 1.5, 0.8, 5, 0.3, 3, 0.9),
            new("eight", "drugs", 6_007, [od("O2", "D2", 2), od("O4", "D", 1)], 2, 0.9, 10, 0.4, 1, 0.7),
            new("people", "migrants", 9_001, [od("O2", "D2", 1), od("O2", "D", 1), od("O3", "D", 1)], 2, 0.9, 10, 0, 1, 0.7),
            new("cold", "drugs", 3_001, [od("O3", "D", 1), od("O2", "D", 1)], 1e-6, 0.9, 10, 0.5, 1, 0.8),
            new("many", "drugs", 4_005, [od("O", "D", 1), od("O2", "D2", 1)], 2, 0.9, 10, 0.5, 2, 0.8),
        ];
        return new Scenario("several pairs", "", [], 10, "day", 2, 1, new Routing(40, 10.0), nodes, edges,
            [TestScenarios.Migrants(dangerWeight: 1), TestScenarios.Drugs()], organizations,
            TestScenarios.Allocation(0.5, ("X0", 10), ("X1", 4), ("X4", 2), ("X7", 3), ("X10", 1)));
    }

    [Fact]
    public void The_test_network_has_pairs_of_each_width()
    {
        var model = CompiledScenario.Build(SeveralPairs());
        var routes = model.Organizations.Select(p => Enumerable.Range(0, p.Organization.Od.Count).Select(w => p.OdRouteStart[w + 1] - p.OdRouteStart[w]).ToArray()).ToArray();
        Assert.Equal([24, 15, 10, 5], routes[0]);
        Assert.Equal([15, 12], routes[1]);
        Assert.Equal([5, 4], routes[2]);
        Assert.Equal([5, 12, 24], routes[3]);
        Assert.Equal([36, 5], routes[5]);
    }

    [Fact]
    public void Several_od_pairs_and_up_to_32_routes_in_lanes_give_the_numbers_of_agent_by_agent()
    {
        bool original = ReplicationRunner.EightLanes;
        try
        {
            ReplicationRunner.EightLanes = false;
            var byAgent = Runs.All(SeveralPairs(), 2, seed: 31);
            ReplicationRunner.EightLanes = true;
            var inLanes = Runs.All(SeveralPairs(), 2, seed: 31);
            SameCounts.Assert(byAgent, inLanes);
            SameCounts.Assert(byAgent, Runs.All(SeveralPairs(), 2, seed: 31, threads: 2));
            Assert.True(inLanes.Sum(r => r.Decisions) > 500_000);
        }
        finally
        {
            ReplicationRunner.EightLanes = original;
        }
    }

    [Fact]
    public void Several_od_pairs_in_lanes_with_and_without_the_bounds_give_the_same_numbers()
    {
        bool original = ReplicationRunner.UseChoiceBounds;
        try
        {
            ReplicationRunner.UseChoiceBounds = false;
            var exact = Runs.All(SeveralPairs(), 2, seed: 7);
            ReplicationRunner.UseChoiceBounds = true;
            SameCounts.Assert(exact, Runs.All(SeveralPairs(), 2, seed: 7, threads: 2));
        }
        finally
        {
            ReplicationRunner.UseChoiceBounds = original;
        }
    }

    [Fact]
    public void With_several_od_pairs_the_bounds_decide_most_choices_of_the_large_pairs_in_lanes()
    {
        foreach (int organization in new[] { 0, 1, 2 })
        {
            var runner = new ReplicationRunner(CompiledScenario.Build(SeveralPairs() with { Organizations = [SeveralPairs().Organizations[organization]] }), 31, 0);
            runner.Run();
            var (choices, decided) = runner.OwnWeightChoices;
            Assert.True(choices > 10_000 && decided > choices / 2, $"organization {organization}: {decided} of {choices} decided by the bounds");
        }
    }
}
