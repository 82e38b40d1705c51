using RouteSim.Analysis.Designs;
using RouteSim.Core.Randomness;

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
            : new WorkItem(index, point, replication, ItemSeed(Seed, index), 0);
    }

    /// <summary>The seed of work item <paramref name="index"/> in independent mode.</summary>
    public static ulong ItemSeed(ulong sweepSeed, long index) =>
        CounterRng.Mix(CounterRng.Mix(sweepSeed ^ 0x5377656570536565UL) + (ulong)(index + 1) * 0x9E3779B97F4A7C15UL);

    /// <summary>Items [From, To) of shard <paramref name="shard"/> (0-based) of <paramref name="shards"/>: contiguous, near-equal blocks.</summary>
    public (long From, long To) Shard(int shard, int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, shards);
        return (Count * shard / shards, Count * (shard + 1) / shards);
    }
}
