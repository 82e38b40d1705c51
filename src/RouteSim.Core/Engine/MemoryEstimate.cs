namespace RouteSim.Core.Engine;

/// <summary>
/// How much memory a run needs, so a scenario too large for the machine is refused before agents are allocated.
/// The figures follow what the engine allocates (checked against the measured allocation of a run by
/// MemoryEstimateTests): 22 bytes of agent state per agent, about 14 more of per-chunk scratch (a chunk of
/// 2,048 agents holds some 28 KB), counts per period, and the summary's moments; plus <see cref="Margin"/> for
/// the garbage collector's slack and <see cref="RuntimeBytes"/> for the runtime itself (measured as 57 MiB of
/// resident memory for the command line before any agent exists).
/// </summary>
public static class MemoryEstimate
{
    /// <summary>Agent state: od pair (2 bytes), risk multiplier (8), free_at (4), stream key (8).</summary>
    public const int AgentStateBytes = 22;

    /// <summary>Headroom over the computed bytes: 10% for the collector's slack and fragmentation.</summary>
    public const double Margin = 1.10;

    /// <summary>The runtime, code and libraries before any agent exists.</summary>
    public const long RuntimeBytes = 64L << 20;

    /// <summary>A replication's small objects (enforcement state, lists, tasks): measured at about 90 KB for 200 od pairs.</summary>
    public const long ReplicationOverheadBytes = 128L << 10;

    /// <summary>Bytes one replication holds: agent state, chunk scratch, per-route arrays, its counts and its small objects.</summary>
    public static long ReplicationBytes(CompiledScenario model) =>
        ReplicationOverheadBytes + (long)AgentStateBytes * model.TotalAgents + ReplicationRunner.WorkingBytes(model) + CountBytes(model);

    private static long CountBytes(CompiledScenario model) => 4L * model.Layout.Periods * Cells(model.Layout);

    /// <summary>Bytes for a run of <paramref name="model"/> with this many replications in memory at once, margin included.</summary>
    public static double Bytes(CompiledScenario model, int concurrentReplications)
    {
        double summary = 2.0 * sizeof(double) * (model.Layout.Periods + 1) * Cells(model.Layout);
        double pooledCounts = 4.0 * CountBytes(model); // the writer's pool keeps about four count arrays beyond one per thread (docs/performance.md)
        return RuntimeBytes + Margin * (Math.Max(1, concurrentReplications) * (double)ReplicationBytes(model) + pooledCounts + summary);
    }

    private static long Cells(ResultLayout layout) => (long)layout.LocationCellsPerPeriod + layout.OrganizationCellsPerPeriod + layout.Routes;

    /// <summary>
    /// A lower bound from the scenario's sizes alone, before routes are enumerated: agent state and counts,
    /// without chunk scratch. A scenario above it is refused without building anything.
    /// </summary>
    /// <param name="countCellsPerPeriod">Counted cells per period: locations x commodities x 3 + organizations x 6 + routes.</param>
    public static double LowerBound(long agents, long periods, long countCellsPerPeriod, int concurrentReplications)
    {
        double perReplication = (double)agents * AgentStateBytes + (double)periods * countCellsPerPeriod * sizeof(int);
        double summary = 2.0 * sizeof(double) * (periods + 1) * countCellsPerPeriod;
        return RuntimeBytes + Math.Max(1, concurrentReplications) * perReplication + summary;
    }
}
