namespace RouteSim.Analysis.Designs;

/// <summary>The full factorial: every combination of each factor's levels, the last factor varying fastest.</summary>
public static class GridDesign
{
    /// <summary>Builds the grid; a ranged factor gets <paramref name="levels"/> evenly spaced values.</summary>
    public static Design Build(IReadOnlyList<Factor> factors, int levels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 1);
        var axes = factors.Select(f => f.Levels(levels)).ToArray();
        long count = axes.Aggregate(1L, (n, a) => n * a.Count);
        if (count > int.MaxValue) throw new ArgumentException($"the grid has {count:N0} points; at most {int.MaxValue:N0} are supported");
        var points = new double[count][];
        for (int i = 0; i < count; i++)
        {
            var row = new double[axes.Length];
            long rest = i;
            for (int j = axes.Length - 1; j >= 0; j--)
            {
                row[j] = axes[j][(int)(rest % axes[j].Count)];
                rest /= axes[j].Count;
            }
            points[i] = row;
        }
        return new Design(DesignKind.Grid, factors, points, null, Levels: levels);
    }

    /// <summary>Points the grid would have, without building it.</summary>
    public static long Size(IReadOnlyList<Factor> factors, int levels) =>
        factors.Aggregate(1L, (n, f) => n * (f.Values?.Count ?? levels));
}
