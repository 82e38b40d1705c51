using RouteSim.Core.Model;
using RouteSim.Core.Network;

namespace RouteSim.Core.Tests.Network;

public class YenKShortestPathsTests
{
    [Fact]
    public void Tutorial_network_has_three_routes_in_cost_order()
    {
        var nodes = new[]
        {
            new Node("O", NodeKind.Origin), new Node("X1", NodeKind.Crossing, 1), new Node("X2", NodeKind.Crossing, 2),
            new Node("X3", NodeKind.Crossing, 3), new Node("D", NodeKind.Destination),
        };
        var edges = new[] { "X1", "X2", "X3" }.SelectMany(x => new[] { new Edge("O", x, 1), new Edge(x, "D", 1) }).ToArray();
        var network = RouteNetwork.Build(nodes, edges);
        var routes = network.CandidateRoutes(0, 4, new Routing());
        Assert.Equal(new[] { 3.0, 4.0, 5.0 }, routes.Select(r => r.Cost));
        Assert.Equal(new[] { 1, 2, 3 }, routes.Select(r => r.Nodes[1]));
    }

    [Fact]
    public void Stretch_drops_routes_costing_more_than_the_limit()
    {
        var nodes = new[] { new Node("O", NodeKind.Origin), new Node("A", NodeKind.Crossing), new Node("B", NodeKind.Crossing, 10), new Node("D", NodeKind.Destination) };
        var edges = new[] { new Edge("O", "A", 1), new Edge("A", "D", 1), new Edge("O", "B", 1), new Edge("B", "D", 1) };
        var network = RouteNetwork.Build(nodes, edges);
        Assert.Single(network.CandidateRoutes(0, 3, new Routing(8, 3.0)));
        Assert.Equal(2, network.CandidateRoutes(0, 3, new Routing(8, 6.0)).Count);
    }

    [Fact]
    public void Unreachable_destination_has_no_routes()
    {
        var nodes = new[] { new Node("O", NodeKind.Origin), new Node("D", NodeKind.Destination) };
        var network = RouteNetwork.Build(nodes, [new Edge("D", "O", 1)]);
        Assert.Empty(network.CandidateRoutes(0, 1, new Routing()));
    }

    /// <summary>Random graphs, integer costs (so ties abound), against enumerating every simple path.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Matches_brute_force_enumeration_on_random_graphs(int seed)
    {
        var random = new Random(seed);
        for (int trial = 0; trial < 40; trial++)
        {
            int n = random.Next(3, 9);
            var nodes = Enumerable.Range(0, n).Select(i => new Node(
                $"n{i}",
                i == 0 ? NodeKind.Origin : i == n - 1 ? NodeKind.Destination : NodeKind.Transit,
                random.Next(0, 3))).ToArray();
            var edges = new List<Edge>();
            for (int a = 0; a < n; a++)
                for (int b = 0; b < n; b++)
                    if (a != b && random.NextDouble() < 0.45) edges.Add(new Edge($"n{a}", $"n{b}", random.Next(0, 4)));
            var network = RouteNetwork.Build(nodes, edges);
            int k = random.Next(1, 7);
            double stretch = 1 + random.NextDouble() * 2;

            var expected = BruteForce(network, 0, n - 1, k, stretch);
            var actual = network.CandidateRoutes(0, n - 1, new Routing(k, stretch));
            Assert.Equal(expected.Select(Text), actual.Select(Text));
            Assert.Equal(expected.Select(p => p.Cost), actual.Select(p => p.Cost));
        }

        static string Text(NodePath p) => string.Join('>', p.Nodes);
    }

    private static List<NodePath> BruteForce(RouteNetwork network, int origin, int destination, int k, double stretch)
    {
        var all = new List<NodePath>();
        var path = new List<int> { origin };
        void Walk(int at)
        {
            if (at == destination)
            {
                all.Add(new NodePath([.. path], YenKShortestPaths.PathCost(network, path.ToArray())));
                return;
            }
            foreach (var e in network.Graph.OutEdges(at))
            {
                if (path.Contains(e.Target)) continue;
                path.Add(e.Target);
                Walk(e.Target);
                path.RemoveAt(path.Count - 1);
            }
        }
        Walk(origin);
        if (all.Count == 0) return all;
        var ids = network.Nodes.Select(n => n.Id).ToArray();
        all.Sort((a, b) => NodePath.Compare(a, b, ids));
        double limit = all[0].Cost * stretch;
        return all.Where(p => p.Cost <= limit + 1e-9).Take(k).ToList();
    }
}
