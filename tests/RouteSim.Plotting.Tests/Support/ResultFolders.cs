using RouteSim.Cli;
using RouteSim.Cli.Console;

namespace RouteSim.Plotting.Tests.Support;

/// <summary>Results folders made once for all figure tests: the tutorial run and the displacement comparison.</summary>
public static class ResultFolders
{
    private static readonly Lazy<string> Root = new(() => Directory.CreateTempSubdirectory("routesim-plots-").FullName);

    private static readonly Lazy<string> TutorialRun = new(() => Make("run", Scenario("tutorial", "three-crossings.yaml"), "--replications", "8"));

    private static readonly Lazy<string> Displacement = new(() => Make("compare", Scenario("tutorial", "displacement-baseline.yaml"),
        Scenario("tutorial", "displacement-deployment.yaml"), "--window", "30:90", "--replications", "6"));

    private static readonly Lazy<string> MexicoGuard = new(() => Make("compare", Scenario("north-america-2025", "mexico-baseline.yaml"),
        Scenario("north-america-2025", "mexico-guard-2025.yaml"), "--replications", "2"));

    private static readonly Lazy<string> BothBorders = new(() => Make("compare", Scenario("north-america-2025", "north-america-baseline.yaml"),
        Scenario("north-america-2025", "north-america-2025.yaml"), "--replications", "2"));

    private static readonly Lazy<string> DisplacementBaselineRun = new(() => Make("run", Scenario("tutorial", "displacement-baseline.yaml"), "--replications", "4"));

    /// <summary>A run of the displacement tutorial's baseline, whose nodes have coordinates.</summary>
    public static string RunWithCoordinates => DisplacementBaselineRun.Value;

    private static readonly Lazy<string> WithoutCoordinates = new(() =>
    {
        // The three-crossings tutorial against itself with X2 reinforced from day 30: a pair whose nodes lack coordinates.
        var baseline = Scenario("tutorial", "three-crossings.yaml");
        var intervention = Path.Combine(Root.Value, "three-crossings-x2.yaml");
        var text = File.ReadAllText(baseline);
        File.WriteAllText(intervention, text.Replace("    - { period: 40, set: { X1: 0 } }", "    - { period: 30, add: { X2: 40 } }\n    - { period: 40, set: { X1: 0 } }", StringComparison.Ordinal));
        if (File.ReadAllText(intervention) == text) throw new InvalidOperationException("three-crossings.yaml changed: its last event is not where this expects it");
        return Make("compare", baseline, intervention, "--replications", "4");
    });

    private static readonly Lazy<string> Deterrence = new(() =>
    {
        // The tutorial with deterrence costs: at X1 with its day-20 deployment, and at X3 alone on day 30.
        var text = File.ReadAllText(Scenario("tutorial", "three-crossings.yaml"));
        var events = "    - { period: 20, add: { X1: 40 } }\n";
        var file = Path.Combine(Root.Value, "three-crossings-deterrence.yaml");
        File.WriteAllText(file, text.Replace(events, events + "    - { period: 20, deterrence_cost: { X1: 2 } }\n    - { period: 30, deterrence_cost: { X3: 1, X1: 0.5 } }\n", StringComparison.Ordinal));
        if (File.ReadAllText(file) == text) throw new InvalidOperationException("three-crossings.yaml changed: its first event is not where this expects it");
        return file;
    });

    private static readonly Lazy<string> DeterrenceRun = new(() => Make("run", Deterrence.Value, "--replications", "4"));

    private static readonly Lazy<string> DeterrenceComparison = new(() => Make("compare", Scenario("tutorial", "three-crossings.yaml"), Deterrence.Value, "--replications", "4"));

    /// <summary>A run of the tutorial with deterrence events on days 20 (with its deployment) and 30 (alone).</summary>
    public static string RunWithDeterrence => DeterrenceRun.Value;

    /// <summary>The tutorial against itself with those deterrence events.</summary>
    public static string ComparisonWithDeterrence => DeterrenceComparison.Value;

    /// <summary>A comparison of two scenarios whose nodes lack coordinates.</summary>
    public static string ComparisonWithoutCoordinates => WithoutCoordinates.Value;

    /// <summary>The Mexico National Guard comparison, two replications (for maps, not numbers).</summary>
    public static string Mexico => MexicoGuard.Value;

    /// <summary>The North America comparison, two replications (for maps, not numbers).</summary>
    public static string NorthAmerica => BothBorders.Value;

    /// <summary>A run of the tutorial scenario.</summary>
    public static string Run => TutorialRun.Value;

    /// <summary>A comparison of the displacement tutorial pair.</summary>
    public static string Comparison => Displacement.Value;

    private static string Scenario(params string[] parts) => Path.Combine([RepoRoot(), "scenarios", .. parts]);

    private static string Make(params string[] args)
    {
        var folder = Path.Combine(Root.Value, Guid.NewGuid().ToString("N"));
        var output = new StringWriter();
        int exit = RouteSimApp.Execute([.. args, "--out", folder, "--quiet"], new Terminal(output, output, interactive: false));
        if (exit != 0) throw new InvalidOperationException($"routesim {string.Join(' ', args)} failed: {output}");
        return folder;
    }

    /// <summary>The repository root.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RouteSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("RouteSim.sln not found");
    }
}
