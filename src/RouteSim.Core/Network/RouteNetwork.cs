using QuikGraph;
using RouteSim.Core.Model;

namespace RouteSim.Core.Network;

/// <summary>The scenario's locations and edges as a QuikGraph directed graph over node indices.</summary>
public sealed class RouteNetwork
{
    private readonly Dictionary<string, int> _index;

    private RouteNetwork(IReadOnlyList<Node> nodes, AdjacencyGraph<int, TaggedEdge<int, double>> graph, Dictionary<string, int> index)
    {
        Nodes = nodes;
        Graph = graph;
        _index = index;
    }

    /// <summary>The locations, in scenario order; a node's index is its position here.</summary>
    public IReadOnlyList<Node> Nodes { get; }

    /// <summary>The directed graph; vertices are node indices, edge tags are edge costs.</summary>
    public AdjacencyGraph<int, TaggedEdge<int, double>> Graph { get; }

    /// <summary>Builds the graph (not to be changed afterwards). Ids must be unique and edges must name known nodes (the scenario validator checks both).</summary>
    public static RouteNetwork Build(IReadOnlyList<Node> nodes, IReadOnlyList<Edge> edges)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var graph = new AdjacencyGraph<int, TaggedEdge<int, double>>(allowParallelEdges: false);
        for (int i = 0; i < nodes.Count; i++)
        {
            if (!index.TryAdd(nodes[i].Id, i))
                throw new ArgumentException($"duplicate node id '{nodes[i].Id}'", nameof(nodes));
            graph.AddVertex(i);
        }

        foreach (var edge in edges)
        {
            int from = index.TryGetValue(edge.From, out var f) ? f : throw new ArgumentException($"edge from unknown node '{edge.From}'", nameof(edges));
            int to = index.TryGetValue(edge.To, out var t) ? t : throw new ArgumentException($"edge to unknown node '{edge.To}'", nameof(edges));
            if (!graph.AddEdge(new TaggedEdge<int, double>(from, to, edge.Cost)))
                throw new ArgumentException($"duplicate edge {edge.From} -> {edge.To}", nameof(edges));
        }

        return new RouteNetwork(nodes, graph, index);
    }

    // What every od pair's route search needs from the network, computed once per network rather than once per pair:
    // the out-edges as arrays, and each destination's distances (od pairs share destinations; on the Gatekeeper
    // backtest, 15 pairs have 4, and these searches were half the time of enumerating the routes). The graph is not
    // changed after Build, so neither goes stale.
    private Adjacency? _adjacency;
    private AdjacencyGraph<int, TaggedEdge<int, double>>? _reversed;
    private readonly Dictionary<int, double[]> _distancesTo = [];

    /// <summary>The out-edges as arrays (built on first use).</summary>
    internal Adjacency Adjacency
    {
        get
        {
            lock (_distancesTo) return _adjacency ??= Adjacency.Of(this);
        }
    }

    /// <summary>
    /// Each node's cheapest cost to <paramref name="destination"/> (edges plus the nodes entered), infinity where it
    /// cannot get there; computed on first use for each destination. Callers must not change the array.
    /// </summary>
    internal double[] DistancesTo(int destination)
    {
        lock (_distancesTo)
        {
            if (_distancesTo.TryGetValue(destination, out var known)) return known;
            if (_reversed is null)
            {
                _reversed = new AdjacencyGraph<int, TaggedEdge<int, double>>(allowParallelEdges: false);
                _reversed.AddVertexRange(Graph.Vertices);
                foreach (var e in Graph.Edges) _reversed.AddEdge(new TaggedEdge<int, double>(e.Target, e.Source, e.Tag + Nodes[e.Target].Cost));
            }
            var dijkstra = new QuikGraph.Algorithms.ShortestPath.DijkstraShortestPathAlgorithm<int, TaggedEdge<int, double>>(_reversed, e => e.Tag);
            dijkstra.Compute(destination);
            var distances = new double[Nodes.Count];
            for (int v = 0; v < distances.Length; v++)
                distances[v] = dijkstra.TryGetDistance(v, out var d) && d < double.MaxValue ? d : double.PositiveInfinity;
            _distancesTo[destination] = distances;
            return distances;
        }
    }

    /// <summary>The index of the node with this id, or -1.</summary>
    public int IndexOf(string id) => _index.TryGetValue(id, out var i) ? i : -1;

    /// <summary>The K cheapest loop-free routes from origin to destination, within the stretch limit (docs/model.md section 1).</summary>
    public IReadOnlyList<NodePath> CandidateRoutes(int origin, int destination, Routing routing) =>
        YenKShortestPaths.Find(this, origin, destination, routing.RoutesPerPair, routing.MaxStretch);
}
