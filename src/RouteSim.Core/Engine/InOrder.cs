namespace RouteSim.Core.Engine;

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
