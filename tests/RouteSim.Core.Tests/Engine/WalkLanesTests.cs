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
}
