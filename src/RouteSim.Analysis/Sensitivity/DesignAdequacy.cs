using System.Globalization;
using RouteSim.Analysis.Designs;

namespace RouteSim.Analysis.Sensitivity;

/// <summary>
/// Warnings when a design is too small for the estimates drawn from it. The bootstrap intervals resample the N base
/// rows (or r trajectories); with N rows there are only C(2N - 1, N) distinct resamples (3 for N = 2, 10 for
/// N = 3), so small designs give intervals that mean little, and Sobol estimates far outside [0, 1], the range of
/// a share of variance. The thresholds: at least <see cref="MinimumRows"/> rows for a percentile bootstrap
/// (Efron and Tibshirani 1993 treat tens of observations as the least), and intervals no wider than the whole
/// [0, 1] range a Sobol index can take.
/// </summary>
public static class DesignAdequacy
{
    /// <summary>Fewest base rows (Saltelli's N) or trajectories (Morris's r) whose bootstrap intervals are reported without a warning.</summary>
    public const int MinimumRows = 30;

    /// <summary>What is wrong with the design's size before anything runs; empty when nothing is.</summary>
    public static IReadOnlyList<string> BeforeRun(Design design) => design.Kind switch
    {
        DesignKind.Saltelli when design.BaseSamples < MinimumRows =>
            [$"base_samples is {design.BaseSamples}: Sobol indices from fewer than {MinimumRows} base rows are unreliable (their bootstrap has only {DistinctResamples(design.BaseSamples)} distinct resamples); use {MinimumRows} or more, and hundreds for indices to a few hundredths"],
        DesignKind.Morris when design.Trajectories < MinimumRows / 3 =>
            [$"trajectories is {design.Trajectories}: Morris screening with fewer than {MinimumRows / 3} trajectories gives mu* intervals that mean little; use {MinimumRows / 3} to 50"],
        _ => [],
    };

    /// <summary>What the Sobol estimates of one outcome show about the design's size; empty when nothing.</summary>
    public static IReadOnlyList<string> Sobol(Design design, string outcome, IReadOnlyList<SobolIndex> indices)
    {
        var warnings = new List<string>();
        var all = indices.SelectMany(i => new[] { (i.Factor, "S1", i.First), (i.Factor, "ST", i.Total) }).ToArray();
        var widest = all.MaxBy(x => x.Item3.High - x.Item3.Low);
        var outside = all.Where(x => x.Item3.Estimate < -0.5 || x.Item3.Estimate > 1.5).ToArray();
        if (widest.Item3.High - widest.Item3.Low > 1)
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{outcome}: the 95% interval of {widest.Item2} of {widest.Factor} is [{widest.Item3.Low:G3}, {widest.Item3.High:G3}], wider than the whole 0-1 range of a share of variance: with N = {design.BaseSamples} base rows the design is too small for these estimates; increase base_samples"));
        if (outside.Length > 0)
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{outcome}: {string.Join(", ", outside.Select(x => $"{x.Item2} of {x.Factor} = {x.Item3.Estimate:G3}"))} lies far outside 0-1, the range of a share of variance: sampling error at N = {design.BaseSamples} base rows swamps the estimate; increase base_samples"));
        return warnings;
    }

    private static string DistinctResamples(int n)
    {
        // C(2n - 1, n), as a number when it is small enough to read.
        double count = 1;
        for (int i = 1; i <= n; i++) count = count * (n - 1 + i) / i;
        return count < 1e6 ? count.ToString("#,0", CultureInfo.InvariantCulture) : "many";
    }
}
