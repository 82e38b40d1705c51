using System.IO.Compression;
using System.Text;
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
        var settings = new RunSettings(baseline.Scenario.Seed, request.Replications, options.Threads);
        string whatIfSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(whatIf.Text)));
        string command = $"routesim compare {baseline.FullPath} {WhatIfScenario.FileName} --seed {settings.Seed} --replications {settings.Replications} --window {request.Window}";
        ComparisonFolderWriter.Write(folder, new ComparisonArm(baseline.Model, new InputFile(baseline.FullPath, baseline.Sha256)),
            new ComparisonArm(whatIf.Loaded.Model!, new InputFile(WhatIfScenario.FileName, whatIfSha)),
            settings, request.Window, Provenance.Start(options.Version, command, settings.Threads), null, cancellation);
    }
}
