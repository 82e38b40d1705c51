namespace RouteSim.Analysis.Sweeps;

/// <summary>What an outcome is counted over.</summary>
public enum OutcomeScope
{
    /// <summary>A location metric (<see cref="Core.Engine.Metrics.Location"/>) at one location.</summary>
    Location,

    /// <summary>An organization metric (<see cref="Core.Engine.Metrics.Organization"/>), one or all organizations.</summary>
    Organization,

    /// <summary>Trips started on one route of one organization.</summary>
    Route,

    /// <summary>A measure of the comparison with the counterfactual (docs/model.md section 8).</summary>
    Comparison,
}
