using System.CommandLine;
using RouteSim.Cli;
using RouteSim.Cli.Commands;
using RouteSim.Cli.Console;

return RouteSimApp.Execute(args, Terminal.System);

namespace RouteSim.Cli
{
    /// <summary>The routesim command line: parses, dispatches, and turns every failure into one line and an exit code.</summary>
    public static class RouteSimApp
    {
        /// <summary>Builds the command tree.</summary>
        public static RootCommand Commands(Terminal terminal) => OptionParsing.Check(new("routesim: agent-based Monte Carlo simulator of smuggling-route displacement")
        {
            ValidateCommand.Create(terminal),
            RoutesCommand.Create(terminal),
            RunCommand.Create(terminal),
            CompareCommand.Create(terminal),
            ReportCommand.Create(terminal),
            OptimizeCommand.Create(terminal),
            SweepCommand.Create(terminal),
            SensitivityCommand.Create(terminal),
            MergeCommand.Create(terminal),
            CalibrateCommand.Create(terminal),
            SchemaCommand.Create(terminal),
            ServeCommand.Create(terminal),
        });

        /// <summary>Runs routesim with these arguments; returns the exit code.</summary>
        public static int Execute(string[] args, Terminal terminal)
        {
            try
            {
                var parsed = Commands(terminal).Parse(args);
                if (parsed.Errors.Count > 0)
                {
                    foreach (var line in OptionParsing.Describe(parsed)) terminal.Fail(line);
                    return ExitCodes.Usage;
                }
                return parsed.Invoke(new InvocationConfiguration { Output = terminal.Out, Error = terminal.Error, EnableDefaultExceptionHandler = false });
            }
            catch (Exception e)
            {
                terminal.Fail($"routesim: internal error ({e.GetType().Name}): {e.Message}");
                return ExitCodes.Internal;
            }
        }
    }
}
