using RouteSim.Core.Engine;
using RouteSim.Results;
using RouteSim.Scenarios;

namespace RouteSim.Cli.Commands;

/// <summary>What this process records in manifests: its inputs and provenance; and whether a finished run is already there.</summary>
public static class Manifests
{
    /// <summary>A file read as input, as manifests record it: full path and the SHA-256 of the bytes loaded.</summary>
    public static InputFile Input(string file) => new(Path.GetFullPath(file), ScenarioFile.Sha256(file));

    /// <summary>Provenance of work this process starts now: this routesim's version, the command line and the threads.</summary>
    public static Provenance Start(string commandLine, int? threads) => Provenance.Start(CommonOptions.Version, commandLine, threads);

    /// <summary>
    /// True when <paramref name="folder"/> holds a finished run (its manifest, written last) of the same scenario
    /// bytes, seed, replications and routesim version: the same numbers, bit for bit, whatever the threads.
    /// </summary>
    public static bool IsSameRun(string folder, string file, RunSettings settings)
    {
        try
        {
            var path = Path.Combine(folder, Manifest.FileName);
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
