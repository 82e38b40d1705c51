using RouteSim.Experiments.Calibration;

namespace RouteSim.Cli.Console;

/// <summary>Phases of long work shown on the terminal as <see cref="RunProgress"/> shows a run (nothing when quiet).</summary>
public sealed class TerminalPhases(Terminal terminal, bool quiet) : IPhaseProgress
{
    /// <inheritdoc/>
    public T Track<T>(string label, int total, string unit, Func<Action<int>, T> work) => RunProgress.Track(terminal, quiet, label, total, work, unit);
}
