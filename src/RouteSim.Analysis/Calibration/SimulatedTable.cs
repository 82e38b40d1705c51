namespace RouteSim.Analysis.Calibration;

/// <summary>What the model gives for each (key, target): the mean over replications of the target's total in the key's periods.</summary>
/// <param name="Values">Values[row][target], rows in the order of <paramref name="Keys"/>.</param>
public sealed record SimulatedTable(IReadOnlyList<long> Keys, IReadOnlyList<string> Targets, double[][] Values)
{
    /// <summary>Each row divided by its total over targets (NaN rows when the total is zero).</summary>
    public double[][] Shares() => Values.Select(row => ToShares(row)).ToArray();

    /// <summary>A row as shares of its total (of its group's total, with groups), ignoring missing cells.</summary>
    public static double[] ToShares(double[] row, TargetGroups? groups = null) => (groups ?? TargetGroups.One(row.Length)).Shares(row);
}

/// <summary>The loss between a simulated and an observed table.</summary>
public static class CalibrationLoss
{
    /// <summary>
    /// Shares: mean over observed cells of the squared difference in percentage points, each row's shares taken
    /// over the targets observed in that row (within each of <paramref name="groups"/>, default one group).
    /// Counts: mean squared relative error, (simulated x scale - observed) / observed.
    /// </summary>
    public static double Compute(ObservedTable observed, SimulatedTable simulated, FitScale scale, double countScale = 1, TargetGroups? groups = null)
    {
        var residuals = Residuals(observed, simulated, scale, countScale, groups);
        return residuals.Length == 0 ? double.NaN : residuals.Sum(d => d * d) / residuals.Length;
    }

    /// <summary>
    /// The residual of every observed cell the loss counts, row by row: simulated minus observed share in percentage
    /// points (shares; a share the model leaves undefined counts as 0), or the relative error (counts; cells observed as 0 are skipped).
    /// </summary>
    public static double[] Residuals(ObservedTable observed, SimulatedTable simulated, FitScale scale, double countScale = 1, TargetGroups? groups = null)
    {
        var residuals = new List<double>();
        for (int row = 0; row < observed.Keys.Count; row++)
        {
            int at = IndexOf(simulated.Keys, observed.Keys[row]);
            var obs = observed.Values[row];
            var sim = simulated.Values[at].Select((v, j) => double.IsNaN(obs[j]) ? double.NaN : v).ToArray();
            if (scale == FitScale.Shares)
            {
                var o = SimulatedTable.ToShares(obs, groups);
                var s = SimulatedTable.ToShares(sim, groups);
                for (int j = 0; j < o.Length; j++)
                    if (!double.IsNaN(o[j])) residuals.Add(100 * ((double.IsNaN(s[j]) ? 0 : s[j]) - o[j]));
            }
            else
            {
                for (int j = 0; j < obs.Length; j++)
                    if (!double.IsNaN(obs[j]) && obs[j] != 0) residuals.Add((sim[j] * countScale - obs[j]) / obs[j]);
            }
        }
        return residuals.ToArray();
    }

    /// <summary>
    /// How many of the residuals are free to vary: every counted cell for counts; for shares, each (row, group)
    /// with observed cells loses one, since its shares sum to 1.
    /// </summary>
    public static int IndependentCells(ObservedTable observed, FitScale scale, TargetGroups? groups = null)
    {
        int cells = 0;
        foreach (var obs in observed.Values)
        {
            var g = groups ?? TargetGroups.One(obs.Length);
            var seen = new bool[g.Names.Count];
            for (int j = 0; j < obs.Length; j++)
            {
                if (double.IsNaN(obs[j]) || (scale == FitScale.Counts && obs[j] == 0)) continue;
                cells++;
                seen[g.Of[j]] = true;
            }
            if (scale == FitScale.Shares) cells -= seen.Count(b => b);
        }
        return cells;
    }

    private static int IndexOf(IReadOnlyList<long> keys, long key)
    {
        for (int i = 0; i < keys.Count; i++) if (keys[i] == key) return i;
        throw new ArgumentException($"the simulation has no row for key {key}");
    }
}
