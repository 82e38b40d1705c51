using System.CommandLine;
using RouteSim.Cli.Console;
using RouteSim.Plotting;
using RouteSim.Results.Reading;

namespace RouteSim.Cli.Commands;

/// <summary><c>routesim report RESULTS_DIR</c>: figures and a self-contained report.html for any folder RouteSim writes.</summary>
public static class ReportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Terminal terminal)
    {
        var folder = new Argument<string>("results") { Description = "A results folder written by run, compare, sweep, merge, sensitivity, calibrate or optimize" };
        var command = new Command("report", "Draw the figures (figures/*.png, *.svg) and write report.html for a results folder") { folder };
        command.SetAction(parsed => Run(terminal, parsed.GetValue(folder)!));
        return command;
    }

    /// <summary>--report: draw figures and report.html after run or compare.</summary>
    public static Option<bool> Flag() => new("--report") { Description = "Also draw the figures and write report.html" };

    /// <summary>Writes the report; returns the exit code.</summary>
    public static int Run(Terminal terminal, string folder)
    {
        try
        {
            var report = ReportWriter.Write(folder);
            terminal.Out.WriteLine($"report: {Path.GetFullPath(report)}");
            return ExitCodes.Ok;
        }
        catch (ResultsReadException e)
        {
            terminal.Fail($"routesim: {e.Message}");
            return ExitCodes.InvalidInput;
        }
    }
}
