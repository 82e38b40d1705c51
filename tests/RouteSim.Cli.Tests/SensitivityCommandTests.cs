using RouteSim.Cli.Tests.Support;

namespace RouteSim.Cli.Tests;

public sealed class SensitivityCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("routesim-sensitivity-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Sweep(string design)
    {
        var folder = Path.Combine(_dir, "sweep");
        var result = Routesim.Run("sweep", Sweeps.Write(_dir, design), "--out", folder, "--quiet");
        Assert.True(result.Exit == 0, result.Error);
        return folder;
    }

    [Fact]
    public void A_saltelli_sweep_gives_sobol_indices_with_intervals_and_charts()
    {
        var folder = Sweep("{ kind: saltelli, base_samples: 16 }");
        var result = Routesim.Run("sensitivity", folder, "--resamples", "200");
        Assert.True(result.Exit == 0, result.Error);
        var rows = File.ReadAllLines(Path.Combine(folder, "sensitivity", "sensitivity.csv"));
        Assert.Equal("outcome,parameter,s1,s1_ci_low,s1_ci_high,st,st_ci_low,st_ci_high", rows[0]);
        Assert.Contains(rows, r => r.StartsWith("deaths,danger,", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(folder, "sensitivity", "sobol-deaths.svg")));
        var manifest = File.ReadAllText(Path.Combine(folder, "sensitivity", "manifest.json"));
        Assert.Contains("\"bootstrap_resamples\": 200", manifest);
        Assert.Contains("\"routesim_version\"", manifest);
        Assert.Contains("Sobol indices", result.Out);
    }

    [Fact]
    public void A_morris_sweep_gives_mu_star_and_sigma()
    {
        var folder = Sweep("{ kind: morris, trajectories: 6 }");
        var result = Routesim.Run("sensitivity", folder, "--out", Path.Combine(_dir, "m"));
        Assert.True(result.Exit == 0, result.Error);
        var rows = File.ReadAllLines(Path.Combine(_dir, "m", "sensitivity.csv"));
        Assert.Equal("outcome,parameter,mu,mu_star,mu_star_ci_low,mu_star_ci_high,sigma", rows[0]);
        // deaths and desert_flow always; ratio when defined at every point (else skipped with a message).
        Assert.Equal(3, rows.Count(r => r.StartsWith("deaths,", StringComparison.Ordinal)));
        Assert.Equal(3, rows.Count(r => r.StartsWith("desert_flow,", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_grid_has_no_indices_and_says_which_designs_do()
    {
        var folder = Sweep("{ kind: grid, levels: 2 }");
        var result = Routesim.Run("sensitivity", folder);
        Assert.Equal(1, result.Exit);
        Assert.Contains("saltelli", result.Error);
    }

    [Fact]
    public void A_folder_that_is_not_a_sweep_is_named()
    {
        var result = Routesim.Run("sensitivity", _dir);
        Assert.Equal(1, result.Exit);
        Assert.Contains("sweep.json: file not found", result.Error);
        Routesim.AssertNoStackTrace(result.Error);
    }
}
