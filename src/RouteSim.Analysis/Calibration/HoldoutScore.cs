namespace RouteSim.Analysis.Calibration;

/// <summary>
/// How a forecast did on observed keys after the last fitted one, for one group of targets: its mean absolute
/// error, that of the naive persistence forecast (every target keeps its last fitted observed value), and how many
/// observed values its intervals covered. Errors are on the compared scale, shares in percentage points.
/// </summary>
/// <param name="Group">The group ("" when the calibration has one).</param>
/// <param name="Keys">The held-out keys scored.</param>
/// <param name="Cells">Observed (key, target) cells scored.</param>
/// <param name="ModelError">Mean absolute error of the forecast.</param>
/// <param name="NaiveError">Mean absolute error of persistence.</param>
/// <param name="Covered">Cells whose observed value lies in the forecast's interval (0 without intervals).</param>
public sealed record HoldoutScore(string Group, IReadOnlyList<long> Keys, int Cells, double ModelError, double NaiveError, int Covered)
{
    /// <summary>With prediction intervals: how many cells the narrower intervals of parameters and Monte Carlo noise alone covered.</summary>
    public int? CoveredWithoutForecastError { get; init; }

    /// <summary>What <see cref="ModelError"/> and <see cref="NaiveError"/> are measured in: "percentage points" (shares) or "observed count" (counts).</summary>
    public string ErrorUnit { get; init; } = "";

    /// <summary>The unit of the errors on a scale (<see cref="ErrorUnit"/>).</summary>
    public static string Units(FitScale scale) => scale == FitScale.Shares ? "percentage points" : "observed count";

    /// <summary>One score per group; none when no observed key comes after the fitted ones.</summary>
    /// <param name="all">Every observed row, held-out ones included.</param>
    /// <param name="fitted">The rows the fit used.</param>
    /// <param name="predicted">The forecast by key, on the compared scale.</param>
    public static IReadOnlyList<HoldoutScore> Compute(ObservedTable all, ObservedTable fitted, IReadOnlyDictionary<long, double[]> predicted,
        ForecastIntervals? intervals, FitScale scale, TargetGroups groups)
    {
        long last = fitted.Keys.Max();
        var held = all.Keys.Select((k, i) => (k, i)).Where(p => p.k > last && predicted.ContainsKey(p.k)).ToArray();
        if (held.Length == 0) return [];
        double unit = scale == FitScale.Shares ? 100 : 1;
        var naive = Forecast.Compared(fitted.Values[fitted.Keys.ToList().IndexOf(last)], scale, 1, groups);
        var scores = new List<HoldoutScore>();
        for (int g = 0; g < groups.Names.Count; g++)
        {
            int cells = 0, covered = 0;
            double model = 0, persistence = 0;
            foreach (var (key, row) in held)
            {
                var observed = Forecast.Compared(all.Values[row], scale, 1, groups);
                for (int j = 0; j < observed.Length; j++)
                {
                    if (groups.Of[j] != g || double.IsNaN(observed[j])) continue;
                    cells++;
                    model += Math.Abs(predicted[key][j] - observed[j]) * unit;
                    persistence += Math.Abs(naive[j] - observed[j]) * unit;
                    if (intervals is not null && intervals.Covers(key, j, observed[j])) covered++;
                }
            }
            if (cells > 0) scores.Add(new HoldoutScore(groups.Names[g], held.Select(h => h.k).ToArray(), cells, model / cells, persistence / cells, covered) { ErrorUnit = Units(scale) });
        }
        return scores;
    }
}
