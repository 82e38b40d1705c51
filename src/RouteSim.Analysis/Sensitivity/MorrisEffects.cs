using RouteSim.Analysis.Designs;

namespace RouteSim.Analysis.Sensitivity;

/// <summary>Morris statistics of one factor's elementary effects: mean mu, mean of absolute values mu* (with a 95% bootstrap interval) and standard deviation sigma.</summary>
public sealed record MorrisEffect(string Factor, double Mu, Interval MuStar, double Sigma);

/// <summary>
/// Elementary effects from a Morris design (Morris 1991; mu* by Campolongo, Cariboni and Saltelli 2007): along each
/// trajectory, the change in f when one factor steps, divided by the step in unit-cube terms. Intervals of mu*
/// resample trajectories.
/// </summary>
public static class MorrisEffects
{
    /// <summary>Every factor's statistics from outputs y given in the design's point order.</summary>
    public static IReadOnlyList<MorrisEffect> Estimate(Design design, IReadOnlyList<double> y, int resamples = Bootstrap.DefaultResamples, ulong seed = 1)
    {
        if (design.Kind != DesignKind.Morris || design.Unit is null) throw new ArgumentException($"Morris effects need a morris design, not {design.KindName}");
        int k = design.Factors.Count, r = design.Trajectories;
        if (y.Count != r * (k + 1)) throw new ArgumentException($"expected {r * (k + 1)} outputs (r = {r}, k = {k}), got {y.Count}");
        if (y.Any(v => !double.IsFinite(v))) throw new ArgumentException("some outputs are missing or not finite; Morris effects need a value at every point");

        // effects[t][i]: the elementary effect of factor i in trajectory t.
        var effects = new double[r][];
        for (int t = 0; t < r; t++)
        {
            effects[t] = new double[k];
            for (int s = 0; s < k; s++)
            {
                int at = t * (k + 1) + s;
                var before = design.Unit[at];
                var after = design.Unit[at + 1];
                int moved = Enumerable.Range(0, k).MaxBy(i => Math.Abs(after[i] - before[i]));
                effects[t][moved] = (y[at + 1] - y[at]) / (after[moved] - before[moved]);
            }
        }

        double[] MuStar(int[] trajectories)
        {
            var result = new double[k];
            for (int i = 0; i < k; i++) result[i] = trajectories.Average(t => Math.Abs(effects[t][i]));
            return result;
        }

        var muStar = Bootstrap.Percentile(r, k, MuStar, resamples, seed);
        return Enumerable.Range(0, k).Select(i =>
        {
            var e = effects.Select(row => row[i]).ToArray();
            double mu = e.Average();
            double sigma = r > 1 ? Math.Sqrt(e.Sum(x => (x - mu) * (x - mu)) / (r - 1)) : double.NaN;
            return new MorrisEffect(design.Factors[i].Name, mu, muStar[i], sigma);
        }).ToArray();
    }
}
