namespace RouteSim.Core.Network;

/// <summary>The network's out-edges as arrays (compressed rows): edge weights are the edge's cost plus the cost of the node it enters.</summary>
internal sealed record Adjacency(int[] Start, int[] Target, double[] Weight)
{
    /// <summary>Builds the arrays from the QuikGraph graph, out-edges of each node in the graph's order.</summary>
    public static Adjacency Of(RouteNetwork network)
    {
        int n = network.Nodes.Count;
        var start = new int[n + 1];
        var target = new List<int>();
        var weight = new List<double>();
        for (int v = 0; v < n; v++)
        {
            start[v] = target.Count;
            foreach (var e in network.Graph.OutEdges(v))
            {
                target.Add(e.Target);
                weight.Add(e.Tag + network.Nodes[e.Target].Cost);
            }
        }
        start[n] = target.Count;
        return new Adjacency(start, [.. target], [.. weight]);
    }
}

/// <summary>
/// The cheapest path from a spur node to the destination avoiding removed nodes and the spur's removed edges:
/// A* (Hart, Nilsson and Raphael 1968) guided by each node's unrestricted distance to the destination, which
/// never overestimates (removals only lengthen paths), so the first time the destination leaves the queue its
/// path is a cheapest one. Stops there instead of settling the whole graph, and reuses its arrays between searches.
/// </summary>
internal sealed class SpurSearch(Adjacency adjacency, double[] toDestination)
{
    private readonly double[] _distance = Enumerable.Repeat(double.PositiveInfinity, toDestination.Length).ToArray();
    private readonly int[] _previous = new int[toDestination.Length];
    private readonly List<int> _touched = [];
    // Ties in f = g + h go to the node farther from the spur (larger g): on a lattice of equal costs, where every
    // node between spur and destination ties, the search then runs straight to the destination.
    private readonly PriorityQueue<int, (double F, double G)> _queue = new(Comparer<(double F, double G)>.Create((a, b) =>
        a.F != b.F ? a.F.CompareTo(b.F) : b.G.CompareTo(a.G)));

    /// <summary>Searches run so far.</summary>
    public int Searches { get; private set; }

    /// <summary>The cheapest path's nodes from <paramref name="from"/> to <paramref name="destination"/>, or null when none is left.</summary>
    public int[]? Run(int from, int destination, bool[] removedNodes, int spur, bool[] removedTargets)
    {
        Searches++;
        foreach (var v in _touched) _distance[v] = double.PositiveInfinity;
        _touched.Clear();
        _queue.Clear();
        Reach(from, 0, -1);
        while (_queue.TryDequeue(out int v, out var priority))
        {
            double known = _distance[v];
            if (priority.G > known) continue; // a stale entry: v was reached more cheaply since
            if (v == destination) return PathTo(destination);
            for (int e = adjacency.Start[v]; e < adjacency.Start[v + 1]; e++)
            {
                int to = adjacency.Target[e];
                if (removedNodes[to] || (v == spur && removedTargets[to]) || double.IsPositiveInfinity(toDestination[to])) continue;
                double through = known + adjacency.Weight[e];
                if (through < _distance[to]) Reach(to, through, v);
            }
        }
        return null;
    }

    private void Reach(int v, double distance, int previous)
    {
        if (double.IsPositiveInfinity(_distance[v])) _touched.Add(v);
        _distance[v] = distance;
        _previous[v] = previous;
        _queue.Enqueue(v, (distance + toDestination[v], distance));
    }

    private int[] PathTo(int destination)
    {
        var path = new List<int>();
        for (int v = destination; v >= 0; v = _previous[v]) path.Add(v);
        path.Reverse();
        return [.. path];
    }
}
