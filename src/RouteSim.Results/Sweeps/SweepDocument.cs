using System.Text.Json;

namespace RouteSim.Results.Sweeps;

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
    public string ToJson() => JsonSerializer.Serialize(this, Manifest.JsonOptions) + "\n";

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
            return JsonSerializer.Deserialize<SweepDocument>(json, Manifest.JsonOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
