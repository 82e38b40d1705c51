using System.Diagnostics;
using RouteSim.Cli.Tests.Support;

namespace RouteSim.Cli.Tests;

/// <summary>Results folders on shared storage: racing runs, forced replacement, and runs stopped by signals.</summary>
public sealed class ResultsFolderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("routesim-folders-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out(string name) => Path.Combine(_dir, name);

    /// <summary>Everything in a folder that is not a finished result: hidden unfinished or replaced folders, results kept aside.</summary>
    private static string[] Leftovers(string folder) =>
        Directory.GetDirectories(folder).Select(Path.GetFileName).Where(n => n!.StartsWith('.') || n.Contains(".unplaced-", StringComparison.Ordinal)).ToArray()!;

    [Fact]
    public async Task Two_tasks_running_the_same_shard_both_succeed_and_leave_one_complete_folder()
    {
        // Two pods of one Indexed Job with the same index (Kubernetes allows it), or a task and its requeued copy.
        var sweep = Sweeps.Write(_dir, "{ kind: lhs, points: 12 }");
        var runs = Enumerable.Range(0, 2).Select(_ => Task.Run(() => Routesim.Run("sweep", sweep, "--out", Out("shards"), "--quiet", "--threads", "1"))).ToArray();
        var results = await Task.WhenAll(runs);
        foreach (var run in results) Assert.True(run.Exit == 0, run.Error);
        Assert.Empty(Leftovers(_dir));
        Assert.Equal(0, Routesim.Run("sweep", sweep, "--out", Out("alone"), "--quiet").Exit);
        Sweeps.SameBytes(Out("shards"), Out("alone"), "runs.csv", "points.csv", "sweep.json");
    }

    [Fact]
    public async Task Two_runs_racing_for_one_folder_both_succeed_when_they_do_the_same_work()
    {
        var runs = Enumerable.Range(0, 2).Select(_ => Task.Run(() => Routesim.Run("run", Routesim.Tutorial, "--out", Out("run"), "--quiet", "--replications", "2"))).ToArray();
        var results = await Task.WhenAll(runs);
        // The second either finds the first's folder at the start ("already exists", exit 1, nothing computed)
        // or at the end (same work: exit 0); never a message about results it deleted.
        Assert.Contains(results, r => r.Exit == 0);
        foreach (var run in results.Where(r => r.Exit != 0)) Assert.Contains("already exists", run.Error);
        Assert.Empty(Leftovers(_dir));
    }

    [Fact]
    public void A_whole_sweep_already_complete_is_not_run_again()
    {
        var sweep = Sweeps.Write(_dir, "{ kind: lhs, points: 4 }");
        Assert.Equal(0, Routesim.Run("sweep", sweep, "--out", Out("s"), "--quiet").Exit);
        var again = Routesim.Run("sweep", sweep, "--out", Out("s"));
        Assert.Equal(0, again.Exit);
        Assert.Contains("already complete", again.Out);
        // A damaged copy is not "complete": a rerun without --force refuses rather than pretend.
        File.AppendAllText(Path.Combine(Out("s"), "runs.csv"), "9,9,9,9\n");
        var damaged = Routesim.Run("sweep", sweep, "--out", Out("s"), "--quiet");
        Assert.Equal(1, damaged.Exit);
        Assert.Contains("already exists", damaged.Error);
    }

    [Fact]
    public void Force_over_a_folder_whose_files_cannot_be_deleted_commits_and_exits_0_with_a_warning()
    {
        var sweep = Sweeps.Write(_dir, "{ kind: lhs, points: 4 }");
        Assert.Equal(0, Routesim.Run("sweep", sweep, "--out", Out("s"), "--quiet").Exit);
        var stuck = Path.Combine(Out("s"), "figures", "old.png");
        Directory.CreateDirectory(Path.GetDirectoryName(stuck)!);
        File.WriteAllText(stuck, "x");
        Files.Lock(stuck, true);
        string? moved = null;
        try
        {
            var forced = Routesim.Run("sweep", sweep, "--out", Out("s"), "--quiet", "--force");
            Assert.True(forced.Exit == 0, forced.Error);
            Assert.Contains("the results are in place, but the folder they replaced could not be deleted", forced.Error);
            Assert.False(File.Exists(Path.Combine(Out("s"), "figures", "old.png")));
            Assert.True(File.Exists(Path.Combine(Out("s"), "manifest.json")));
            moved = Directory.GetDirectories(_dir, ".s.replaced-*").Single();
        }
        finally
        {
            Files.Lock(moved is null ? stuck : Path.Combine(moved, "figures", "old.png"), false);
        }
    }

    /// <summary>Starts routesim as its own process (the apphost built next to the tests).</summary>
    /// <summary>
    /// Starts routesim with the default action for every signal: a test run under nohup (or any parent that ignores
    /// SIGHUP) would otherwise hand its children an ignored hangup, which they rightly keep ignoring.
    /// </summary>
    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("env") { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add("--default-signal");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "routesim"));
        foreach (var a in args) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }

    /// <summary>Waits until the process has created its unfinished folder in <paramref name="parent"/>, then sends it a signal.</summary>
    private static void SignalWhenWriting(Process process, string parent, string signal)
    {
        var clock = Stopwatch.StartNew();
        while (RouteSim.Results.ResultFolder.Leftover.In(parent).Count == 0)
        {
            if (process.HasExited) Assert.Fail("routesim ended before it was signalled: " + process.StandardError.ReadToEnd());
            if (clock.Elapsed > TimeSpan.FromMinutes(1))
            {
                process.Kill();
                Assert.Fail($"routesim never started writing in {parent}: {string.Join(' ', Directory.Exists(parent) ? Directory.GetFileSystemEntries(parent) : [])} {process.StandardOutput.ReadToEnd()} {process.StandardError.ReadToEnd()}");
            }
            Thread.Sleep(10);
        }
        using var kill = Process.Start("kill", [signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    // Long enough that a signal always lands while it runs, however fast the engine; a signalled run stops at once.
    private string Long() => Sweeps.Write(_dir, "{ kind: lhs, points: 100000 }", name: "long");

    [Fact]
    public void A_hangup_stops_a_run_and_removes_its_unfinished_folder()
    {
        using var process = Start("sweep", Long(), "--out", Out("shards"), "--shard", "0/2", "--threads", "1", "--quiet");
        SignalWhenWriting(process, Out("shards"), "-HUP");
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)));
        Assert.Equal(130, process.ExitCode);
        Assert.Contains("cancelled; no results written", process.StandardError.ReadToEnd());
        Assert.Empty(Directory.GetFileSystemEntries(Out("shards")));
    }

    [Fact]
    public void The_unfinished_folder_of_a_killed_run_is_removed_by_the_next_run_beside_it()
    {
        using var process = Start("sweep", Long(), "--out", Out("shards"), "--shard", "0/2", "--threads", "1", "--quiet");
        SignalWhenWriting(process, Out("shards"), "-KILL");
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)));
        var left = Assert.Single(Directory.GetDirectories(Out("shards"), ".*"));

        // merge names nothing as missing that it cannot see, but removes the dead process's folder and says so.
        var small = Sweeps.Write(_dir, "{ kind: lhs, points: 4 }");
        var next = Routesim.Run("sweep", small, "--out", Out("shards"), "--shard", "0/2", "--quiet");
        Assert.True(next.Exit == 0, next.Error);
        Assert.Contains($"removed {left}, the unfinished folder of a process that is gone", next.Error);
        Assert.Empty(Directory.GetDirectories(Out("shards"), ".*"));
    }
}
