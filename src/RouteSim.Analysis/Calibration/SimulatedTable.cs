namespace RouteSim.Analysis.Calibration;

/// <summary>What the model gives for each (key, target): the mean over replications of the target's total in the key's periods.</summary>
/// <param name="Values">Values[row][target], rows in the order of <paramref name="Keys"/>.</param>
public sealed record SimulatedTable(IReadOnlyList<long> Keys, IReadOnlyList<string> Targets, double[][] Values)
{
    /// <summary>Each row divided by its total over targets (NaN rows when the total is zero).</summary>
    public double[][] Shares() => Values.Select(ToShares).ToArray();

    /// <summary>A row as shares of its total, ignoring missing cells.</summary>
    public static double[] ToShares(double[] row)
    {
        double total = row.Where(v => !double.IsNaN(v)).Sum();
        return row.Select(v => total > 0 ? v / total : double.NaN).ToArray();
    }
}

/// <summary>The loss between a simulated and an observed table.</summary>
public static class CalibrationLoss
{
    /// <summary>
    /// Shares: mean over observed cells of the squared difference in percentage points, each row's shares taken
    /// over the targets observed in that row. Counts: mean squared relative error, (simulated x scale - observed) / observed.
    /// </summary>
    public static double Compute(ObservedTable observed, SimulatedTable simulated, FitScale scale, double countScale = 1)
    {
        double sum = 0;
        int cells = 0;
        for (int row = 0; row < observed.Keys.Count; row++)
        {
            int at = IndexOf(simulated.Keys, observed.Keys[row]);
            var obs = observed.Values[row];
            var sim = simulated.Values[at].Select((v, j) => double.IsNaN(obs[j]) ? double.NaN : v).ToArray();
            if (scale == FitScale.Shares)
            {
                var o = SimulatedTable.ToShares(obs);
                var s = SimulatedTable.ToShares(sim);
                for (int j = 0; j < o.Length; j++)
                {
                    if (double.IsNaN(o[j])) continue;
                    double d = 100 * ((double.IsNaN(s[j]) ? 0 : s[j]) - o[j]);
                    sum += d * d;
                    cells++;
                }
            }
            else
            {
                for (int j = 0; j < obs.Length; j++)
                {
                    if (double.IsNaN(obs[j]) || obs[j] == 0) continue;
                    double d = (sim[j] * countScale - obs[j]) / obs[j];
                    sum += d * d;
                    cells++;
                }
            }
        }
        return cells == 0 ? double.NaN : sum / cells;
    }

    private static int IndexOf(IReadOnlyList<long> keys, long key)
    {
        for (int i = 0; i < keys.Count; i++) if (keys[i] == key) return i;
        throw new ArgumentException($"the simulation has no row for key {key}");
    }
}
