using MathNet.Numerics.Statistics;

namespace RouteSim.Analysis.Calibration;

/// <summary>A prediction with its interval, per key and target, on the compared scale.</summary>
/// <param name="Low">Low[key][target]: the lower end.</param>
/// <param name="High">High[key][target]: the upper end.</param>
/// <param name="Level">Coverage the interval is meant to have (0.95).</param>
/// <param name="Draws">How many simulated forecasts the interval is taken from.</param>
public sealed record ForecastIntervals(IReadOnlyDictionary<long, double[]> Low, IReadOnlyDictionary<long, double[]> High, double Level, int Draws)
{
    /// <summary>
    /// Percentile intervals over forecasts made from several parameter draws, each simulated with its own random
    /// numbers: the spread carries the parameters' uncertainty and the Monte Carlo noise of each forecast.
    /// </summary>
    /// <param name="forecasts">One forecast per draw: rows by key, on the compared scale.</param>
    public static ForecastIntervals Percentile(IReadOnlyList<IReadOnlyDictionary<long, double[]>> forecasts, double level = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(forecasts.Count, 2);
        var low = new Dictionary<long, double[]>();
        var high = new Dictionary<long, double[]>();
        foreach (var key in forecasts[0].Keys)
        {
            int targets = forecasts[0][key].Length;
            low[key] = new double[targets];
            high[key] = new double[targets];
            for (int j = 0; j < targets; j++)
            {
                var values = forecasts.Select(f => f[key][j]).Where(v => !double.IsNaN(v)).ToArray();
                Array.Sort(values);
                low[key][j] = values.Length == 0 ? double.NaN : SortedArrayStatistics.Quantile(values, (1 - level) / 2);
                high[key][j] = values.Length == 0 ? double.NaN : SortedArrayStatistics.Quantile(values, 1 - (1 - level) / 2);
            }
        }
        return new ForecastIntervals(low, high, level, forecasts.Count);
    }

    /// <summary>
    /// A forecast with the model's own forecast error added after the last fitted key: each cell of a key h keys ahead
    /// gets a normal error of standard deviation error[group] x sqrt(h) (a random walk of one-step errors), then
    /// shares are cut at 0 and renormalised within groups (counts: the error is relative). The one-step error is the
    /// root mean square of the fit's own one-step anchored forecasts (<see cref="CalibrationLoss.ChangeErrorByGroup"/>):
    /// what the model did not explain from one fitted key to the next, assumed to go on in the same way.
    /// </summary>
    public static IReadOnlyDictionary<long, double[]> WithForecastError(IReadOnlyDictionary<long, double[]> forecast, long lastFitted, double[] error,
        TargetGroups groups, FitScale scale, ulong seed)
    {
        var random = new Core.Randomness.SplitMixStream(seed);
        var result = new Dictionary<long, double[]>();
        foreach (var key in forecast.Keys.Order())
        {
            var row = forecast[key];
            if (key <= lastFitted)
            {
                result[key] = row;
                continue;
            }
            double spread = Math.Sqrt(key - lastFitted);
            var moved = new double[row.Length];
            for (int j = 0; j < row.Length; j++)
            {
                double e = error[groups.Of[j]];
                double z = StandardNormal(random);
                moved[j] = double.IsNaN(e) ? row[j]
                    : scale == FitScale.Shares ? Math.Max(0, row[j] + e * spread * z) : Math.Max(0, row[j] * (1 + e * spread * z));
            }
            result[key] = scale == FitScale.Shares ? groups.Shares(moved) : moved;
        }
        return result;
    }

    private static double StandardNormal(Core.Randomness.SplitMixStream random)
    {
        double u = 1 - random.NextDouble(), v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    /// <summary>Whether <paramref name="value"/> lies within the interval of (key, target).</summary>
    public bool Covers(long key, int target, double value) => value >= Low[key][target] && value <= High[key][target];
}
