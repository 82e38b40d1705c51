namespace RouteSim.Analysis.Counterfactuals;

/// <summary>How a measure's value reads: it decides rounding and units wherever the measure is shown.</summary>
public enum MeasureKind
{
    /// <summary>A number of trips, crossings or deaths over the window: shown as a whole count.</summary>
    Count,

    /// <summary>A fraction of something (deterrence, a ratio of flows): shown as a percentage.</summary>
    Share,

    /// <summary>A ratio of two flows that may exceed 1 or fall below 0 (the displacement ratio): shown as a plain number.</summary>
    Ratio,

    /// <summary>Deaths per 1,000 attempts: shown with two decimals.</summary>
    PerThousand,

    /// <summary>A probability per trip (route danger, route detection): shown as a percentage with two decimals.</summary>
    Probability,
}

/// <summary>A comparison measure as readers meet it: its CSV name, its name in words and a one-line definition.</summary>
/// <param name="Name">snake_case name, as in comparison.csv and sweep outcomes.</param>
/// <param name="Label">Its name in words, for reports and the console.</param>
/// <param name="Definition">One line saying what is counted and how.</param>
/// <param name="Kind">How the value reads.</param>
/// <param name="IsChange">True for a paired change (intervention minus baseline), which reads with a sign.</param>
public sealed record MeasureDefinition(string Name, string Label, string Definition, MeasureKind Kind, bool IsChange = false);
