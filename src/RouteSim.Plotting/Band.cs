using RouteSim.Core.Statistics;

namespace RouteSim.Plotting;

/// <summary>A quantity over time across replications: mean and 95% interval per period.</summary>
public sealed record Band(double[] Periods, double[] Mean, double[] Low, double[] High)
{
    /// <summary>From per-replication values: values[replication][period].</summary>
    public static Band From(IReadOnlyList<double[]> values)
    {
        int periods = values[0].Length;
        var mean = new double[periods];
        var low = new double[periods];
        var high = new double[periods];
        for (int t = 0; t < periods; t++)
        {
            var s = Summary.FromSample(values.Select(v => v[t]).ToArray());
            mean[t] = s.Mean;
            low[t] = double.IsNaN(s.CiLow) ? s.Mean : s.CiLow;
            high[t] = double.IsNaN(s.CiHigh) ? s.Mean : s.CiHigh;
        }
        return new Band(Enumerable.Range(0, periods).Select(t => (double)t).ToArray(), mean, low, high);
    }
}
