using RouteSim.Core.Randomness;

namespace RouteSim.Analysis.Sensitivity;

/// <summary>Percentile bootstrap intervals (Efron 1979) over independent units: base rows, trajectories.</summary>
public static class Bootstrap
{
    /// <summary>Resamples used when the caller does not say.</summary>
    public const int DefaultResamples = 1000;

    /// <summary>
    /// Percentile intervals of several statistics at once: each resample draws <paramref name="units"/> unit
    /// indices with replacement and evaluates every statistic on them, so the statistics share their resamples.
    /// </summary>
    /// <param name="statistics">Evaluates all statistics on a list of unit indices (the identity gives the estimates).</param>
    public static Interval[] Percentile(int units, int statistics, Func<int[], double[]> evaluate, int resamples, ulong seed)
    {
        var identity = Enumerable.Range(0, units).ToArray();
        var estimates = evaluate(identity);
        var draws = new double[statistics][];
        for (int s = 0; s < statistics; s++) draws[s] = new double[resamples];
        var random = new SplitMixStream(seed);
        var pick = new int[units];
        for (int b = 0; b < resamples; b++)
        {
            for (int u = 0; u < units; u++) pick[u] = random.NextInt(units);
            var values = evaluate(pick);
            for (int s = 0; s < statistics; s++) draws[s][b] = values[s];
        }
        var intervals = new Interval[statistics];
        for (int s = 0; s < statistics; s++)
        {
            var sorted = draws[s].Where(double.IsFinite).Order().ToArray();
            intervals[s] = sorted.Length == 0
                ? new Interval(estimates[s], double.NaN, double.NaN)
                : new Interval(estimates[s], Quantile(sorted, 0.025), Quantile(sorted, 0.975));
        }
        return intervals;
    }

    /// <summary>The q-quantile of sorted values, interpolating linearly between order statistics.</summary>
    public static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
