using RouteSim.Scenarios;

namespace RouteSim.Cli.Console;

/// <summary>Prints scenario problems one per line, as file:line:column: path: message.</summary>
public static class ErrorList
{
    /// <summary>Writes every error to standard error and returns the exit code for bad input.</summary>
    public static int Report(Terminal terminal, IEnumerable<ScenarioError> errors)
    {
        foreach (var e in errors) terminal.Fail(e.ToString());
        return ExitCodes.InvalidInput;
    }
}
