using System.Runtime.InteropServices;

namespace RouteSim.Cli.Console;

/// <summary>Turns Ctrl-C, SIGTERM and SIGHUP into a cancellation, so a run stops cleanly and removes its unfinished folder.</summary>
public sealed class CancelSignals : IDisposable
{
    private readonly ConsoleCancelEventHandler _onCancel;
    private readonly PosixSignalRegistration _onTerminate;
    private readonly PosixSignalRegistration _onHangUp;

    private CancelSignals(CancellationTokenSource cancel)
    {
        _onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        global::System.Console.CancelKeyPress += _onCancel;
        _onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancel.Cancel();
        });
        // A closed terminal or ssh session: stop as for SIGTERM rather than die leaving the unfinished folder.
        _onHangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            cancel.Cancel();
        });
    }

    /// <summary>Cancels <paramref name="cancel"/> on Ctrl-C, SIGTERM or SIGHUP until disposed.</summary>
    public static CancelSignals Hook(CancellationTokenSource cancel) => new(cancel);

    /// <summary>Restores the default handling.</summary>
    public void Dispose()
    {
        global::System.Console.CancelKeyPress -= _onCancel;
        _onTerminate.Dispose();
        _onHangUp.Dispose();
    }
}
