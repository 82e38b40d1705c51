namespace RouteSim.Analysis.Calibration;

/// <summary>The loss between a simulated and an observed table.</summary>
public static class CalibrationLoss
{
    /// <summary>
    /// Shares: mean over observed cells of the squared difference in percentage points, each row's shares taken
    /// over the targets observed in that row (within each of <paramref name="groups"/>, default one group).
    /// Counts: mean squared relative error, (simulated x scale - observed) / observed.
    /// </summary>
    /// <param name="changes">Also count each fitted row's one-step anchored forecast from the row before (see <see cref="ChangeResiduals"/>).</param>
    public static double Compute(ObservedTable observed, SimulatedTable simulated, FitScale scale, double countScale = 1, TargetGroups? groups = null, bool changes = false)
    {
        var residuals = changes ? [.. Residuals(observed, simulated, scale, countScale, groups), .. ChangeResiduals(observed, simulated, scale, countScale, groups)]
            : Residuals(observed, simulated, scale, countScale, groups);
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
    /// The errors of one-step anchored forecasts inside the fitted rows: each observed row after the first predicted
    /// as the row before it moved by the model's change (<see cref="Forecast.Anchor"/>), minus what was observed, on the
    /// scale of <see cref="Residuals"/>. A loss with them rewards parameters whose year-to-year changes match the
    /// data's, which is what an anchored forecast uses, and not only the levels, which the targets' own costs can absorb.
    /// </summary>
    public static double[] ChangeResiduals(ObservedTable observed, SimulatedTable simulated, FitScale scale, double countScale = 1, TargetGroups? groups = null) =>
        TaggedChangeResiduals(observed, simulated, scale, countScale, groups).Select(r => r.Residual).ToArray();

    /// <summary>
    /// The root mean square of the one-step anchored forecasts' errors (<see cref="ChangeResiduals"/>) in each group,
    /// on the compared scale (a share, not percentage points; a relative error for counts); NaN for a group without any.
    /// </summary>
    public static double[] ChangeErrorByGroup(ObservedTable observed, SimulatedTable simulated, FitScale scale, double countScale, TargetGroups groups)
    {
        var tagged = TaggedChangeResiduals(observed, simulated, scale, countScale, groups);
        double unit = scale == FitScale.Shares ? 100 : 1;
        return Enumerable.Range(0, groups.Names.Count).Select(g =>
        {
            var mine = tagged.Where(r => r.Group == g).Select(r => r.Residual / unit).ToArray();
            return mine.Length == 0 ? double.NaN : Math.Sqrt(mine.Sum(r => r * r) / mine.Length);
        }).ToArray();
    }

    private static List<(int Group, double Residual)> TaggedChangeResiduals(ObservedTable observed, SimulatedTable simulated, FitScale scale, double countScale, TargetGroups? groups)
    {
        var residuals = new List<(int, double)>();
        for (int row = 1; row < observed.Keys.Count; row++)
        {
            var obs = observed.Values[row];
            var before = Forecast.Compared(observed.Values[row - 1], scale, 1, groups);
            var simBefore = Forecast.Compared(Masked(simulated.Values[IndexOf(simulated.Keys, observed.Keys[row - 1])], observed.Values[row - 1]), scale, countScale, groups);
            var sim = Forecast.Compared(Masked(simulated.Values[IndexOf(simulated.Keys, observed.Keys[row])], obs), scale, countScale, groups);
            var predicted = Forecast.Anchor(sim, simBefore, before, scale, groups);
            var o = Forecast.Compared(obs, scale, 1, groups);
            for (int j = 0; j < o.Length; j++)
            {
                if (double.IsNaN(o[j]) || (scale == FitScale.Counts && o[j] == 0)) continue;
                double p = double.IsNaN(predicted[j]) ? 0 : predicted[j];
                residuals.Add((groups?.Of[j] ?? 0, scale == FitScale.Shares ? 100 * (p - o[j]) : (p - o[j]) / o[j]));
            }
        }
        return residuals;
    }

    private static double[] Masked(double[] simulated, double[] observed) => simulated.Select((v, j) => double.IsNaN(observed[j]) ? double.NaN : v).ToArray();

    /// <summary>
    /// How many of the residuals are free to vary: every counted cell for counts; for shares, each (row, group)
    /// with observed cells loses one, since its shares sum to 1.
    /// </summary>
    /// <param name="changes">Count the one-step change residuals too (every row after the first, again).</param>
    public static int IndependentCells(ObservedTable observed, FitScale scale, TargetGroups? groups = null, bool changes = false)
    {
        int cells = 0;
        foreach (var obs in changes ? [.. observed.Values, .. observed.Values.Skip(1)] : observed.Values)
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
