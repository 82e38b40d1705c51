using RouteSim.Results.Sweeps;

namespace RouteSim.Cli.Commands;

/// <summary>What an existing shard folder holds, so a retried shard can tell finished work from leftovers.</summary>
public static class ShardFolder
{
    /// <summary>True when the folder is a finished shard (moved into place, manifest written last) of this sweep and range, with every row.</summary>
    public static bool IsComplete(string folder, SweepDocument sweep, ShardRange range)
    {
        if (!IsSameShard(folder, sweep, range)) return false;
        var manifest = SweepManifest.FromJson(File.ReadAllText(Path.Combine(folder, SweepManifest.FileName)));
        return manifest is not null && manifest.Rows == range.EndItem - range.FirstItem && manifest.Shard == range;
    }

    /// <summary>True when the folder holds this sweep's description and a manifest of the same shard.</summary>
    public static bool IsSameShard(string folder, SweepDocument sweep, ShardRange range)
    {
        try
        {
            string sweepFile = Path.Combine(folder, SweepDocument.FileName), manifestFile = Path.Combine(folder, SweepManifest.FileName);
            if (!File.Exists(sweepFile) || !File.Exists(manifestFile)) return false;
            if (File.ReadAllText(sweepFile) != sweep.ToJson()) return false;
            return SweepManifest.FromJson(File.ReadAllText(manifestFile))?.Shard == range;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
