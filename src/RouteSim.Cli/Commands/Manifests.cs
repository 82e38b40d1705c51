using RouteSim.Core.Engine;
using RouteSim.Core.Model;
using RouteSim.Results;
using RouteSim.Scenarios;

namespace RouteSim.Cli.Commands;

/// <summary>Builds the manifests that record what produced a results folder.</summary>
public static class Manifests
{
    /// <summary>Agent-decisions per second over a wall time, as manifests record it and the console prints it.</summary>
    public static double Rate(long decisions, double seconds) => decisions / Math.Max(seconds, 1e-9);

    /// <summary>The manifest of one run of a scenario file.</summary>
    public static RunManifest ForRun(string file, Scenario scenario, RunSettings settings, DateTimeOffset started, double seconds, long decisions, string commandLine) =>
        new(scenario.Name, Path.GetFullPath(file), ScenarioFile.Sha256(file), settings.Seed, settings.Replications, scenario.Periods,
            scenario.PeriodUnit, CommonOptions.Version, settings.Threads, started, seconds, decisions, Rate(decisions, seconds), commandLine)
        {
            ScenarioDescription = scenario.Description,
            ScenarioSources = scenario.Sources,
            StartDate = scenario.StartDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };

    /// <summary>
    /// True when <paramref name="folder"/> holds a finished run (its manifest, written last) of the same scenario
    /// bytes, seed, replications and routesim version: the same numbers, bit for bit, whatever the threads.
    /// </summary>
    public static bool IsSameRun(string folder, string file, RunSettings settings)
    {
        try
        {
            var path = Path.Combine(folder, "manifest.json");
            if (!File.Exists(path)) return false;
            var manifest = RunManifest.FromJson(File.ReadAllText(path));
            return manifest is not null && manifest.ScenarioSha256 == ScenarioFile.Sha256(file) && manifest.Seed == settings.Seed
                && manifest.Replications == settings.Replications && manifest.RoutesimVersion == CommonOptions.Version;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
