using System.CommandLine;
using System.Diagnostics;
using RouteSim.Cli.Console;
using RouteSim.Results;
using RouteSim.Results.Reading;
using RouteSim.Results.Sweeps;

namespace RouteSim.Cli.Commands;

/// <summary><c>routesim merge SHARD_DIR... --out DIR</c>: joins the shards of one sweep into the folder an unsharded run writes.</summary>
public static class MergeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Terminal terminal)
    {
        var shards = new Argument<string[]>("shards") { Description = "Shard folders (or one folder holding shard-I-of-N folders)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "Merged results folder", Required = true };
        var force = CommonOptions.Force();
        var quiet = CommonOptions.Quiet();
        var command = new Command("merge", "Merge the shards of a sweep, checking they are complete, of one sweep, and cover it exactly once")
        {
            shards, output, force, quiet,
        };
        command.SetAction(parsed => Run(terminal, parsed.GetValue(shards)!, parsed.GetValue(output)!, parsed.GetValue(force), parsed.GetValue(quiet), Environment.CommandLine));
        return command;
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(Terminal terminal, IReadOnlyList<string> arguments, string output, bool force, bool quiet, string commandLine)
    {
        var clock = Stopwatch.StartNew();
        var provenance = Manifests.Start(commandLine, 1);
        var folders = Expand(arguments);
        string target = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        if (folders.FirstOrDefault(f => Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar) == target) is { } input)
        {
            // Merging into one of the shards would replace an input with the merge of itself: refused even with --force.
            terminal.Fail($"routesim: --out {output} is one of the shards being merged ({input}); write the merge to a folder of its own");
            return ExitCodes.Usage;
        }
        SweepDocument sweep;
        string sweepJson;
        IReadOnlyList<ShardMerge.Shard> shards;
        try
        {
            (sweep, sweepJson, shards) = ShardMerge.Check(folders);
        }
        catch (ResultsReadException e)
        {
            foreach (var line in e.Message.Split('\n')) terminal.Fail($"routesim: {line}");
            return ExitCodes.InvalidInput;
        }

        ReportLeftovers(terminal, folders);
        return ResultsFolderWork.Run(terminal, output, force, (folder, _) =>
        {
            long rows;
            try
            {
                rows = SweepFolderWriter.Merge(folder.Staging, sweep, sweepJson, shards, provenance, clock).Rows;
            }
            catch (ResultsReadException e)
            {
                foreach (var line in e.Message.Split('\n')) terminal.Fail($"routesim: {line}");
                return ExitCodes.InvalidInput;
            }
            folder.Commit();
            terminal.Out.WriteLine($"{sweep.Name}: merged {shards.Count} shards, {rows:N0} work items ({sweep.Points:N0} points x {sweep.Replications} replications)\nresults: {folder.Target}");
            return ExitCodes.Ok;
        }, existing => ShardFolder.IsComplete(existing, sweep, null));
    }

    /// <summary>
    /// Unfinished folders next to the shards: those of dead processes of this host are removed; the others (a
    /// process still running, or one on another machine, which this one cannot see) are named for the user.
    /// </summary>
    private static void ReportLeftovers(Terminal terminal, IReadOnlyList<string> folders)
    {
        foreach (var parent in folders.Select(f => Path.GetDirectoryName(Path.GetFullPath(f))!).Distinct(StringComparer.Ordinal))
        {
            foreach (var removed in ResultFolder.Leftover.RemoveDead(parent))
                terminal.Fail($"routesim: removed {removed}, the unfinished folder of a process that is gone");
            foreach (var left in ResultFolder.Leftover.In(parent))
                terminal.Fail($"routesim: note: {left.Path} is an unfinished folder of {(left.Host is null ? "an earlier routesim" : $"process {left.ProcessId} on {left.Host}")}, not merged; delete it once that process is gone");
        }
    }

    /// <summary>A single folder that is not itself a shard but holds shard-* folders stands for those.</summary>
    private static IReadOnlyList<string> Expand(IReadOnlyList<string> arguments)
    {
        if (arguments.Count == 1 && Directory.Exists(arguments[0]) && !File.Exists(Path.Combine(arguments[0], SweepManifest.FileName)))
        {
            var inner = Directory.GetDirectories(arguments[0], "shard-*").Order(StringComparer.Ordinal).ToArray();
            if (inner.Length > 0) return inner;
        }
        return arguments;
    }
}
