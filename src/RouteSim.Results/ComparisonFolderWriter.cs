using System.Diagnostics;
using RouteSim.Analysis.Counterfactuals;
using RouteSim.Core.Engine;

namespace RouteSim.Results;

/// <summary>
/// Writes a comparison's results folder, as <c>routesim compare</c> and the explorer's download both write it: each
/// arm's run folder (baseline/, intervention/), comparison.csv, comparison_locations.csv, manifest.json and
/// network.geojson.
/// </summary>
public static class ComparisonFolderWriter
{
    /// <summary>
    /// Runs both arms with common random numbers (docs/model.md section 8) into <paramref name="folder"/> and
    /// returns the comparison; <paramref name="progress"/> hears the replications finished over both arms.
    /// </summary>
    public static Comparison Write(string folder, ComparisonArm baseline, ComparisonArm intervention, RunSettings settings, Window window,
        Provenance provenance, Action<int>? progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        Comparison comparison;
        long decisions;
        using (var b = new RunRecorder(baseline.Model, Path.Combine(folder, "baseline")))
        using (var x = new RunRecorder(intervention.Model, Path.Combine(folder, "intervention")))
        {
            comparison = CounterfactualRun.Run(baseline.Model, intervention.Model, settings, window, b.Add, x.Add, progress, cancellation);
            var arms = provenance.Finished(clock.Elapsed.TotalSeconds);
            b.Finish(RunManifest.Of(baseline.File, baseline.Model.Scenario, settings, b.Decisions, arms));
            x.Finish(RunManifest.Of(intervention.File, intervention.Model.Scenario, settings, x.Decisions, arms));
            decisions = b.Decisions + x.Decisions;
        }
        ComparisonWriter.Write(comparison, folder);
        double wall = clock.Elapsed.TotalSeconds;
        var scenario = baseline.Model.Scenario;
        var manifest = new ComparisonManifest(scenario.Name, baseline.File.Path, baseline.File.Sha256,
            intervention.Model.Scenario.Name, intervention.File.Path, intervention.File.Sha256,
            settings.Seed, settings.Replications, scenario.Periods, scenario.PeriodUnit, window.ToString(), comparison.Targeted,
            decisions, RunManifest.Rate(decisions, wall))
        {
            StartDate = RunManifest.DayOf(scenario.StartDate),
            UnreinforcedCrossings = comparison.Unreinforced,
            Provenance = provenance.Finished(wall),
        };
        manifest.Write(folder);
        NetworkGeoJson.Write(Reading.ComparisonFolder.Open(folder));
        return comparison;
    }
}
