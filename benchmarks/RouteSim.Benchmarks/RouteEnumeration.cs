using BenchmarkDotNet.Attributes;
using RouteSim.Core.Model;
using RouteSim.Core.Network;

namespace RouteSim.Benchmarks;

/// <summary>Yen's K cheapest loop-free paths across a large grid (corner to corner), K = 8.</summary>
public class RouteEnumeration
{
    private RouteNetwork _network = null!;

    [Params(20, 40)]
    public int Side { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var nodes = new List<Node>();
        var edges = new List<Edge>();
        string Id(int r, int c) => $"n{r}_{c}";
        for (int r = 0; r < Side; r++)
            for (int c = 0; c < Side; c++)
                nodes.Add(new Node(Id(r, c), NodeKind.Transit, (r * 7 + c * 13) % 5 * 0.1));
        for (int r = 0; r < Side; r++)
            for (int c = 0; c < Side; c++)
            {
                if (c + 1 < Side) edges.Add(new Edge(Id(r, c), Id(r, c + 1), 1 + (r + c) % 3));
                if (r + 1 < Side) edges.Add(new Edge(Id(r, c), Id(r + 1, c), 1 + (r * c) % 4));
                if (c > 0) edges.Add(new Edge(Id(r, c), Id(r, c - 1), 2));
                if (r > 0) edges.Add(new Edge(Id(r, c), Id(r - 1, c), 2));
            }
        _network = RouteNetwork.Build(nodes, edges);
    }

    [Benchmark]
    public int CheapestEight() => _network.CandidateRoutes(0, Side * Side - 1, new Routing(8, 3.0)).Count;
}
