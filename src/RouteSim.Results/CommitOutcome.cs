namespace RouteSim.Results;

/// <summary>How <see cref="ResultFolder.Commit"/> ended.</summary>
public enum CommitOutcome
{
    /// <summary>The new results are at the target.</summary>
    Placed,

    /// <summary>The target appeared meanwhile holding the same work complete; it was kept and this copy discarded.</summary>
    SameWorkThere,

    /// <summary>The target holds something else; the new results were moved beside it (the exception names where).</summary>
    KeptAside,
}
