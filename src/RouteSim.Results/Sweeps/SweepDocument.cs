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
