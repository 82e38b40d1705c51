namespace RouteSim.Core.Engine;

/// <summary>Runs the replications of a model in parallel and hands each result on in replication order.</summary>
/// <remarks>
/// Workers take replication indices from a shared counter, so at most about one result per worker waits
/// for an earlier one; results reach the consumer one at a time and in order, so whatever it accumulates is
/// the same for any thread count. With fewer replications than threads the spare threads go inside each
/// replication instead, and a worker with no replication left to start helps those still running.
/// </remarks>
public static class Ensemble
{
    /// <summary>Runs every replication; returns the total agent decisions.</summary>
    /// <param name="consume">Called once per replication, in replication order, never concurrently.</param>
    /// <param name="progress">Called after each replication with the number finished so far.</param>
    /// <param name="results">Where replications take their count arrays from; null for new arrays each time (the consumer may keep them).</param>
    public static long Run(
        CompiledScenario model,
        RunSettings settings,
        Action<ReplicationResult> consume,
        Action<int>? progress = null,
        CancellationToken cancellation = default,
        ResultPool? results = null)
    {
        if (results is not null && results.Layout != model.Layout) throw new ArgumentException("a pool of another layout", nameof(results));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Replications, 1);
        int threads = Math.Max(1, settings.Threads);
        int workers = Math.Min(threads, settings.Replications);
        int inner = Math.Max(1, threads / workers);

        var gate = new object();
        var spare = new SpareThreads();
        int next = -1, finished = 0;
        long decisions = 0;
        var inOrder = new InOrder<ReplicationResult>(0, ready =>
        {
            decisions += ready.Decisions; // before handing over: a pooled result may be reused as soon as its consumer returns it
            consume(ready);
        });

        void Work()
        {
            AgentArrays? agents = null;
            while (true)
            {
                int replication = Interlocked.Increment(ref next);
                if (replication >= settings.Replications)
                {
                    spare.Idle();
                    return;
                }
                cancellation.ThrowIfCancellationRequested();
                agents ??= new AgentArrays(model.TotalAgents);
                spare.Started();
                ReplicationResult result;
                try
                {
                    result = new ReplicationRunner(model, settings.Seed, replication, inner, agents, results, spare).Run(cancellation);
                }
                finally
                {
                    spare.Finished();
                }
                lock (gate)
                {
                    inOrder.Add(replication, result);
                    progress?.Invoke(++finished);
                }
            }
        }

        Workers.Run(workers, Work);
        return decisions;
    }
}
