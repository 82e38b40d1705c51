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
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = count }, _ => work());
        }
        catch (AggregateException e)
        {
            // Report the cause, not the wrapper: a cancellation stays a cancellation.
            var causes = e.Flatten().InnerExceptions;
            var cause = causes.FirstOrDefault(x => x is not OperationCanceledException) ?? causes[0];
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(cause).Throw();
        }
    }
}

/// <summary>
/// Hands results finished in any order on in index order: each result waits until every earlier one has gone.
/// Not thread-safe by itself; callers hold their own lock around <see cref="Add"/>.
/// </summary>
public sealed class InOrder<T>(long first, Action<T> deliver)
{
    private readonly Dictionary<long, T> _pending = [];
    private long _next = first;

    /// <summary>Adds result <paramref name="index"/> and delivers every result now due.</summary>
    public void Add(long index, T result)
    {
        _pending[index] = result;
        while (_pending.Remove(_next, out var ready))
        {
            deliver(ready);
            _next++;
        }
    }
}
