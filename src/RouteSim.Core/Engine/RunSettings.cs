namespace RouteSim.Core.Engine;

/// <summary>How an ensemble is run: master seed, number of replications and threads.</summary>
public sealed record RunSettings(ulong Seed, int Replications, int Threads)
{
    /// <summary>Threads to use when the user does not say: every core.</summary>
    public static int DefaultThreads => Environment.ProcessorCount;
}
