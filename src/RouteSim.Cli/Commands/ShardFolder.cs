using RouteSim.Results.Sweeps;

namespace RouteSim.Cli.Commands;

/// <summary>What an existing sweep or shard folder holds, so a rerun or a racing run can tell finished work from leftovers.</summary>
public static class ShardFolder
{
    /// <summary>
    /// True when the folder is a finished folder of this sweep and range (null: the whole sweep, run or merged):
    /// the same sweep.json, every row, and every file as its manifest's SHA-256 says it was written.
    /// </summary>
    public static bool IsComplete(string folder, SweepDocument sweep, ShardRange? range)
    {
        if (!IsSameShard(folder, sweep, range)) return false;
        try
        {
            var manifest = SweepManifest.FromJson(File.ReadAllText(Path.Combine(folder, SweepManifest.FileName)));
            if (manifest is null || manifest.Rows != (range is null ? sweep.WorkItems : range.EndItem - range.FirstItem)) return false;
            if (manifest.Files is not { } files || files.Any(f => f?.Name is null || Path.GetFileName(f.Name) != f.Name)) return false;
            if (!files.Any(f => f.Name == SweepTable.RunsFile) || !files.Any(f => f.Name == SweepDocument.FileName)) return false;
            return files.All(f => File.Exists(Path.Combine(folder, f.Name)) && ContentDigests.Of(folder, f.Name) == f);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>True when the folder holds this sweep's description and a manifest of the same shard (null: not a shard).</summary>
    public static bool IsSameShard(string folder, SweepDocument sweep, ShardRange? range)
    {
        try
        {
            string sweepFile = Path.Combine(folder, SweepDocument.FileName), manifestFile = Path.Combine(folder, SweepManifest.FileName);
            if (!File.Exists(sweepFile) || !File.Exists(manifestFile)) return false;
            if (File.ReadAllText(sweepFile) != sweep.ToJson()) return false;
            return SweepManifest.FromJson(File.ReadAllText(manifestFile)) is { } manifest && manifest.Shard == range;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
