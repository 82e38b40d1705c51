namespace RouteSim.Core.Engine;

/// <summary>Runs one work loop on several threads (each loop takes its own items) and reports the cause of a failure, not its wrapper.</summary>
public static class Workers
{
    /// <summary>Runs <paramref name="work"/> on <paramref name="count"/> threads (inline when one) and waits for all.</summary>
    public static void Run(int count, Action work)
    {
        if (count <= 1)
        {
            work();
            return;
        }
        // Tasks rather than Parallel.For: the same threads, and nothing large to compile before the first replication.
        var others = new Task[count - 1];
        for (int i = 0; i < others.Length; i++) others[i] = Task.Run(work);
        Exception? failure = null;
        try
        {
            work();
        }
        catch (Exception e)
        {
            failure = e;
        }
        try
        {
            Task.WaitAll(others);
        }
        catch (AggregateException e)
        {
            var causes = e.Flatten().InnerExceptions.Prepend(failure).OfType<Exception>().ToList();
            failure = causes.FirstOrDefault(x => x is not OperationCanceledException) ?? causes[0];
        }
        // Report the cause, not a wrapper: a cancellation stays a cancellation.
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
    }
}
