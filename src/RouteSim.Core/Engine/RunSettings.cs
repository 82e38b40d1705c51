namespace RouteSim.Core.Engine;

/// <summary>How an ensemble is run: master seed, number of replications and threads.</summary>
public sealed record RunSettings(ulong Seed, int Replications, int Threads)
{
    /// <summary>Threads to use when the user does not say: every core.</summary>
    public static int DefaultThreads => Environment.ProcessorCount;

    /// <summary>
    /// Periods to run from period 0 (null: all). Later periods' counts stay zero; earlier ones are those of a full
    /// run, since a period depends only on those before it. A calibration's fit needs only its fitted keys' periods.
    /// </summary>
    public int? Periods { get; init; }
}
