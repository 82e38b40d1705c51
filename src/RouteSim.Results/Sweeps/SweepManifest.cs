namespace RouteSim.Results.Sweeps;

/// <summary>
/// manifest.json of a sweep folder: provenance (version, command, time, threads) and which work items the folder
/// holds. Written last, into a folder that is moved into place only when complete.
/// </summary>
public sealed record SweepManifest(
    string Sweep,
    string SweepSha256,
    ShardRange? Shard,
    IReadOnlyList<ShardRange> MergedFrom,
    long Rows,
    long AgentDecisions) : Manifest
{
    /// <summary>Size and SHA-256 of every other file of the folder as written (runs.csv, sweep.json, and points.csv where there is one).</summary>
    public IReadOnlyList<FileDigest> Files { get; init; } = [];

    /// <summary>
    /// Shards only: the first 8 bytes of the SHA-256 of each row of runs.csv (its UTF-8 text without the line
    /// break), in order, base64: lets a merge name the row that changed, where the file's hash only says that one did.
    /// </summary>
    public string? RowSha256 { get; init; }

    /// <summary>Reads a manifest back; null when the text is not one.</summary>
    public static SweepManifest? FromJson(string json) => Read<SweepManifest>(json);
}
