using RouteSim.Cli.Tests.Support;

namespace RouteSim.Cli.Tests;

/// <summary><c>routesim report</c> on every kind of folder RouteSim writes.</summary>
[Collection(EveryFolderKind.Collection)]
public sealed class ReportCommandTests(EveryFolderKind folders)
{
    [Theory]
    [InlineData("run", "Totals over the run")]
    [InlineData("comparison", "paired replications")]
    [InlineData("grid", "one line per level of temperature")]
    [InlineData("saltelli", "Sensitivity indices (routesim sensitivity)")]
    [InlineData("saltelli/sensitivity", "Sobol indices of deaths")]
    [InlineData("morris", "Morris screening of deaths")]
    [InlineData("morris/sensitivity", "mu_star")]
    [InlineData("calibration", "Fitted parameters")]
    [InlineData("optimization", "scenarios_own_scaled")]
    public void Report_works_on_every_folder_kind(string kind, string expected)
    {
        var folder = folders.Folder(kind);
        var result = Routesim.Run("report", folder);
        Assert.True(result.Exit == 0, result.Error);
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains(expected, html);
        Assert.Contains("<svg", html);
        Assert.DoesNotContain("No map", kind is "run" or "comparison" ? "" : html);
    }

    [Fact]
    public void Saltelli_indices_come_with_their_intervals()
    {
        var folder = folders.Folder("saltelli");
        Assert.Equal(0, Routesim.Run("report", folder).Exit);
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        // Each index as "estimate [low, high]", one row per outcome and parameter (3 x 3).
        Assert.Equal(9 * 2, System.Text.RegularExpressions.Regex.Matches(html, @"<td>-?[\d.,]+ \[-?[\d.,]+, -?[\d.,]+\]</td>").Count);
    }

    [Fact]
    public void The_optimization_s_own_figures_are_kept()
    {
        var folder = folders.Folder("optimization");
        Assert.Equal(0, Routesim.Run("report", folder).Exit);
        Assert.True(File.Exists(Path.Combine(folder, "figures", "allocations.svg")));
        Assert.True(File.Exists(Path.Combine(folder, "figures", "allocation-split.png")));
    }

    [Fact]
    public void A_folder_that_is_no_results_folder_is_one_line()
    {
        var empty = Directory.CreateTempSubdirectory("routesim-not-results-").FullName;
        try
        {
            var result = Routesim.Run("report", empty);
            Assert.Equal(1, result.Exit);
            Assert.Contains("not a finished RouteSim results folder", result.Error);
            Routesim.AssertNoStackTrace(result.Error);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
