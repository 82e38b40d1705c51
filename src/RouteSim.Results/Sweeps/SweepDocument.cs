using System.Text.Json;

namespace RouteSim.Results.Sweeps;

/// <summary>One parameter as sweep.json records it: enough to rebuild the design.</summary>
public sealed record SweepParameterDocument(string Name, string Path, double Min, double Max, IReadOnlyList<double>? Values, string Scale, bool Integer);

/// <summary>One outcome as sweep.json records it.</summary>
public sealed record SweepOutcomeDocument(string Name, string Scope, string Metric, string? Location, string? Organization, string? Route, string? Commodity, int From, int? To, string Stat);

/// <summary>
/// sweep.json: what a sweep is, independent of where, when and in how many pieces it ran. Every shard of a
/// sweep writes the same bytes here, which is how a merge knows the shards belong together.
/// </summary>
/// <param name="Sha256">Hash of the sweep file and the scenario files it names: the sweep's identity.</param>
/// <param name="WorkItems">Points times replications.</param>
public sealed record SweepDocument(
    string Name,
    string Description,
    string SweepFile,
    string Sha256,
    string Scenario,
    string? Counterfactual,
    string Design,
    int Points,
    int BaseSamples,
    int Trajectories,
    int Levels,
    ulong DesignSeed,
    IReadOnlyList<SweepParameterDocument> Parameters,
    IReadOnlyList<SweepOutcomeDocument> Outcomes,
    int Replications,
    ulong Seed,
    string Seeds,
    long WorkItems,
    string RoutesimVersion)
{
    /// <summary>File name inside a sweep folder.</summary>
    public const string FileName = "sweep.json";

    /// <summary>The document as JSON text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, RunManifest.JsonOptions) + "\n";

    /// <summary>What makes a document read back unusable (a field missing or inconsistent), or null when it is sound.</summary>
    public string? Problem()
    {
        if (Name is null || Sha256 is null || Design is null || Parameters is null || Outcomes is null || Seeds is null || RoutesimVersion is null)
            return "not a complete RouteSim sweep description (a field is missing)";
        if (Parameters.Any(p => p?.Name is null) || Outcomes.Any(o => o?.Name is null)) return "a parameter or outcome has no name";
        if (Points < 1 || Replications < 1 || WorkItems != (long)Points * Replications)
            return $"{Points} points x {Replications} replications do not make its {WorkItems} work items";
        if (!Enum.TryParse<RouteSim.Analysis.Sweeps.SeedMode>(Seeds, ignoreCase: true, out _)) return $"seeds '{Seeds}' is neither independent nor common";
        return null;
    }

    /// <summary>Reads the document back; null when the text is not one.</summary>
    public static SweepDocument? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<SweepDocument>(json, RunManifest.JsonOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The part of the work a folder holds: items [FirstItem, EndItem) of shard Index (0-based) of Count.</summary>
public sealed record ShardRange(int Index, int Count, long FirstItem, long EndItem);

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
    string RoutesimVersion,
    int Threads,
    DateTimeOffset StartedAt,
    double WallSeconds,
    long AgentDecisions,
    string CommandLine)
{
    /// <summary>File name inside a sweep folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>Size and SHA-256 of every other file of the folder as written (runs.csv, sweep.json, and points.csv where there is one).</summary>
    public IReadOnlyList<FileDigest> Files { get; init; } = [];

    /// <summary>
    /// Shards only: the first 8 bytes of the SHA-256 of each row of runs.csv (its UTF-8 text without the line
    /// break), in order, base64: lets a merge name the row that changed, where the file's hash only says that one did.
    /// </summary>
    public string? RowSha256 { get; init; }

    /// <summary>The manifest as JSON text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, RunManifest.JsonOptions) + "\n";

    /// <summary>Reads a manifest back; null when the text is not one.</summary>
    public static SweepManifest? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<SweepManifest>(json, RunManifest.JsonOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A file of a results folder as written: its name, size in bytes and SHA-256 (lowercase hex).</summary>
public sealed record FileDigest(string Name, long Bytes, string Sha256);
