using RouteSim.Analysis.Designs;

namespace RouteSim.Analysis.Sweeps;

/// <summary>
/// The global list of a sweep's work: every (point, replication), numbered point-major. An item's seed is a pure
/// function of the sweep seed and its number, so any subset of the list can be run anywhere and give the same rows.
/// </summary>
public sealed record SweepPlan(Design Design, int Replications, ulong Seed, SeedMode Seeds)
{
    /// <summary>Number of work items.</summary>
    public long Count => (long)Design.Count * Replications;

    /// <summary>The work item with this global index.</summary>
    public WorkItem Item(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        int point = (int)(index / Replications), replication = (int)(index % Replications);
        return Seeds == SeedMode.Common
            ? new WorkItem(index, point, replication, Seed, replication)
            : new WorkItem(index, point, replication, Core.Randomness.Seeds.SweepItem(Seed, index), 0);
    }

    /// <summary>Items [From, To) of shard <paramref name="shard"/> (0-based) of <paramref name="shards"/>: contiguous, near-equal blocks.</summary>
    public (long From, long To) Shard(int shard, int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, shards);
        return (Count * shard / shards, Count * (shard + 1) / shards);
    }
}
