using RouteSim.Analysis.Designs;
using RouteSim.Core.Randomness;

namespace RouteSim.Analysis.Sensitivity;

/// <summary>
/// The sensitivity of every outcome of a sweep: Sobol indices for a saltelli design, Morris statistics for a
/// morris one (the other list empty); the outcomes that could not be analysed, each with why; and the warnings
/// about the design's adequacy (<see cref="DesignAdequacy"/>).
/// </summary>
public sealed record SensitivityAnalysis(
    IReadOnlyList<(string Outcome, IReadOnlyList<SobolIndex> Indices)> Sobol,
    IReadOnlyList<(string Outcome, IReadOnlyList<MorrisEffect> Effects)> Morris,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Analyses each outcome's mean at every point of <paramref name="design"/> (a saltelli or morris design), with
    /// <paramref name="resamples"/> bootstrap resamples from <paramref name="seed"/> for the 95% intervals. An outcome
    /// undefined at some point, or one the estimator refuses, is skipped with the reason.
    /// </summary>
    public static SensitivityAnalysis Run(Design design, IEnumerable<(string Outcome, double[] Means)> outcomes, int resamples, ulong seed)
    {
        var sobol = new List<(string, IReadOnlyList<SobolIndex>)>();
        var morris = new List<(string, IReadOnlyList<MorrisEffect>)>();
        var skipped = new List<string>();
        foreach (var (outcome, y) in outcomes)
        {
            int missing = y.Count(v => !double.IsFinite(v));
            if (missing > 0)
            {
                skipped.Add($"{outcome}: undefined at {missing} of {y.Length} points (for example point {Array.FindIndex(y, v => !double.IsFinite(v))}); indices need a value at every point");
                continue;
            }
            try
            {
                if (design.Kind == DesignKind.Saltelli) sobol.Add((outcome, SobolIndices.Estimate(design, y, resamples, Seeds.SensitivityBootstrap(seed))));
                else morris.Add((outcome, MorrisEffects.Estimate(design, y, resamples, Seeds.SensitivityBootstrap(seed))));
            }
            catch (ArgumentException e)
            {
                skipped.Add($"{outcome}: {e.Message}");
            }
        }
        var warnings = DesignAdequacy.BeforeRun(design).Concat(sobol.SelectMany(s => DesignAdequacy.Sobol(design, s.Item1, s.Item2))).ToArray();
        return new SensitivityAnalysis(sobol, morris, skipped, warnings);
    }
}
