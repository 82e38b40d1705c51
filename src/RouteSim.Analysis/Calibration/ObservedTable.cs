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

/// <summary>How keys map to periods: key k covers periods [Start + (k - FirstKey) * Length, ... + Length).</summary>
public sealed record KeyPeriods(long FirstKey, int Start, int Length)
{
    /// <summary>First period of key k.</summary>
    public int From(long key) => checked(Start + (int)(key - FirstKey) * Length);

    /// <summary>Period after the last of key k.</summary>
    public int To(long key) => From(key) + Length;
}

/// <summary>Whether simulated and observed values are compared as counts or as each target's share of its row.</summary>
public enum FitScale
{
    /// <summary>Counts; the loss is the mean squared relative error.</summary>
    Counts,

    /// <summary>Shares of the row's total over all targets; the loss is the mean squared error in percentage points.</summary>
    Shares,
}
