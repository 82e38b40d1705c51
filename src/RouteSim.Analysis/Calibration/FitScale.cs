namespace RouteSim.Analysis.Calibration;

/// <summary>Whether simulated and observed values are compared as counts or as each target's share of its row.</summary>
public enum FitScale
{
    /// <summary>Counts; the loss is the mean squared relative error.</summary>
    Counts,

    /// <summary>Shares of the row's total over all targets; the loss is the mean squared error in percentage points.</summary>
    Shares,
}
