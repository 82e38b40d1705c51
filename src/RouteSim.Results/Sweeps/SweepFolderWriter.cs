using System.Diagnostics;
using RouteSim.Analysis.Sweeps;

namespace RouteSim.Results.Sweeps;

/// <summary>
/// Writes a sweep's results folder, as <c>routesim sweep</c> (whole or one shard) and <c>routesim merge</c> write it:
/// runs.csv, points.csv (whole sweeps only), sweep.json, and manifest.json last, vouching for the others.
/// </summary>
public static class SweepFolderWriter
{
    /// <summary>
    /// Runs the work items of <paramref name="range"/> (all of <paramref name="plan"/> when null) into
    /// <paramref name="folder"/>; <paramref name="build"/> makes a point ready to run (any thread), and
    /// <paramref name="progress"/> hears the items finished. A point the scenario format refuses throws
    /// <see cref="SweepPointException"/> and leaves the folder unfinished.
    /// </summary>
    public static SweepManifest Write(string folder, SweepPlan plan, Func<int, SweepPoint> build, SweepTable table, SweepDocument document,
        ShardRange? range, int threads, Provenance provenance, Action<long>? progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        long decisions, rows;
        using (var recorder = new SweepRecorder(table, folder, summarise: range is null))
        {
            decisions = SweepRunner.Run(plan, range?.FirstItem ?? 0, range?.EndItem ?? plan.Count, threads, build, recorder.Add, progress, cancellation);
            rows = recorder.Rows;
        }
        return Finish(folder, document.ToJson(), new SweepManifest(document.Name, document.Sha256, range, [], rows, decisions)
        {
            Provenance = provenance,
        }, clock);
    }

    /// <summary>
    /// Writes sweep.json (<paramref name="documentJson"/>, as it is) and then the manifest, with the digests of the
    /// folder's files, each shard's row digests, and the wall seconds since <paramref name="clock"/> started.
    /// </summary>
    public static SweepManifest Finish(string folder, string documentJson, SweepManifest manifest, Stopwatch clock)
    {
        File.WriteAllText(Path.Combine(folder, SweepDocument.FileName), documentJson);
        var complete = manifest with
        {
            Provenance = manifest.Provenance.Finished(clock.Elapsed.TotalSeconds),
            Files = SweepFiles.Digests(folder),
            RowSha256 = manifest.Shard is null ? null : ContentDigests.Rows(Path.Combine(folder, SweepTable.RunsFile)),
        };
        complete.Write(folder);
        return complete;
    }

    /// <summary>
    /// Merges shards checked by <see cref="ShardMerge.Check"/> into <paramref name="folder"/>: their rows in item
    /// order as one runs.csv, then sweep.json (<paramref name="documentJson"/>) and the manifest, which lists the
    /// shards merged. Throws <see cref="Reading.ResultsReadException"/> when a shard's rows are not what its manifest vouches for.
    /// </summary>
    public static SweepManifest Merge(string folder, SweepDocument sweep, string documentJson, IReadOnlyList<ShardMerge.Shard> shards, Provenance provenance, Stopwatch clock)
    {
        long rows = ShardMerge.Write(sweep, shards, folder);
        return Finish(folder, documentJson, new SweepManifest(sweep.Name, sweep.Sha256, null, shards.Select(s => s.Manifest.Shard!).ToArray(), rows,
            shards.Sum(s => s.Manifest.AgentDecisions)) { Provenance = provenance }, clock);
    }
}
