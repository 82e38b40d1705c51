using System.Runtime.InteropServices;

namespace RouteSim.Cli.Console;

/// <summary>Turns Ctrl-C and SIGTERM into a cancellation, so a run stops cleanly and removes its unfinished folder.</summary>
public sealed class CancelSignals : IDisposable
{
    private readonly ConsoleCancelEventHandler _onCancel;
    private readonly PosixSignalRegistration _onTerminate;

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
    }

    /// <summary>Cancels <paramref name="cancel"/> on Ctrl-C or SIGTERM until disposed.</summary>
    public static CancelSignals Hook(CancellationTokenSource cancel) => new(cancel);

    /// <summary>Restores the default handling.</summary>
    public void Dispose()
    {
        global::System.Console.CancelKeyPress -= _onCancel;
        _onTerminate.Dispose();
    }
}
