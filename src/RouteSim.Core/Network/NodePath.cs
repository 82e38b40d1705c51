namespace RouteSim.Core.Network;

/// <summary>A loop-free path as node indices, with its total cost (edges plus nodes).</summary>
public sealed record NodePath(int[] Nodes, double Cost)
{
    /// <summary>Orders paths by cost, then by fewer nodes, then by node ids in ordinal order: the documented tie-break.</summary>
    public static int Compare(NodePath a, NodePath b, IReadOnlyList<string> ids)
    {
        int c = a.Cost.CompareTo(b.Cost);
        if (c != 0 && !CostsTie(a.Cost, b.Cost)) return c;
        c = a.Nodes.Length.CompareTo(b.Nodes.Length);
        if (c != 0) return c;
        for (int i = 0; i < a.Nodes.Length; i++)
        {
            c = string.CompareOrdinal(ids[a.Nodes[i]], ids[b.Nodes[i]]);
            if (c != 0) return c;
        }
        return 0;
    }

    /// <summary>Costs equal up to rounding of their sums count as a tie.</summary>
    public static bool CostsTie(double a, double b) =>
        Math.Abs(a - b) <= 1e-9 * Math.Max(1.0, Math.Max(Math.Abs(a), Math.Abs(b)));

    /// <summary>True when the same nodes in the same order.</summary>
    public bool SameNodes(NodePath other) => Nodes.AsSpan().SequenceEqual(other.Nodes);
}
