using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using RouteSim.Analysis.Counterfactuals;
using RouteSim.Core.Engine;
using RouteSim.Results;

namespace RouteSim.Server;

/// <summary>
/// The comparison folder exactly as <c>routesim compare BASELINE what-if.yaml</c> writes it (each arm's run
/// folder, comparison.csv, comparison_locations.csv, manifest.json, network.geojson), with what-if.yaml beside them,
/// zipped.
/// </summary>
public static class ComparisonArchive
{
    /// <summary>
    /// Writes the folder under <paramref name="scratch"/>, zips it there and returns the zip opened so that
    /// closing it deletes it; nothing is left behind on failure or cancellation.
    /// </summary>
    public static FileStream Write(BaselineScenario baseline, WhatIfScenario whatIf, WhatIfRequest request, ExplorerOptions options, string scratch, CancellationToken cancellation)
    {
        string work = Path.Combine(scratch, Guid.NewGuid().ToString("N"));
        string folder = Path.Combine(work, FolderName(baseline));
        string zip = Path.Combine(scratch, Guid.NewGuid().ToString("N") + ".zip");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, WhatIfScenario.FileName), whatIf.Text, new UTF8Encoding(false));
            WriteComparison(baseline, whatIf, request, options, folder, cancellation);
            ZipFile.CreateFromDirectory(work, zip, CompressionLevel.Fastest, includeBaseDirectory: false);
            return new FileStream(zip, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        }
        catch
        {
            if (File.Exists(zip)) File.Delete(zip);
            throw;
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The zip's top folder (and download name without .zip): BASELINE-vs-what-if, as compare names its default folder.</summary>
    public static string FolderName(BaselineScenario baseline) => $"{Path.GetFileNameWithoutExtension(baseline.File)}-vs-what-if";

    private static void WriteComparison(BaselineScenario baseline, WhatIfScenario whatIf, WhatIfRequest request, ExplorerOptions options, string folder, CancellationToken cancellation)
    {
        var scenarioB = baseline.Scenario;
        var scenarioX = whatIf.Loaded.Scenario!;
        var settings = new RunSettings(scenarioB.Seed, request.Replications, options.Threads);
        string whatIfSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(whatIf.Text)));
        string command = $"routesim compare {baseline.FullPath} {WhatIfScenario.FileName} --seed {settings.Seed} --replications {settings.Replications} --window {request.Window}";
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        Comparison comparison;
        long decisions;
        using (var b = new RunRecorder(baseline.Model, Path.Combine(folder, "baseline")))
        using (var x = new RunRecorder(whatIf.Loaded.Model!, Path.Combine(folder, "intervention")))
        {
            comparison = CounterfactualRun.Run(baseline.Model, whatIf.Loaded.Model!, settings, request.Window, b.Add, x.Add, null, cancellation);
            double seconds = clock.Elapsed.TotalSeconds;
            b.Finish(Manifest(scenarioB, baseline.FullPath, baseline.Sha256, settings, started, seconds, b.Decisions, options.Version, command));
            x.Finish(Manifest(scenarioX, WhatIfScenario.FileName, whatIfSha, settings, started, seconds, x.Decisions, options.Version, command));
            decisions = b.Decisions + x.Decisions;
        }
        ComparisonWriter.Write(comparison, folder);
        double wall = clock.Elapsed.TotalSeconds;
        var manifest = new ComparisonManifest(scenarioB.Name, baseline.FullPath, baseline.Sha256, scenarioX.Name, WhatIfScenario.FileName, whatIfSha,
            settings.Seed, settings.Replications, scenarioB.Periods, scenarioB.PeriodUnit, request.Window.ToString(), comparison.Targeted,
            options.Version, settings.Threads, started, wall, decisions, decisions / Math.Max(wall, 1e-9), command)
        {
            StartDate = StartDate(scenarioB),
            UnreinforcedCrossings = comparison.Unreinforced,
        };
        File.WriteAllText(Path.Combine(folder, "manifest.json"), manifest.ToJson());
        NetworkGeoJson.Write(RouteSim.Results.Reading.ComparisonFolder.Open(folder));
    }

    private static RunManifest Manifest(RouteSim.Core.Model.Scenario scenario, string file, string sha, RunSettings settings, DateTimeOffset started, double seconds, long decisions, string version, string command) =>
        new(scenario.Name, file, sha, settings.Seed, settings.Replications, scenario.Periods, scenario.PeriodUnit, version, settings.Threads,
            started, seconds, decisions, decisions / Math.Max(seconds, 1e-9), command)
        {
            ScenarioDescription = scenario.Description,
            ScenarioSources = scenario.Sources,
            StartDate = StartDate(scenario),
        };

    private static string? StartDate(RouteSim.Core.Model.Scenario scenario) =>
        scenario.StartDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
