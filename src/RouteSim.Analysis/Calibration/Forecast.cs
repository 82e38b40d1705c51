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
            result[key] = Anchor(sim, simLast, obsLast, scale, groups);
        }
        return result;
    }

    /// <summary>
    /// The anchored value of a simulated row (on the compared scale): the observed base row times the model's
    /// change from its base row, renormalised within groups for shares.
    /// </summary>
    public static double[] Anchor(double[] simulated, double[] simulatedBase, double[] observedBase, FitScale scale, TargetGroups? groups = null)
    {
        // Where the model or the data has nothing in the base row, a ratio says nothing: keep the model's value.
        var moved = simulated.Select((v, j) => simulatedBase[j] > 0 && double.IsFinite(observedBase[j]) ? observedBase[j] * v / simulatedBase[j] : v).ToArray();
        return scale == FitScale.Shares ? SimulatedTable.ToShares(moved, groups) : moved;
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
