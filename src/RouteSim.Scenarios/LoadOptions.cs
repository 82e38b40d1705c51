namespace RouteSim.Scenarios;

/// <summary>Limits a scenario is checked against when it loads.</summary>
/// <param name="MemoryBudgetBytes">Memory the run may use; a scenario that needs more is refused.</param>
/// <param name="ConcurrentReplications">Replications expected to be in memory at once (one per thread).</param>
public sealed record LoadOptions(double MemoryBudgetBytes, int ConcurrentReplications)
{
    /// <summary>
    /// This machine: the memory the runtime may use (its limit, or on Linux the memory the kernel reports as
    /// available now, if less: other programs' memory cannot be counted on), and one replication per core.
    /// </summary>
    public static LoadOptions ForThisMachine() =>
        new(Math.Min(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, AvailableNow() ?? double.PositiveInfinity), Environment.ProcessorCount);

    /// <summary>MemAvailable of /proc/meminfo, in bytes, or null where there is none.</summary>
    private static double? AvailableNow()
    {
        try
        {
            if (!File.Exists("/proc/meminfo")) return null;
            foreach (var line in File.ReadLines("/proc/meminfo"))
                if (line.StartsWith("MemAvailable:", StringComparison.Ordinal)
                    && long.TryParse(line["MemAvailable:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out long kb))
                    return kb * 1024.0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }

    /// <summary>No memory limit (for tests of everything else).</summary>
    public static LoadOptions Unlimited { get; } = new(double.PositiveInfinity, 1);
}
