namespace RouteSim.Analysis.Calibration;

/// <summary>What the model gives for each (key, target): the mean over replications of the target's total in the key's periods.</summary>
/// <param name="Values">Values[row][target], rows in the order of <paramref name="Keys"/>.</param>
public sealed record SimulatedTable(IReadOnlyList<long> Keys, IReadOnlyList<string> Targets, double[][] Values)
{
    /// <summary>The model's value of each of the calibration's outside estimates (<see cref="ExternalEstimate"/>), in their order; empty without any.</summary>
    public double[] Estimates { get; init; } = [];

    /// <summary>Each row divided by its total over targets (NaN rows when the total is zero).</summary>
    public double[][] Shares() => Values.Select(row => ToShares(row)).ToArray();

    /// <summary>A row as shares of its total (of its group's total, with groups), ignoring missing cells.</summary>
    public static double[] ToShares(double[] row, TargetGroups? groups = null) => (groups ?? TargetGroups.One(row.Length)).Shares(row);
}
