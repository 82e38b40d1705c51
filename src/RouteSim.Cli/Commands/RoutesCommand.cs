using System.CommandLine;
using System.Globalization;
using RouteSim.Cli.Console;
using RouteSim.Scenarios;
using Spectre.Console;

namespace RouteSim.Cli.Commands;

/// <summary><c>routesim routes SCENARIO</c>: prints the route catalogue as a table.</summary>
public static class RoutesCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Terminal terminal)
    {
        var file = new Argument<string>("scenario") { Description = "Scenario file" };
        var command = new Command("routes", "Print each organization's candidate routes: path, cost and danger") { file };
        command.SetAction(parsed => Run(terminal, parsed.GetValue(file)!));
        return command;
    }

    private static int Run(Terminal terminal, string file)
    {
        var result = ScenarioFile.Load(file);
        if (!result.Ok) return ErrorList.Report(terminal, result.Errors);
        var model = result.Model!;
        var table = new Table().AddColumns("organization", "route", "path", "cost", "danger");
        foreach (var plan in model.Organizations)
            foreach (var route in plan.Routes)
                table.AddRow(
                    Markup.Escape(plan.Organization.Id),
                    Markup.Escape(route.Id),
                    Markup.Escape(route.PathText(model.LocationIds)),
                    route.Cost.ToString("0.###", CultureInfo.InvariantCulture),
                    route.Danger.ToString("0.####", CultureInfo.InvariantCulture));
        terminal.OutConsole.Write(table);
        return ExitCodes.Ok;
    }
}
