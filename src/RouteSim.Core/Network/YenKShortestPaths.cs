using QuikGraph;
using QuikGraph.Algorithms;
using RouteSim.Core.Model;

namespace RouteSim.Core.Network;

/// <summary>
/// Yen's algorithm for the K cheapest loop-free paths, with node costs and a deterministic tie-break.
/// </summary>
/// <remarks>
/// A path's cost is the sum of its edge costs and its node costs (origin and destination included).
/// Node costs are folded into the edge leading into the node, so QuikGraph's Dijkstra finds the
/// spur paths. Yen's algorithm yields paths in non-decreasing cost, but among paths of equal cost
/// the order is an accident of the search; so it keeps going until the next candidate costs strictly
/// more than the K-th path, then sorts by (cost, node count, node ids) and keeps the first K. That makes
/// the catalogue the same set a brute-force enumeration with the same tie-break would give.
/// </remarks>
public static class YenKShortestPaths
{
    /// <summary>Finds the K cheapest loop-free paths whose cost is at most maxStretch times the cheapest.</summary>
    public static IReadOnlyList<NodePath> Find(RouteNetwork network, int origin, int destination, int k, double maxStretch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var nodes = network.Nodes;
        var ids = nodes.Select(n => n.Id).ToArray();
        var graph = network.Graph;
        Comparison<NodePath> order = (a, b) => NodePath.Compare(a, b, ids);

        // In Yen's algorithm every removed edge leaves the spur node, so flags by target node suffice; the
        // weight function runs for every edge Dijkstra relaxes, so it must be array lookups, not hashing.
        var removedNodes = new bool[nodes.Count];
        var removedTargets = new bool[nodes.Count];
        int spurNode = -1;
        double Weight(TaggedEdge<int, double> e) =>
            removedNodes[e.Target] || removedNodes[e.Source] || (e.Source == spurNode && removedTargets[e.Target])
                ? double.PositiveInfinity
                : e.Tag + nodes[e.Target].Cost;

        NodePath? Cheapest(int from, int[] prefix)
        {
            if (from == destination) return new NodePath([.. prefix], PathCost(network, prefix));
            var paths = graph.ShortestPathsDijkstra(Weight, from);
            if (!paths(destination, out var edges)) return null;
            var list = new List<int>(prefix);
            foreach (var e in edges)
            {
                if (double.IsPositiveInfinity(Weight(e))) return null;
                list.Add(e.Target);
            }
            var array = list.ToArray();
            return new NodePath(array, PathCost(network, array));
        }

        var first = Cheapest(origin, [origin]);
        if (first is null) return [];
        double limit = first.Cost * maxStretch;
        bool WithinStretch(NodePath p) => p.Cost <= limit || NodePath.CostsTie(p.Cost, limit);

        var accepted = new List<NodePath> { first };
        var candidates = new List<NodePath>();
        var last = first;
        while (true)
        {
            for (int i = 0; i < last.Nodes.Length - 1; i++)
            {
                int spur = last.Nodes[i];
                var root = last.Nodes[..(i + 1)];
                Array.Clear(removedNodes);
                Array.Clear(removedTargets);
                spurNode = spur;
                foreach (var p in accepted)
                    if (p.Nodes.Length > i + 1 && p.Nodes.AsSpan(0, i + 1).SequenceEqual(root))
                        removedTargets[p.Nodes[i + 1]] = true;
                for (int j = 0; j < i; j++) removedNodes[root[j]] = true;

                var candidate = Cheapest(spur, root);
                if (candidate is null || !WithinStretch(candidate)) continue;
                if (accepted.Any(candidate.SameNodes) || candidates.Any(candidate.SameNodes)) continue;
                candidates.Add(candidate);
            }

            if (candidates.Count == 0) break;
            candidates.Sort(order);
            var next = candidates[0];
            if (accepted.Count >= k)
            {
                var kth = accepted.Order(Comparer<NodePath>.Create(order)).ElementAt(k - 1);
                if (!NodePath.CostsTie(next.Cost, kth.Cost) && next.Cost > kth.Cost) break;
            }
            candidates.RemoveAt(0);
            accepted.Add(next);
            last = next;
        }

        accepted.Sort(order);
        return accepted.Take(k).ToArray();
    }

    /// <summary>Cost of a path: its nodes' costs plus its edges' costs, summed along the path so equal paths give equal sums.</summary>
    public static double PathCost(RouteNetwork network, ReadOnlySpan<int> path)
    {
        double cost = network.Nodes[path[0]].Cost;
        for (int i = 1; i < path.Length; i++)
        {
            network.Graph.TryGetEdge(path[i - 1], path[i], out var edge);
            cost += edge!.Tag + network.Nodes[path[i]].Cost;
        }
        return cost;
    }
}
