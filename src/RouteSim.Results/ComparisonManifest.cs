namespace RouteSim.Results;

/// <summary>What a comparison folder's manifest.json records: both scenarios, the pairing and the window.</summary>
public sealed record ComparisonManifest(
    string Baseline,
    string BaselineFile,
    string BaselineSha256,
    string Intervention,
    string InterventionFile,
    string InterventionSha256,
    ulong Seed,
    int Replications,
    int Periods,
    string PeriodUnit,
    string Window,
    IReadOnlyList<string> TargetedCrossings,
    long AgentDecisions,
    double DecisionsPerSecond) : Manifest
{
    /// <summary>Schema version of this manifest.</summary>
    public int ManifestVersion { get; init; } = 1;

    /// <summary>The calendar day period 0 starts on (YYYY-MM-DD), or null when the scenarios give none.</summary>
    public string? StartDate { get; init; }

    /// <summary>Ids of the crossings the intervention does not reinforce during the window.</summary>
    public IReadOnlyList<string> UnreinforcedCrossings { get; init; } = [];

    /// <summary>Reads a manifest back.</summary>
    /// <remarks>Null when the text is not a manifest of this kind (invalid JSON, another shape, a field of the wrong type).</remarks>
    public static ComparisonManifest? FromJson(string json) => Read<ComparisonManifest>(json);
}
