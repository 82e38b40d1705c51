using RouteSim.Cli;
using RouteSim.Cli.Console;

namespace RouteSim.Cli.Tests.Support;

/// <summary>Runs routesim in-process with captured, non-interactive output.</summary>
public static class Routesim
{
    public sealed record Outcome(int Exit, string Out, string Error);

    public static Outcome Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = RouteSimApp.Execute(args, new Terminal(output, error, interactive: false));
        return new Outcome(exit, output.ToString(), error.ToString());
    }

    public static string RepoRoot { get; } = FindRoot();

    public static string Tutorial => Path.Combine(RepoRoot, "scenarios", "tutorial", "three-crossings.yaml");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RouteSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("RouteSim.sln not found");
    }

    /// <summary>Asserts the text holds no stack trace.</summary>
    public static void AssertNoStackTrace(string text)
    {
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
    }
}
