using RouteSim.Cli.Tests.Support;

namespace RouteSim.Cli.Tests;

/// <summary>
/// One small folder of every kind RouteSim writes (run, comparison, grid, Saltelli and Morris sweeps with their
/// sensitivity folders, calibration, optimization), written once and shared by the tests that read them.
/// </summary>
public sealed class EveryFolderKind : IDisposable
{
    /// <summary>The xunit collection that shares these folders.</summary>
    public const string Collection = "every folder kind";

    /// <summary>Writes every folder.</summary>
    public EveryFolderKind() => Write();

    /// <summary>The folder holding them all.</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory("routesim-folders-").FullName;

    /// <summary>Every results folder written.</summary>
    public IReadOnlyList<string> All { get; private set; } = [];

    /// <summary>A folder by name ("run", "saltelli/sensitivity", ...).</summary>
    public string Folder(string name) => Path.Combine(Root, name);

    /// <summary>Deletes them.</summary>
    public void Dispose() => Directory.Delete(Root, recursive: true);

    private void Write()
    {
        void Ok(params string[] args)
        {
            var result = Routesim.Run([.. args, "--quiet"]);
            Assert.True(result.Exit == 0, string.Join(' ', args) + ": " + result.Error);
        }

        Ok("run", Routesim.Tutorial, "--replications", "3", "--out", Folder("run"));
        Ok("compare", Sweeps.Baseline, Sweeps.Deployment, "--window", "30:90", "--replications", "3", "--out", Folder("comparison"));
        Ok("sweep", Sweeps.Write(Root, "{ kind: grid, levels: 2 }", "grid"), "--out", Folder("grid"));
        Ok("sweep", Sweeps.Write(Root, "{ kind: saltelli, base_samples: 8 }", "saltelli"), "--out", Folder("saltelli"));
        Ok("sensitivity", Folder("saltelli"));
        Ok("sweep", Sweeps.Write(Root, "{ kind: morris, trajectories: 3 }", "morris"), "--out", Folder("morris"));
        Ok("sensitivity", Folder("morris"));
        var calibration = SmallCalibration.Write(Root, 10);
        Ok("calibrate", calibration, "--out", Folder("calibration"));
        Ok("optimize", Sweeps.Deployment, "--budget", "10", "--objective", "deaths", "--window", "30:90",
            "--iterations", "2", "--population", "6", "--search-replications", "2", "--replications", "3", "--out", Folder("optimization"));
        All = new[] { "run", "comparison", "grid", "saltelli", "saltelli/sensitivity", "morris", "morris/sensitivity", "calibration", "optimization" }
            .Select(Folder).ToList();
    }

}

/// <summary>Shares <see cref="EveryFolderKind"/> between test classes.</summary>
[CollectionDefinition(EveryFolderKind.Collection)]
public sealed class EveryFolderKindCollection : ICollectionFixture<EveryFolderKind>;
