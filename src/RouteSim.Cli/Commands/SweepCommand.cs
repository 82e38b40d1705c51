using System.CommandLine;
using RouteSim.Analysis.Sweeps;
using RouteSim.Cli.Console;
using RouteSim.Experiments.Sweeps;
using RouteSim.Results;
using RouteSim.Results.Sweeps;
using RouteSim.Scenarios;

namespace RouteSim.Cli.Commands;

/// <summary><c>routesim sweep SWEEP</c>: runs a sweep (or one shard of it) and writes runs.csv, points.csv, sweep.json and manifest.json.</summary>
public static class SweepCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Terminal terminal)
    {
        var file = new Argument<string>("sweep") { Description = "Sweep file (YAML)" };
        var output = new Option<string?>("--out", "-o") { Description = "Results folder (default: results/<sweep file name>); with shards, the folder that holds shard-I-of-N folders" };
        var shard = new Option<string?>("--shard") { Description = "Run only shard I of N (0 <= I < N) of the work items; default: from a Slurm array task's rank (ROUTESIM_ARRAY names the array a rerun belongs to) or a Kubernetes Indexed Job's index, else all" };
        var shardCount = CommonOptions.AtLeast("--shard-count", 1, "Shards in all, for a Kubernetes Indexed Job (JOB_COMPLETION_INDEX gives the index) or a Slurm array whose task ids are the shard numbers");
        var threads = CommonOptions.Threads();
        var force = CommonOptions.Force();
        var quiet = CommonOptions.Quiet();
        var command = new Command("sweep", "Run a parameter sweep: every point of a design, replicated, one row per (point, replication)")
        {
            file, output, shard, shardCount, threads, force, quiet,
        };
        command.SetAction(parsed => Run(terminal, parsed.GetValue(file)!, parsed.GetValue(output), parsed.GetValue(shard), parsed.GetValue(shardCount),
            parsed.GetValue(threads), parsed.GetValue(force), parsed.GetValue(quiet), Environment.CommandLine, Environment.GetEnvironmentVariable));
        return command;
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(Terminal terminal, string file, string? output, string? shardOption, int? shardCount, int? threadOption, bool force, bool quiet,
        string commandLine, Func<string, string?> environment)
    {
        Startup.CompileAhead.Start();
        int threads = threadOption ?? Core.Engine.RunSettings.DefaultThreads;
        var shard = ShardSelection.Resolve(shardOption, shardCount, environment, out var shardProblem, out var shardSource);
        if (shardProblem is not null)
        {
            terminal.Fail($"routesim: {shardProblem}");
            return ExitCodes.Usage;
        }
        var options = LoadOptions.ForThisMachine() with { ConcurrentReplications = threads };
        var sweep = SweepFile.Load(file, options, out var errors);
        if (sweep is null) return ErrorList.Report(terminal, errors);

        foreach (var warning in Analysis.Sensitivity.DesignAdequacy.BeforeRun(sweep.Design)) terminal.Fail($"routesim: warning: {file}: {warning}");
        var document = SweepDocuments.Describe(sweep, CommonOptions.Version);
        var table = SweepDocuments.Table(sweep);
        string root = output ?? Path.Combine("results", Path.GetFileNameWithoutExtension(file));
        var (from, to) = shard is { } s ? sweep.Plan.Shard(s.Index, s.Count) : (0L, sweep.Plan.Count);
        var range = shard is { } r ? new ShardRange(r.Index, r.Count, from, to) : null;
        string target = range is null ? root : Path.Combine(root, ShardSelection.FolderName(range.Index, range.Count));

        if (!force && ShardFolder.IsComplete(target, document, range))
        {
            terminal.Out.WriteLine(range is null
                ? $"{target}: this sweep is already complete there; nothing to do"
                : $"{target}: shard {range.Index} of {range.Count} is already complete for this sweep; nothing to do");
            return ExitCodes.Ok;
        }
        // A folder of the same shard that is not complete (edited, damaged) is replaced: its rows would be the same.
        bool replace = force || (range is not null && ShardFolder.IsSameShard(target, document, range));

        return ResultsFolderWork.Run(terminal, target, replace, (folder, cancellation) =>
        {
            SweepManifest manifest;
            try
            {
                string label = range is null ? sweep.Name : $"{sweep.Name} (shard {range.Index}/{range.Count}, {shardSource})";
                manifest = RunProgress.Track(terminal, quiet, label, (int)Math.Min(to - from, int.MaxValue), progress =>
                    SweepFolderWriter.Write(folder.Staging, sweep.Plan, p => sweep.Point(p, options), table, document, range, threads,
                        Manifests.Start(commandLine, threads), done => progress((int)done), cancellation),
                    "work items");
            }
            catch (SweepPointException e)
            {
                // A combination of values the scenario format refuses, found when its point is built: nothing is kept.
                terminal.Fail($"{file}: {e.Message}");
                return ExitCodes.InvalidInput;
            }
            folder.Commit();
            terminal.Out.WriteLine($"{sweep.Name}: {manifest.Rows:N0} work items ({sweep.Design.Count:N0} points x {sweep.Plan.Replications} replications{(range is null ? "" : $", shard {range.Index} of {range.Count}: items {from}-{to - 1}")}) in {manifest.WallSeconds:0.0} s");
            terminal.Out.WriteLine($"results: {folder.Target}");
            return ExitCodes.Ok;
        }, existing => ShardFolder.IsComplete(existing, document, range));
    }
}
