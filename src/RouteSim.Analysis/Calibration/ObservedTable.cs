namespace RouteSim.Analysis.Calibration;

/// <summary>
/// Observed data to fit: one row per key (a year, a month), one column per target; each key stands for a block
/// of consecutive periods of the run.
/// </summary>
/// <param name="KeyColumn">Name of the key column (e.g. fiscal_year).</param>
/// <param name="Keys">The key of each row, in row order.</param>
/// <param name="Targets">Target column names, in order.</param>
/// <param name="Values">Values[row][target]; NaN where not observed.</param>
public sealed record ObservedTable(string KeyColumn, IReadOnlyList<long> Keys, IReadOnlyList<string> Targets, double[][] Values);
