namespace RouteSim.Analysis.Calibration;

/// <summary>
/// Which group each target belongs to, for shares: a target's share is of its row's total over the targets of
/// its own group (apprehensions by sector and deaths by sector are two groups of the same table, each summing to 1).
/// </summary>
/// <param name="Names">Group names, in order of first appearance.</param>
/// <param name="Of">Of[target]: the index into <paramref name="Names"/> of the target's group.</param>
public sealed record TargetGroups(IReadOnlyList<string> Names, IReadOnlyList<int> Of)
{
    /// <summary>Every one of <paramref name="targets"/> targets in one unnamed group.</summary>
    public static TargetGroups One(int targets) => new([""], new int[targets]);

    /// <summary>Whether there is more than one group.</summary>
    public bool Several => Names.Count > 1;

    /// <summary>Each cell divided by its group's total over the row, ignoring missing cells (NaN where that total is zero).</summary>
    public double[] Shares(double[] row)
    {
        var totals = new double[Names.Count];
        for (int j = 0; j < row.Length; j++) if (!double.IsNaN(row[j])) totals[Of[j]] += row[j];
        var shares = new double[row.Length];
        for (int j = 0; j < row.Length; j++) shares[j] = totals[Of[j]] > 0 ? row[j] / totals[Of[j]] : double.NaN;
        return shares;
    }
}
