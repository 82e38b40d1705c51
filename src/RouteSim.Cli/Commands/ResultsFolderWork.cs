using RouteSim.Cli.Console;
using RouteSim.Results;

namespace RouteSim.Cli.Commands;

/// <summary>
/// The frame every command that writes a results folder shares: the folder written aside, Ctrl-C and SIGTERM
/// turned into a clean stop, and a folder in the way, a disk that refuses the results or an interruption turned
/// into one line and an exit code.
/// </summary>
public static class ResultsFolderWork
{
    /// <summary>Runs <paramref name="work"/> with a folder being written for <paramref name="target"/>; the work commits it.</summary>
    public static int Run(Terminal terminal, string target, bool force, Func<ResultFolder, CancellationToken, int> work)
    {
        using var cancel = new CancellationTokenSource();
        using var signals = CancelSignals.Hook(cancel);
        try
        {
            using var folder = ResultFolder.Begin(target, force);
            return work(folder, cancel.Token);
        }
        catch (ResultFolderException e)
        {
            terminal.Fail($"routesim: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The disk said no (permissions, space): the user's to fix, not a bug; the unfinished folder is gone.
            terminal.Fail($"routesim: cannot write results to {target}: {e.Message}");
            return ExitCodes.CannotWrite;
        }
        catch (OperationCanceledException)
        {
            terminal.Fail("routesim: cancelled; no results written");
            return ExitCodes.Cancelled;
        }
    }
}
