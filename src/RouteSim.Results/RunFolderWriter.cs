using System.Diagnostics;
using RouteSim.Core.Engine;

namespace RouteSim.Results;

/// <summary>
/// Writes a run's results folder, as <c>routesim run</c> writes it: every replication's rows, the summary, the
/// manifest (written last) and network.geojson.
/// </summary>
public static class RunFolderWriter
{
    /// <summary>
    /// Runs <paramref name="model"/> (loaded from <paramref name="file"/>) with <paramref name="settings"/> into
    /// <paramref name="folder"/>; <paramref name="progress"/> hears the replications finished.
    /// </summary>
    /// <remarks>The manifest's wall seconds and rate cover simulating and writing the per-replication tables.</remarks>
    public static RunRecord Write(string folder, CompiledScenario model, InputFile file, RunSettings settings, Provenance provenance,
        Action<int>? progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        RunRecord record;
        using (var recorder = new RunRecorder(model, folder))
        {
            Ensemble.Run(model, settings, recorder.Add, progress, cancellation, recorder.Pool);
            var summary = recorder.Summary;
            var manifest = RunManifest.Of(file, model.Scenario, settings, recorder.Decisions, provenance.Finished(clock.Elapsed.TotalSeconds));
            recorder.Finish(manifest);
            record = new RunRecord(summary, manifest);
        }
        NetworkGeoJson.Write(Reading.RunFolder.Open(folder));
        return record;
    }
}
