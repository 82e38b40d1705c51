namespace RouteSim.Core.Engine;

/// <summary>Count arrays of replications their consumer is done with, reused by later replications of the same run.</summary>
/// <remarks>
/// A replication's counts are megabytes for a year of daily periods; fresh arrays for each replication cost
/// page faults, zeroing and collections that stop every thread. A consumer that keeps results only until it
/// has written them hands each back with <see cref="Return"/>; one that keeps them does not use a pool.
/// </remarks>
public sealed class ResultPool(ResultLayout layout)
{
    private readonly Stack<ReplicationResult> _free = new();

    /// <summary>The layout of every result in the pool.</summary>
    public ResultLayout Layout { get; } = layout;

    /// <summary>Zeroed counts for <paramref name="replication"/>: a returned result cleared, or new arrays.</summary>
    internal ReplicationResult Rent(int replication)
    {
        ReplicationResult? reused;
        lock (_free) _free.TryPop(out reused);
        if (reused is null) return new ReplicationResult(replication, Layout);
        reused.Reset(replication);
        return reused;
    }

    /// <summary>Hands back a result whose counts are no longer read; it will be overwritten.</summary>
    public void Return(ReplicationResult result)
    {
        if (result.Layout != Layout) throw new ArgumentException("a result of another layout", nameof(result));
        lock (_free) _free.Push(result);
    }
}
