namespace RouteSim.Core.Engine;

/// <summary>Workers of an ensemble with no replication left to start, lent to the replications still running.</summary>
/// <remarks>
/// Without them a run's last replications finish on one thread each while the other threads wait: on two
/// threads, about half a replication of one core lost per run. Which thread works a chunk never changes a
/// number (chunks keep their own counters), so lending threads is free of consequences for the results.
/// </remarks>
internal sealed class SpareThreads
{
    private int _idle, _running;

    /// <summary>A worker starts a replication.</summary>
    public void Started() => Interlocked.Increment(ref _running);

    /// <summary>A worker finished its replication.</summary>
    public void Finished() => Interlocked.Decrement(ref _running);

    /// <summary>A worker found no replication left to start and leaves its thread free.</summary>
    public void Idle() => Interlocked.Increment(ref _idle);

    /// <summary>Threads a running replication may add for its next stretch of work: the idle ones, shared out.</summary>
    public int Extra => Volatile.Read(ref _idle) / Math.Max(1, Volatile.Read(ref _running));
}
