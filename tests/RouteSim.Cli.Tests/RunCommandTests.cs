using System.Diagnostics;
using RouteSim.Cli.Tests.Support;
using RouteSim.Results;

namespace RouteSim.Cli.Tests;

public sealed class RunCommandTests : IDisposable
{
    private static readonly string[] Tables = ["locations.csv", "organizations.csv", "routes.csv", "route_catalog.csv", "summary.csv", "summary_totals.csv"];
    private readonly string _dir = Directory.CreateTempSubdirectory("routesim-run-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Run_writes_a_complete_results_folder_and_a_headline()
    {
        var target = Path.Combine(_dir, "out");
        var result = Routesim.Run("run", Routesim.Tutorial, "--out", target, "--replications", "5");
        Assert.True(result.Exit == 0, result.Error);
        foreach (var table in Tables) Assert.True(File.Exists(Path.Combine(target, table)), table);
        var manifest = RunManifest.FromJson(File.ReadAllText(Path.Combine(target, "manifest.json")))!;
        Assert.Equal(("Three crossings tutorial", 7UL, 5, 60), (manifest.Scenario, manifest.Seed, manifest.Replications, manifest.Periods));
        Assert.Equal(64, manifest.ScenarioSha256.Length);
        Assert.True(manifest.AgentDecisions > 0 && manifest.DecisionsPerSecond > 0);
        Assert.Contains("successes", result.Out);
        Assert.Contains($"results: {target}", result.Out);
        Assert.Contains("5/5 replications", result.Error);
        // The tutorial's enforcement adapts among X1 and X2: the phases show the configured schedule, and say so.
        Assert.Contains("Enforcement also adapts: every 30 days it moves 0.2 of the resources among X1, X2", result.Out);
    }

    /// <summary>--quiet hides the progress, not the results; the rate printed is manifest.json's.</summary>
    [Fact]
    public void Quiet_hides_progress_only_and_the_console_rate_is_the_manifest_s()
    {
        var target = Path.Combine(_dir, "quiet");
        var result = Routesim.Run("run", Routesim.Tutorial, "--out", target, "--replications", "3", "--quiet");
        Assert.True(result.Exit == 0, result.Error);
        Assert.Equal("", result.Error);
        Assert.Contains("successes", result.Out);
        Assert.Contains($"results: {target}", result.Out);
        var manifest = RunManifest.FromJson(File.ReadAllText(Path.Combine(target, "manifest.json")))!;
        string rate = (manifest.DecisionsPerSecond / 1e6).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        string seconds = manifest.WallSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"in {seconds} s ({rate} million agent-decisions/s)", result.Out);
    }

