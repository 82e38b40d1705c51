using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace RouteSim.Results;

/// <summary>What manifest.json records about a run: enough to know what produced the numbers and to redo it.</summary>
public sealed record RunManifest(
    string Scenario,
    string ScenarioFile,
    string ScenarioSha256,
    ulong Seed,
    int Replications,
    int Periods,
    string PeriodUnit,
    string RoutesimVersion,
    int Threads,
    DateTimeOffset StartedAt,
    double WallSeconds,
    long AgentDecisions,
    double DecisionsPerSecond,
    string CommandLine)
{
    /// <summary>Schema version of this manifest, bumped when fields change meaning.</summary>
    public int ManifestVersion { get; init; } = 1;

    /// <summary>The scenario's description, for reports.</summary>
    public string ScenarioDescription { get; init; } = "";

    /// <summary>The calendar day period 0 starts on (YYYY-MM-DD), or null when the scenario gives none.</summary>
    public string? StartDate { get; init; }

    /// <summary>The scenario's sources, for reports.</summary>
    public IReadOnlyList<string> ScenarioSources { get; init; } = [];

    /// <summary>JSON options: snake_case keys, indented; contracts of the results' own documents generated at build time, others by reflection.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ResultsJson.Default, new DefaultJsonTypeInfoResolver()),
    };

    /// <summary>The manifest as JSON text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions) + "\n";

    /// <summary>Reads a manifest back.</summary>
    /// <remarks>Null when the text is not a manifest of this kind (invalid JSON, another shape, a field of the wrong type).</remarks>
    public static RunManifest? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<RunManifest>(json, JsonOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
