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
/// the catalogue the same set a brute-force enumeration with the same tie-break would give, unless more than
/// <see cref="MaxTiedBeyondK"/> further paths tie the K-th (lattices of equal costs): then the K are chosen by
/// the same tie-break among the tied paths found first.
/// </remarks>
public static class YenKShortestPaths
{
    /// <summary>
    /// How many paths tying the K-th in cost are gathered beyond K before the tie-break picks K of them. On a
    /// grid of equal costs the tied paths are astronomically many (a 100 x 100 grid has about 10^58 cheapest paths)
    /// and gathering them all never ends; past this many, the tie-break chooses among those found (still the
    /// same choice on every run and machine).
    /// </summary>
    public const int MaxTiedBeyondK = 24;

    /// <summary>Finds the K cheapest loop-free paths whose cost is at most maxStretch times the cheapest.</summary>
    public static IReadOnlyList<NodePath> Find(RouteNetwork network, int origin, int destination, int k, double maxStretch) =>
        Find(network, origin, destination, k, maxStretch, out _);

    /// <summary>As <see cref="Find(RouteNetwork, int, int, int, double)"/>, counting the spur searches run (the work, for tests).</summary>
    internal static IReadOnlyList<NodePath> Find(RouteNetwork network, int origin, int destination, int k, double maxStretch, out int searches)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var nodes = network.Nodes;
        var ids = nodes.Select(n => n.Id).ToArray();
        var graph = network.Graph;
        Comparison<NodePath> order = (a, b) => NodePath.Compare(a, b, ids);

        // In Yen's algorithm every removed edge leaves the spur node, so flags by target node suffice.
        var removedNodes = new bool[nodes.Count];
        var removedTargets = new bool[nodes.Count];
        int spurNode = -1;
        var adjacency = network.Adjacency;
        var toDestination = network.DistancesTo(destination);
        var search = new SpurSearch(adjacency, toDestination);

        NodePath? Cheapest(int from, int[] prefix)
        {
            if (from == destination) return new NodePath([.. prefix], PathCost(network, prefix));
            var tail = search.Run(from, destination, removedNodes, spurNode, removedTargets);
            if (tail is null) return null;
            var array = new int[prefix.Length + tail.Length - 1];
            prefix.CopyTo(array, 0);
            tail.AsSpan(1).CopyTo(array.AsSpan(prefix.Length));
            return new NodePath(array, PathCost(network, array));
        }

        var first = Cheapest(origin, [origin]);
        searches = search.Searches;
        if (first is null) return [];
        double limit = first.Cost * maxStretch;
        bool WithinStretch(NodePath p) => p.Cost <= limit || NodePath.CostsTie(p.Cost, limit);

        // Spur searches that cannot give a path worth keeping are skipped, which changes no result: a spur
        // path costs at least the root's cost plus the spur node's unrestricted distance to the destination
        // (removing nodes and edges only lengthens paths). Without this, a 10,000-node chain ran 10,000
        // Dijkstra searches per path and a 100 x 100 grid took 80 s. The spur search itself is A* on arrays (see SpurSearch).
        double bound = limit;
        bool Hopeless(double rootCost, int spur) =>
            double.IsPositiveInfinity(toDestination[spur]) || (rootCost + toDestination[spur] > bound && !NodePath.CostsTie(rootCost + toDestination[spur], bound));
        bool AnyEdgeLeft(int spur)
        {
            for (int e = adjacency.Start[spur]; e < adjacency.Start[spur + 1]; e++)
            {
                int to = adjacency.Target[e];
                if (!removedNodes[to] && !removedTargets[to] && !double.IsPositiveInfinity(toDestination[to])) return true;
            }
            return false;
        }

        var accepted = new List<NodePath> { first };
        var candidates = new List<NodePath>();
        var last = first;
        while (true)
        {
            double rootCost = nodes[last.Nodes[0]].Cost;
            for (int i = 0; i < last.Nodes.Length - 1; i++)
            {
                int spur = last.Nodes[i];
                if (i > 0)
                {
                    graph.TryGetEdge(last.Nodes[i - 1], spur, out var into);
                    rootCost += into!.Tag + nodes[spur].Cost;
                }
                if (Hopeless(rootCost, spur)) continue;
                var root = last.Nodes[..(i + 1)];
                Array.Clear(removedNodes);
                Array.Clear(removedTargets);
                spurNode = spur;
                foreach (var p in accepted)
                    if (p.Nodes.Length > i + 1 && p.Nodes.AsSpan(0, i + 1).SequenceEqual(root))
                        removedTargets[p.Nodes[i + 1]] = true;
                for (int j = 0; j < i; j++) removedNodes[root[j]] = true;
                if (!AnyEdgeLeft(spur)) continue;

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
                if (accepted.Count >= k + MaxTiedBeyondK) break; // a lattice ties astronomically many paths: see MaxTiedBeyondK
            }
            candidates.RemoveAt(0);
            accepted.Add(next);
            last = next;
            // Once K paths are in, later ones are kept only if they tie the K-th (paths come in non-decreasing cost).
            if (accepted.Count >= k) bound = Math.Min(bound, accepted.Order(Comparer<NodePath>.Create(order)).ElementAt(k - 1).Cost);
        }

        searches = search.Searches;
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
