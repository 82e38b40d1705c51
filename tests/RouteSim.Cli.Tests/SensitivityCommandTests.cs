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
    public void A_saltelli_sweep_of_two_base_rows_warns_before_running_and_after_estimating()
    {
        // The case: N = 2 printed Sobol indices of 1.6 and 2.2 with intervals up to 403 and no warning.
        var folder = Path.Combine(_dir, "tiny");
        var sweep = Routesim.Run("sweep", Sweeps.Write(_dir, "{ kind: saltelli, base_samples: 2 }", "tiny"), "--out", folder, "--quiet");
        Assert.True(sweep.Exit == 0, sweep.Error);
        Assert.Contains("routesim: warning: ", sweep.Error);
        Assert.Contains("base_samples is 2: Sobol indices from fewer than 30 base rows are unreliable (their bootstrap has only 3 distinct resamples)", sweep.Error);

        var result = Routesim.Run("sensitivity", folder, "--resamples", "200");
        Assert.True(result.Exit == 0, result.Error);
        Assert.Contains("base_samples is 2", result.Error);
        var lines = File.ReadAllLines(Path.Combine(folder, "sensitivity", "sensitivity.csv")).Skip(1).Select(l => l.Split(','));
        bool wide = lines.Any(f => f.Skip(2).Chunk(3).Any(c => double.Parse(c[2], System.Globalization.CultureInfo.InvariantCulture) - double.Parse(c[1], System.Globalization.CultureInfo.InvariantCulture) > 1));
        bool outside = lines.Any(f => new[] { f[2], f[5] }.Any(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) is < -0.5 or > 1.5));
        // Whatever the two rows gave, an interval wider than 0-1 or an estimate far outside it is named.
        if (wide) Assert.Contains("wider than the whole 0-1 range", result.Error);
        if (outside) Assert.Contains("far outside 0-1", result.Error);
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
