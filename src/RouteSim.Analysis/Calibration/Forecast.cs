namespace RouteSim.Analysis.Calibration;

/// <summary>
/// Turns a fitted model's simulated table into predictions on the compared scale (shares or counts). Plain:
/// the model's own values. Anchored (the "delta method" of hindcasting): after the last fitted key, the last
/// fitted observation times the model's change since then, so the model contributes its predicted changes
/// and not the level errors it carries into every year (effects it does not represent, such as a change of
/// tactics in one sector).
/// </summary>
public static class Forecast
{
    /// <summary>Predicted rows by key, on the compared scale.</summary>
    /// <param name="fitted">The observed rows used in the fit.</param>
    /// <param name="groups">Share groups (default: one).</param>
    public static IReadOnlyDictionary<long, double[]> Predict(SimulatedTable simulated, ObservedTable fitted, FitScale scale, double countScale, bool anchored,
        TargetGroups? groups = null)
    {
        var result = new Dictionary<long, double[]>();
        long last = fitted.Keys.Max();
        var simLast = Compared(simulated.Values[IndexOf(simulated.Keys, last)], scale, countScale, groups);
        var obsLast = Compared(fitted.Values[IndexOf(fitted.Keys, last)], scale, 1, groups);
        for (int row = 0; row < simulated.Keys.Count; row++)
        {
            var sim = Compared(simulated.Values[row], scale, countScale, groups);
            long key = simulated.Keys[row];
            if (!anchored || key <= last)
            {
                result[key] = sim;
                continue;
            }
            // Where the model or the data has nothing in the last fitted row, a ratio says nothing: keep the model's value.
            var moved = sim.Select((v, j) => simLast[j] > 0 && double.IsFinite(obsLast[j]) ? obsLast[j] * v / simLast[j] : v).ToArray();
            result[key] = scale == FitScale.Shares ? SimulatedTable.ToShares(moved, groups) : moved;
        }
        return result;
    }

    /// <summary>A row on the compared scale.</summary>
    public static double[] Compared(double[] row, FitScale scale, double countScale, TargetGroups? groups = null) =>
        scale == FitScale.Shares ? SimulatedTable.ToShares(row, groups) : row.Select(v => v * countScale).ToArray();

    private static int IndexOf(IReadOnlyList<long> keys, long key)
    {
        for (int i = 0; i < keys.Count; i++) if (keys[i] == key) return i;
        throw new ArgumentException($"no row for key {key}");
    }
}
