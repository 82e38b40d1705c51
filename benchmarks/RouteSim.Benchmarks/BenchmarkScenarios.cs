using RouteSim.Core.Model;
using RouteSim.Scenarios;

namespace RouteSim.Benchmarks;

/// <summary>The scenarios the benchmarks run: the tutorial scaled up, and a wider border with many routes.</summary>
public static class BenchmarkScenarios
{
    /// <summary>scenarios/tutorial/three-crossings.yaml with this many agents and routes_per_pair = 8, over 20 periods.</summary>
    public static Scenario Tutorial(int agents)
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot(), "scenarios", "tutorial", "three-crossings.yaml"))
            .Replace("agents: 2000", $"agents: {agents}", StringComparison.Ordinal);
        var loaded = ScenarioLoader.Load(text, "three-crossings.yaml", LoadOptions.Unlimited);
        var scenario = loaded.Scenario ?? throw new InvalidOperationException(string.Join("\n", loaded.Errors));
        return scenario with { Periods = 20, Routing = new Routing(8, 3.0), Enforcement = scenario.Enforcement with { Events = [], Adaptive = null } };
    }

    /// <summary>scenarios/north-america-2025/mexico-guard-2025.yaml as it is: 9,680 agents, 365 days, 18 od pairs of 6 to 24 routes.</summary>
    public static Scenario Mexico()
    {
        var path = Path.Combine(RepoRoot(), "scenarios", "north-america-2025", "mexico-guard-2025.yaml");
        var loaded = ScenarioLoader.Load(File.ReadAllText(path), "mexico-guard-2025.yaml", LoadOptions.Unlimited);
        return loaded.Scenario ?? throw new InvalidOperationException(string.Join("\n", loaded.Errors));
    }

    /// <summary>scenarios/backtest/gatekeeper/gatekeeper.yaml as it is: one organization of 20,000 agents, 16 od pairs of nine routes, 120 months.</summary>
    public static Scenario Gatekeeper()
    {
        var path = Path.Combine(RepoRoot(), "scenarios", "backtest", "gatekeeper", "gatekeeper.yaml");
        var loaded = ScenarioLoader.Load(File.ReadAllText(path), "gatekeeper.yaml", LoadOptions.Unlimited);
        return loaded.Scenario ?? throw new InvalidOperationException(string.Join("\n", loaded.Errors));
    }

    /// <summary>
    /// A border of eight crossings reached from two staging towns: sixteen paths per od pair, of which the eight
    /// cheapest are kept, so every choice weighs eight routes and the outside option.
    /// </summary>
    public static Scenario Border(int agents, int periods = 20)
    {
        var nodes = new List<Node> { new("O", NodeKind.Origin), new("T1", NodeKind.Transit, 0.5), new("T2", NodeKind.Transit, 0.8) };
        var edges = new List<Edge> { new("O", "T1", 1), new("O", "T2", 1) };
        for (int i = 0; i < 8; i++)
        {
            nodes.Add(new Node($"X{i}", NodeKind.Crossing, 1 + 0.25 * i, 0.02 + 0.01 * (i % 3), 10 + 5 * i, i >= 5 ? 0.01 * (i - 4) : 0));
            edges.Add(new Edge("T1", $"X{i}", 1));
            edges.Add(new Edge("T2", $"X{i}", 0.5));
            edges.Add(new Edge($"X{i}", "D", 1));
        }
        nodes.Add(new Node("D", NodeKind.Destination));
        var allocation = Enumerable.Range(0, 8).ToDictionary(i => $"X{i}", i => i < 3 ? 10.0 : 2.0);
        return new Scenario("benchmark border", "", [], periods, "day", 1, 1, new Routing(8, 3.0), nodes, edges,
            [new Commodity("migrants", 20, 5, 1, 1, true)],
            [new Organization("org", "migrants", agents, [new OdPair("O", "D", 1)], 2, 0.9, 10, 0.5, 2, 0.8)],
            new Enforcement(0.5, allocation, null, []));
    }

    /// <summary>The repository root (the folder holding RouteSim.sln).</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RouteSim.sln"))) return dir.FullName;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RouteSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("run the benchmarks from inside the RouteSim repository");
    }
}
