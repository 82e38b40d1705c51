using System.CommandLine;

namespace RouteSim.Cli.Commands;

/// <summary>
/// The options of the commands that simulate scenarios into a results folder (run, compare), added after each
/// command's own: --seed, --replications, --threads, --force, --quiet, --report.
/// </summary>
public sealed class SimulationOptions
{
    /// <summary>--seed N.</summary>
    public Option<ulong?> Seed { get; } = CommonOptions.Seed();

    /// <summary>--replications N.</summary>
    public Option<int?> Replications { get; } = CommonOptions.Replications();

    /// <summary>--threads N.</summary>
    public Option<int?> Threads { get; } = CommonOptions.Threads();

    /// <summary>--force.</summary>
    public Option<bool> Force { get; } = CommonOptions.Force();

    /// <summary>--quiet.</summary>
    public Option<bool> Quiet { get; } = CommonOptions.Quiet();

    /// <summary>--report.</summary>
    public Option<bool> Report { get; } = ReportCommand.Flag();

    /// <summary>Adds the options to <paramref name="command"/>, after those it has.</summary>
    public Command AddTo(Command command)
    {
        foreach (var option in new Option[] { Seed, Replications, Threads, Force, Quiet, Report }) command.Options.Add(option);
        return command;
    }
}
