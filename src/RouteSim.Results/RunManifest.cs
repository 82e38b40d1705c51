using System.Globalization;
using RouteSim.Core.Engine;
using RouteSim.Core.Model;

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
    long AgentDecisions,
    double DecisionsPerSecond) : Manifest
{
    /// <summary>Schema version of this manifest, bumped when fields change meaning.</summary>
    public int ManifestVersion { get; init; } = 1;

    /// <summary>The scenario's description, for reports.</summary>
    public string ScenarioDescription { get; init; } = "";

    /// <summary>The calendar day period 0 starts on (YYYY-MM-DD), or null when the scenario gives none.</summary>
    public string? StartDate { get; init; }

    /// <summary>The scenario's sources, for reports.</summary>
    public IReadOnlyList<string> ScenarioSources { get; init; } = [];

    /// <summary>
    /// The manifest of one run of <paramref name="scenario"/> read from <paramref name="file"/>:
    /// <paramref name="decisions"/> agent decisions over the <paramref name="provenance"/>'s wall seconds.
    /// </summary>
    public static RunManifest Of(InputFile file, Scenario scenario, RunSettings settings, long decisions, Provenance provenance) =>
        new(scenario.Name, file.Path, file.Sha256, settings.Seed, settings.Replications, scenario.Periods, scenario.PeriodUnit,
            decisions, Rate(decisions, provenance.WallSeconds))
        {
            ScenarioDescription = scenario.Description,
            ScenarioSources = scenario.Sources,
            StartDate = DayOf(scenario.StartDate),
            Provenance = provenance,
        };

    /// <summary>Agent decisions per second over a wall time, as manifests record it and the console prints it.</summary>
    public static double Rate(long decisions, double seconds) => decisions / Math.Max(seconds, 1e-9);

    /// <summary>A scenario's start date as manifests record it (YYYY-MM-DD), or null.</summary>
    public static string? DayOf(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads a manifest back.</summary>
    /// <remarks>Null when the text is not a manifest of this kind (invalid JSON, another shape, a field of the wrong type).</remarks>
    public static RunManifest? FromJson(string json) => Read<RunManifest>(json);
}
