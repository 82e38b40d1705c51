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

    /// <summary>Builds the graph. Ids must be unique and edges must name known nodes (the scenario validator checks both).</summary>
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

    /// <summary>The index of the node with this id, or -1.</summary>
    public int IndexOf(string id) => _index.TryGetValue(id, out var i) ? i : -1;

    /// <summary>The K cheapest loop-free routes from origin to destination, within the stretch limit (docs/model.md section 1).</summary>
    public IReadOnlyList<NodePath> CandidateRoutes(int origin, int destination, Routing routing) =>
        YenKShortestPaths.Find(this, origin, destination, routing.RoutesPerPair, routing.MaxStretch);
}
