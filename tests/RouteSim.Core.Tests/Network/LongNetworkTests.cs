using RouteSim.Core.Model;
using RouteSim.Core.Network;

namespace RouteSim.Core.Tests.Network;

/// <summary>
/// Route enumeration on the long chains and grids of issue 21 (a 10,000-node chain took 32 s, a 100 x 100 grid
/// 80 s and more): the work, counted in spur searches, stays near K times the path length, not its square.
/// </summary>
public class LongNetworkTests
{
    [Fact]
    public void A_10000_node_chain_needs_no_spur_search_per_node()
    {
        const int n = 10_000;
        var nodes = Enumerable.Range(0, n).Select(i => new Node($"N{i}", i == 0 ? NodeKind.Origin : i == n - 1 ? NodeKind.Destination : NodeKind.Transit)).ToArray();
        var edges = Enumerable.Range(0, n - 1).SelectMany(i => new[] { new Edge($"N{i}", $"N{i + 1}", 1), new Edge($"N{i + 1}", $"N{i}", 1) }).ToArray();
        var network = RouteNetwork.Build(nodes, edges);
        var routes = YenKShortestPaths.Find(network, 0, n - 1, 8, 3.0, out int searches);
        Assert.Equal(n - 1, Assert.Single(routes).Cost);
        Assert.Equal(1, searches); // the first path; every spur has no edge left, so no further search runs
    }

    [Fact]
    public void A_100_by_100_grid_of_equal_costs_gives_K_routes_by_the_tie_break_with_bounded_work()
    {
        const int m = 100;
        var (network, origin, destination) = Grid(m, (_, _) => 1);
        var routes = YenKShortestPaths.Find(network, origin, destination, 8, 3.0, out int searches);
        Assert.Equal(8, routes.Count);
        Assert.All(routes, r => Assert.Equal(2 * (m - 1), r.Cost));
        var ids = network.Nodes.Select(n => n.Id).ToArray();
        Assert.Equal(routes, routes.Order(Comparer<NodePath>.Create((a, b) => NodePath.Compare(a, b, ids))));
        // At most K + MaxTiedBeyondK paths, each spurring at most once per node: linear in path length.
        Assert.InRange(searches, 1, (8 + YenKShortestPaths.MaxTiedBeyondK) * (2 * m - 1) + 1);
    }

    [Fact]
    public void On_small_grids_with_distinct_costs_the_catalogue_is_the_brute_force_one()
    {
        // Costs that differ, so no tie limit applies: the pruned search must give exactly the K cheapest paths.
        var random = new Random(21);
        for (int trial = 0; trial < 20; trial++)
        {
            var (network, origin, destination) = Grid(4, (_, _) => Math.Round(1 + random.NextDouble() * 3, 3));
            var expected = AllPaths(network, origin, destination).OrderBy(p => p.Cost).Take(6).Select(p => Math.Round(p.Cost, 9)).ToArray();
            var found = YenKShortestPaths.Find(network, origin, destination, 6, 100.0, out _).Select(p => Math.Round(p.Cost, 9)).ToArray();
            Assert.Equal(expected, found);
        }
    }

    private static (RouteNetwork Network, int Origin, int Destination) Grid(int m, Func<int, int, double> cost)
    {
        string Id(int r, int c) => $"N{r}_{c}";
        var nodes = new List<Node>();
        for (int r = 0; r < m; r++)
            for (int c = 0; c < m; c++)
                nodes.Add(new Node(Id(r, c), (r, c) == (0, 0) ? NodeKind.Origin : (r, c) == (m - 1, m - 1) ? NodeKind.Destination : NodeKind.Transit));
        var edges = new List<Edge>();
        for (int r = 0; r < m; r++)
            for (int c = 0; c < m; c++)
                foreach (var (dr, dc) in new[] { (0, 1), (1, 0), (0, -1), (-1, 0) })
                    if (r + dr is >= 0 and < 100 && c + dc is >= 0 and < 100 && r + dr < m && c + dc < m)
                        edges.Add(new Edge(Id(r, c), Id(r + dr, c + dc), cost(r, c)));
        return (RouteNetwork.Build(nodes, edges), 0, m * m - 1);
    }

    private static List<NodePath> AllPaths(RouteNetwork network, int origin, int destination)
    {
        var paths = new List<NodePath>();
        var onPath = new bool[network.Nodes.Count];
        var path = new List<int> { origin };
        onPath[origin] = true;
        void Walk(int v)
        {
            if (v == destination)
            {
                paths.Add(new NodePath([.. path], YenKShortestPaths.PathCost(network, path.ToArray())));
                return;
            }
            foreach (var e in network.Graph.OutEdges(v))
            {
                if (onPath[e.Target]) continue;
                onPath[e.Target] = true;
                path.Add(e.Target);
                Walk(e.Target);
                path.RemoveAt(path.Count - 1);
                onPath[e.Target] = false;
            }
        }
        Walk(origin);
        return paths;
    }
}
