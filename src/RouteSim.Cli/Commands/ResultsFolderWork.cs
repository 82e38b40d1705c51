using RouteSim.Cli.Console;
using RouteSim.Results;

namespace RouteSim.Cli.Commands;

/// <summary>
/// The frame every command that writes a results folder shares: the folder written aside, Ctrl-C, SIGTERM and
/// SIGHUP turned into a clean stop, and a folder in the way, a disk that refuses the results or an interruption
/// turned into one line and an exit code. Exit 0 means the results asked for are at the target.
/// </summary>
public static class ResultsFolderWork
{
    /// <summary>
    /// Runs <paramref name="work"/> with a folder being written for <paramref name="target"/>; the work commits it.
    /// <paramref name="sameWork"/> tells whether a folder that appears at the target meanwhile holds this work complete.
    /// </summary>
    public static int Run(Terminal terminal, string target, bool force, Func<ResultFolder, CancellationToken, int> work, Func<string, bool>? sameWork = null)
    {
        using var cancel = new CancellationTokenSource();
        using var signals = CancelSignals.Hook(cancel);
        try
        {
            using var folder = ResultFolder.Begin(target, force, sameWork);
            foreach (var removed in folder.RemovedLeftovers) terminal.Fail($"routesim: removed {removed}, the unfinished folder of a process that is gone");
            int exit = work(folder, cancel.Token);
            if (folder.Outcome == CommitOutcome.SameWorkThere)
                terminal.Fail($"routesim: {folder.Target} was completed by another process while this one ran, for the same work; kept it");
            if (folder.Warning is { } warning) terminal.Fail($"routesim: {warning}");
            return exit;
        }
        catch (ResultFolderException e)
        {
            terminal.Fail($"routesim: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The disk said no (permissions, space): the user's to fix, not a bug; the unfinished folder is gone.
            terminal.Fail($"routesim: cannot write results to {target}: {Reason(e, target)}");
            return ExitCodes.CannotWrite;
        }
        catch (OperationCanceledException)
        {
            terminal.Fail("routesim: cancelled; no results written");
            return ExitCodes.Cancelled;
        }
    }

    /// <summary>
    /// Why the disk refused, in the user's terms: the results are first written to a hidden folder beside the target,
    /// whose name means nothing to the user, so the failure is told of the target's parent folder.
    /// </summary>
    private static string Reason(Exception e, string target)
    {
        string parent = Path.GetDirectoryName(Path.GetFullPath(target)) ?? target;
        for (string? up = parent; up is not null; up = Path.GetDirectoryName(up))
            if (File.Exists(up)) return $"{up} is a file, not a folder";
            else if (Directory.Exists(up)) break;
        return e switch
        {
            UnauthorizedAccessException => $"permission denied in {parent}",
            DirectoryNotFoundException or FileNotFoundException => Directory.Exists(parent) ? $"no folder can be created in {parent}" : $"{parent} cannot be created",
            _ => System.Text.RegularExpressions.Regex.Replace(e.Message, @"'[^']*\.partial-[^']*'", $"a folder in {parent}"),
        };
    }
}