    [Fact]
    public void Same_seed_gives_byte_identical_tables_whatever_the_thread_count()
    {
        string one = Path.Combine(_dir, "one"), two = Path.Combine(_dir, "two"), again = Path.Combine(_dir, "again");
        Assert.Equal(0, Routesim.Run("run", Routesim.Tutorial, "--out", one, "--threads", "1", "--quiet").Exit);
        Assert.Equal(0, Routesim.Run("run", Routesim.Tutorial, "--out", two, "--threads", "2", "--quiet").Exit);
        Assert.Equal(0, Routesim.Run("run", Routesim.Tutorial, "--out", again, "--threads", "2", "--quiet").Exit);
        foreach (var table in Tables)
        {
            var bytes = File.ReadAllBytes(Path.Combine(one, table));
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(two, table)));
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(again, table)));
        }
        Assert.Equal(0, Routesim.Run("run", Routesim.Tutorial, "--out", Path.Combine(_dir, "other"), "--seed", "8", "--quiet").Exit);
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(one, "routes.csv")), File.ReadAllBytes(Path.Combine(_dir, "other", "routes.csv")));
    }

    [Fact]
    public void An_existing_results_folder_is_not_overwritten_without_force()
    {
        var target = Path.Combine(_dir, "kept");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "mine.txt"), "precious");
        var refused = Routesim.Run("run", Routesim.Tutorial, "--out", target, "--quiet");
        Assert.Equal(1, refused.Exit);
        Assert.Contains("--force", refused.Error);
        Assert.Equal("precious", File.ReadAllText(Path.Combine(target, "mine.txt")));

        // --force replaces only a folder RouteSim wrote: a folder of the user's own files is refused, and kept.
        var forced = Routesim.Run("run", Routesim.Tutorial, "--out", target, "--quiet", "--force", "--replications", "2");
        Assert.Equal(1, forced.Exit);
        Assert.Contains("not a RouteSim results folder", forced.Error);
        Assert.Equal("precious", File.ReadAllText(Path.Combine(target, "mine.txt")));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(_dir), e => Path.GetFileName(e).StartsWith(".kept", StringComparison.Ordinal));

        var results = Path.Combine(_dir, "results");
        Assert.Equal(0, Routesim.Run("run", Routesim.Tutorial, "--out", results, "--quiet", "--replications", "1").Exit);
        File.WriteAllText(Path.Combine(results, "note.txt"), "written after");
        Assert.Equal(0, Routesim.Run("run", Routesim.Tutorial, "--out", results, "--quiet", "--force", "--replications", "2").Exit);
        Assert.False(File.Exists(Path.Combine(results, "note.txt")));
        Assert.True(File.Exists(Path.Combine(results, "manifest.json")));
    }

    [Fact]
    public void Force_in_a_folder_of_the_users_own_files_deletes_nothing()
    {
        // The issue's `--out . --force` in a folder holding a user's files.
        File.WriteAllText(Path.Combine(_dir, "thesis.tex"), "years of work");
        var forced = Routesim.Run("run", Routesim.Tutorial, "--out", _dir + Path.DirectorySeparatorChar + ".", "--quiet", "--force", "--replications", "1");
        Assert.Equal(1, forced.Exit);
        Assert.Single(forced.Error.Trim().Split('\n'));
        Assert.Equal("years of work", File.ReadAllText(Path.Combine(_dir, "thesis.tex")));
    }

    [Fact]
    public void Invalid_scenario_writes_nothing()
    {
        var bad = Path.Combine(_dir, "bad.yaml");
        File.WriteAllText(bad, File.ReadAllText(Routesim.Tutorial).Replace("activity: 0.8", "activity: -0.8"));
        var target = Path.Combine(_dir, "never");
        var result = Routesim.Run("run", bad, "--out", target);
        Assert.Equal(1, result.Exit);
        Assert.Contains("organizations[0].activity", result.Error);
        Assert.False(Directory.Exists(target));
        Assert.Equal(["bad.yaml"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName));
    }

    /// <summary>A disk that refuses the results (here: a file where a parent folder should be) is the user's to fix: one line, exit 73, not an internal error.</summary>
    [Fact]
    public void Results_that_cannot_be_written_get_one_line_and_their_own_exit_code()
    {
        var file = Path.Combine(_dir, "a-file");
        File.WriteAllText(file, "");
        var target = Path.Combine(file, "out");
        var result = Routesim.Run("run", Routesim.Tutorial, "--out", target, "--quiet");
        Assert.Equal(73, result.Exit);
        Assert.StartsWith($"routesim: cannot write results to {target}: ", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        // Told of the folder the user named, never of the hidden folder the results are written to first.
        Assert.DoesNotContain(".partial-", result.Error);
        Assert.Equal(["a-file"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName));
    }

    /// <summary>A real process killed mid-run leaves no folder that claims to be complete.</summary>
    [Fact]
    public void Killing_a_run_midway_leaves_no_results_folder()
    {
        var big = Path.Combine(_dir, "big.yaml");
        File.WriteAllText(big, File.ReadAllText(Routesim.Tutorial).Replace("agents: 2000", "agents: 400000").Replace("replications: 20", "replications: 400"));
        var target = Path.Combine(_dir, "killed");
        var dll = Path.Combine(AppContext.BaseDirectory, "routesim.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { dll, "run", big, "--out", target, "--quiet" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var clock = Stopwatch.StartNew();
        while (!Directory.EnumerateDirectories(_dir, ".killed.partial-*").Any() && clock.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
            Thread.Sleep(50);
        Thread.Sleep(300);
        if (process.HasExited) Assert.Fail("the run should still be going: " + process.StandardError.ReadToEnd());
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        Assert.False(Directory.Exists(target));
        Assert.All(Directory.EnumerateDirectories(_dir), d => Assert.False(File.Exists(Path.Combine(d, "manifest.json"))));
    }

    /// <summary>SIGTERM (a scheduler's time limit, a plain kill) stops the run cleanly: exit 130 and nothing left at all.</summary>
    [Fact]
    public void Terminating_a_run_cleans_up_its_unfinished_folder()
    {
        var big = Path.Combine(_dir, "big.yaml");
        File.WriteAllText(big, File.ReadAllText(Routesim.Tutorial).Replace("agents: 2000", "agents: 400000").Replace("replications: 20", "replications: 400"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "routesim.dll"), "run", big, "--out", Path.Combine(_dir, "terminated"), "--quiet" })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var clock = Stopwatch.StartNew();
        while (!Directory.EnumerateDirectories(_dir, ".terminated.partial-*").Any() && clock.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
            Thread.Sleep(50);
        if (process.HasExited) Assert.Fail("the run should still be going: " + process.StandardError.ReadToEnd());
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "the run should stop within a period or two");
        Assert.Equal(130, process.ExitCode);
        Assert.Contains("cancelled", process.StandardError.ReadToEnd());
        Assert.Equal(["big.yaml"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName));
    }
}
