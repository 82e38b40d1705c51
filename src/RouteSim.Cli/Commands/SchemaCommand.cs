using System.CommandLine;
using RouteSim.Cli.Console;
using RouteSim.Scenarios.Format;

namespace RouteSim.Cli.Commands;

/// <summary><c>routesim schema [--docs]</c>: prints the scenario format as JSON Schema, or as the docs' reference tables.</summary>
public static class SchemaCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Terminal terminal)
    {
        var docs = new Option<bool>("--docs") { Description = "Print the Markdown reference tables instead of the JSON Schema" };
        var command = new Command("schema", "Print the JSON Schema of scenario files (docs/scenario.schema.json)") { docs };
        command.SetAction(parsed =>
        {
            terminal.Out.Write(parsed.GetValue(docs) ? FormatReference.Write() : JsonSchemaWriter.Write());
            return ExitCodes.Ok;
        });
        return command;
    }
}
