namespace RouteSim.Server;

/// <summary>
/// Bounds the comparisons running at once (the rest wait in turn, up to a limit) and lets a page's new request
/// cancel its previous one: requests carrying the same client key replace each other.
/// </summary>
public sealed class ComparisonQueue(int maxRunning, int maxWaiting) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(maxRunning, maxRunning);
    private readonly Dictionary<string, CancellationTokenSource> _latest = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _waiting, _running, _peakRunning;

    /// <summary>The most comparisons that ran at the same moment so far (never above the limit).</summary>
    public int PeakRunning => Volatile.Read(ref _peakRunning);

    /// <summary>Comparisons running now.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>The limit on comparisons running at once.</summary>
    public int MaxRunning { get; } = maxRunning;

    /// <summary>
    /// Waits for a slot, then runs <paramref name="work"/> on a thread of its own. Throws
    /// <see cref="QueueFullException"/> when too many wait, and <see cref="OperationCanceledException"/> when
    /// <paramref name="aborted"/> fires or a newer request with the same <paramref name="client"/> arrives.
    /// </summary>
    /// <param name="started">Called once the comparison has a slot.</param>
    public async Task<T> RunAsync<T>(string? client, Func<CancellationToken, T> work, Action? started, CancellationToken aborted)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping.Token);
        if (client is not null)
            lock (_gate)
            {
                if (_latest.TryGetValue(client, out var previous)) previous.Cancel();
                _latest[client] = cancel;
            }
        try
        {
            if (Interlocked.Increment(ref _waiting) > maxWaiting)
            {
                Interlocked.Decrement(ref _waiting);
                throw new QueueFullException(maxWaiting);
            }
            try
            {
                await _slots.WaitAsync(cancel.Token).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
            try
            {
                int now = Interlocked.Increment(ref _running);
                for (int peak = _peakRunning; now > peak; peak = _peakRunning)
                    if (Interlocked.CompareExchange(ref _peakRunning, now, peak) == peak) break;
                started?.Invoke();
                var token = cancel.Token;
                // The engine blocks its threads until done: keep it off the pool that serves requests.
                return await Task.Factory.StartNew(() => work(token), token, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
                _slots.Release();
            }
        }
        finally
        {
            if (client is not null)
                lock (_gate)
                    if (_latest.TryGetValue(client, out var mine) && mine == cancel) _latest.Remove(client);
        }
    }

    /// <summary>Cancels every comparison running or waiting (the server is stopping).</summary>
    public void CancelAll() => _stopping.Cancel();

    /// <summary>Releases the slots.</summary>
    public void Dispose()
    {
        _stopping.Dispose();
        _slots.Dispose();
    }
}

/// <summary>Too many comparisons are waiting: the server is busy.</summary>
public sealed class QueueFullException(int waiting)
    : Exception($"busy: {waiting} comparisons are already waiting; try again shortly");
