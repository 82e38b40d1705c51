namespace RouteSim.Results.Sweeps;

/// <summary>The files of a sweep folder that its manifest vouches for.</summary>
public static class SweepFiles
{
    /// <summary>Digests of runs.csv, sweep.json and (where written) points.csv in <paramref name="folder"/>, in that order.</summary>
    public static IReadOnlyList<FileDigest> Digests(string folder) =>
        new[] { SweepTable.RunsFile, SweepDocument.FileName, SweepTable.PointsFile }
            .Where(name => File.Exists(Path.Combine(folder, name)))
            .Select(name => ContentDigests.Of(folder, name))
            .ToArray();
}
