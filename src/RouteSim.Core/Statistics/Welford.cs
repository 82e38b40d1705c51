namespace RouteSim.Core.Statistics;

/// <summary>Running means and sums of squared deviations for many cells at once (Welford's method).</summary>
public sealed class Welford
{
    private readonly double[] _mean;
    private readonly double[] _m2;

    /// <summary>Creates accumulators for <paramref name="cells"/> quantities.</summary>
    public Welford(int cells)
    {
        _mean = new double[cells];
        _m2 = new double[cells];
    }

    /// <summary>Observations added per cell.</summary>
    public int Count { get; private set; }

    /// <summary>Adds one observation of every cell.</summary>
    public void Add(ReadOnlySpan<double> values)
    {
        Count++;
        for (int i = 0; i < _mean.Length; i++)
        {
            double delta = values[i] - _mean[i];
            _mean[i] += delta / Count;
            _m2[i] += delta * (values[i] - _mean[i]);
        }
    }

    /// <summary>Adds one observation of every cell from integer counts.</summary>
    public void Add(ReadOnlySpan<int> values)
    {
        Count++;
        for (int i = 0; i < _mean.Length; i++)
        {
            double delta = values[i] - _mean[i];
            _mean[i] += delta / Count;
            _m2[i] += delta * (values[i] - _mean[i]);
        }
    }

    /// <summary>The summary of cell i.</summary>
    public Summary Summarize(int i) => Summary.FromMoments(_mean[i], _m2[i], Count);
}
