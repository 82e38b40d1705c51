namespace RouteSim.Core.Engine;

/// <summary>How much memory a run needs, so a scenario too large for the machine is refused before anything is allocated.</summary>
public static class MemoryEstimate
{
    /// <summary>Agent state: od pair (2 bytes), risk multiplier (8), free_at (4), stream key (8), rounded up.</summary>
    public const int BytesPerAgent = 24;

    /// <summary>Bytes for a run: every concurrent replication's agents and counts, plus the summary's moments.</summary>
    /// <param name="countCellsPerPeriod">Counted cells per period: locations x commodities x 3 + organizations x 6 + routes.</param>
    public static double Bytes(long agents, long periods, long countCellsPerPeriod, int concurrentReplications)
    {
        double perReplication = (double)agents * BytesPerAgent + (double)periods * countCellsPerPeriod * sizeof(int);
        double summary = 2.0 * sizeof(double) * (periods + 1) * countCellsPerPeriod;
        return Math.Max(1, concurrentReplications) * perReplication + summary;
    }
}
