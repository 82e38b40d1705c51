using RouteSim.Core.Engine;
using RouteSim.Core.Model;
using RouteSim.Core.Tests.Support;

namespace RouteSim.Core.Tests.Engine;

/// <summary>Flips the engine's vector width, a process-wide setting, so runs alone.</summary>
[CollectionDefinition(nameof(VectorWidth), DisableParallelization = true)]
public class VectorWidth;

[Collection(nameof(VectorWidth))]
public class VectorWidthTests
{
    /// <summary>
    /// Two origins, four crossings, three destinations: od pairs with 2 to 8 routes, so groups of eight agents
    /// straddle od pairs, blocks end part-way through a vector, and one organization shares its weights (sigma 0).
    /// </summary>
    private static Scenario Network()
    {
        string[] crossings = ["X1", "X2", "X3", "X4"];
        var nodes = new List<Node> { new("O1", NodeKind.Origin), new("O2", NodeKind.Origin), new("T", NodeKind.Transit, 0.5, 0.02, 20) };
        var edges = new List<Edge> { new("O1", "T", 1), new("O2", "T", 2) };
        for (int i = 0; i < crossings.Length; i++)
        {
            nodes.Add(TestScenarios.Crossing(crossings[i], cost: 1 + 0.3 * i, b: 0.02 + 0.02 * i, danger: 0.01 * i));
            edges.Add(new Edge("T", crossings[i], 1));
            edges.Add(new Edge("O2", crossings[i], 1.5));
        }
        foreach (var d in new[] { "D1", "D2", "D3" }) nodes.Add(new Node(d, NodeKind.Destination));
        edges.AddRange([new Edge("X1", "D1", 1), new Edge("X2", "D1", 1), new Edge("X2", "D2", 1), new Edge("X3", "D2", 1), new Edge("X4", "D2", 2),
            new Edge("X1", "D3", 1), new Edge("X2", "D3", 1), new Edge("X3", "D3", 1), new Edge("X4", "D3", 1)]);
        OdPair[] od = [new("O1", "D1", 1), new("O1", "D2", 2), new("O2", "D3", 1), new("O2", "D2", 1), new("O1", "D3", 1)];
        Organization[] organizations =
        [
            new("risky", "migrants", 5_003, od, 1.5, 0.9, 10, 0.7, 3, 0.6),
            new("shared", "migrants", 777, od[..2], 2, 0.8, 5, 0, 0, 1),
            new("steady", "drugs", 2_049, od[2..], 0.8, 0.95, 20, 0.4, 5, 0.9),
        ];
        return new Scenario("widths", "", [], 15, "day", 10, 1, new Routing(8, 3.0), nodes, edges,
            [TestScenarios.Migrants(dangerWeight: 1), TestScenarios.Drugs()], organizations,
            TestScenarios.Allocation(0.4, ("X1", 5), ("X3", 2)));
    }

    [Fact]
    public void Four_and_eight_lanes_give_the_same_numbers()
    {
        bool original = ReplicationRunner.EightLanes;
        try
        {
            ReplicationRunner.EightLanes = false;
            var four = Runs.All(Network(), 3, seed: 7);
            ReplicationRunner.EightLanes = true;
            var eight = Runs.All(Network(), 3, seed: 7);
            SameCounts.Assert(four, eight);
            Assert.True(four.Sum(r => r.Decisions) > 100_000);
        }
        finally
        {
            ReplicationRunner.EightLanes = original;
        }
    }
}
