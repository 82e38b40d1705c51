using System.Collections.Concurrent;
using RouteSim.Core.Engine;

namespace RouteSim.Analysis.Sweeps;

/// <summary>
/// Runs a range of a sweep's work items in parallel, one item per thread at a time, and hands the rows on in
/// global order. Each point is built once, when its first item starts, and dropped when its last one is done.
/// </summary>
public static class SweepRunner
{
    /// <summary>Runs items [from, to) of the plan.</summary>
    /// <param name="build">Makes a point ready to run; may be called from any thread, once per point in the range.</param>
    /// <param name="consume">Receives rows in global order, never concurrently.</param>
    /// <param name="progress">Called after each item with the number finished so far.</param>
    /// <returns>Agent decisions made.</returns>
    public static long Run(
        SweepPlan plan,
        long from,
        long to,
        int threads,
        Func<int, SweepPoint> build,
        Action<SweepRow> consume,
        Action<long>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to, plan.Count);
        if (to <= from) return 0;
        var points = new ConcurrentDictionary<int, Lazy<SweepPoint>>();
        var remaining = new ConcurrentDictionary<int, int>();
        for (long i = from; i < to;)
        {
            var item = plan.Item(i);
            long end = Math.Min(to, (long)(item.Point + 1) * plan.Replications);
            remaining[item.Point] = (int)(end - i);
            i = end;
        }

        var gate = new object();
        long next = from - 1, finished = 0, decisions = 0;
        var inOrder = new InOrder<SweepRow>(from, consume);
        int workers = (int)Math.Clamp(to - from, 1, Math.Max(1, threads));

        void Work()
        {
            AgentArrays? agents = null;
            while (true)
            {
                long index = Interlocked.Increment(ref next);
                if (index >= to) return;
                cancellation.ThrowIfCancellationRequested();
                var item = plan.Item(index);
                var point = points.GetOrAdd(item.Point, p => new Lazy<SweepPoint>(() => build(p))).Value;
                var row = RunItem(point, item, ref agents, out long made, cancellation);
                if (remaining.AddOrUpdate(item.Point, 0, (_, n) => n - 1) == 0) points.TryRemove(item.Point, out _);
                lock (gate)
                {
                    decisions += made;
                    inOrder.Add(index, row);
                    progress?.Invoke(++finished);
                }
            }
        }

        Workers.Run(workers, Work);
        return decisions;
    }

    /// <summary>Runs one item: the point's scenario and, with a counterfactual, its twin under the same seed.</summary>
    public static SweepRow RunItem(SweepPoint point, WorkItem item, ref AgentArrays? agents, out long decisions, CancellationToken cancellation = default)
    {
        if (agents is null || agents.Count != point.Model.TotalAgents) agents = new AgentArrays(point.Model.TotalAgents);
        var result = new ReplicationRunner(point.Model, item.Seed, item.EngineReplication, 1, agents).Run(cancellation);
        decisions = result.Decisions;
        ReplicationResult? baseline = null;
        if (point.Baseline is { } b)
        {
            if (agents.Count != b.TotalAgents) agents = new AgentArrays(b.TotalAgents);
            baseline = new ReplicationRunner(b, item.Seed, item.EngineReplication, 1, agents).Run(cancellation);
            decisions += baseline.Decisions;
        }
        var values = new double[point.Outcomes.Count];
        for (int o = 0; o < values.Length; o++) values[o] = point.Outcomes[o].Measure(result, baseline);
        return new SweepRow(item, values);
    }
}
