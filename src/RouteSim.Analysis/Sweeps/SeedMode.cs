namespace RouteSim.Analysis.Sweeps;

/// <summary>How each (point, replication) of a sweep gets its random streams.</summary>
public enum SeedMode
{
    /// <summary>Every work item has its own seed, derived from the sweep seed and its global index.</summary>
    Independent,

    /// <summary>Replication r of every point uses the sweep seed and replication index r: common random numbers across points.</summary>
    Common,
}
