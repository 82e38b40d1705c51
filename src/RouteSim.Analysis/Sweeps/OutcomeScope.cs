namespace RouteSim.Analysis.Sweeps;

/// <summary>What an outcome is counted over.</summary>
public enum OutcomeScope
{
    /// <summary>A location metric (traversals, interdictions, deaths) at one location.</summary>
    Location,

    /// <summary>An organization metric (acting, abstentions, attempts, successes, interdictions, deaths), one or all organizations.</summary>
    Organization,

    /// <summary>Trips started on one route of one organization.</summary>
    Route,

    /// <summary>A measure of the comparison with the counterfactual (docs/model.md section 8).</summary>
    Comparison,
}
