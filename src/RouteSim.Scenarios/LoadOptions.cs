namespace RouteSim.Scenarios;

/// <summary>Limits a scenario is checked against when it loads.</summary>
/// <param name="MemoryBudgetBytes">Memory the run may use; a scenario that needs more is refused.</param>
/// <param name="ConcurrentReplications">Replications expected to be in memory at once (one per thread).</param>
public sealed record LoadOptions(double MemoryBudgetBytes, int ConcurrentReplications)
{
    /// <summary>This machine: the memory the runtime may use, and one replication per core.</summary>
    public static LoadOptions ForThisMachine() =>
        new(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, Environment.ProcessorCount);

    /// <summary>No memory limit (for tests of everything else).</summary>
    public static LoadOptions Unlimited { get; } = new(double.PositiveInfinity, 1);
}
