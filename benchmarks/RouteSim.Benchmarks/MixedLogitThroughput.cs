using BenchmarkDotNet.Attributes;
using RouteSim.Core.Engine;
using RouteSim.Core.Model;
using RouteSim.Scenarios;

namespace RouteSim.Benchmarks;

/// <summary>
/// What a spread of risk tolerance and a people-carrying walk cost (issue 23): one replication of 20 weeks of
/// benchmarks/scenarios/mixed-border.yaml (100,000 agents, 8 routes per od pair; one organization with
/// risk_sigma 0.4, one carrying people) as it is ("spread"), with risk_sigma 0 ("shared": every agent of an
/// organization shares one set of logit weights), and with risk_sigma 0 and no organization carrying people
/// ("plain"). Ratios of these rows are the point; benchmarks/mixed-logit-ratio.sh measures the same through
/// `routesim run`.
/// </summary>
[MemoryDiagnoser]
public class MixedLogitThroughput
{
    private CompiledScenario _model = null!;
    private AgentArrays _agents = null!;

    [Params("spread", "shared", "plain")]
    public string Scenario { get; set; } = "spread";

    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>The scenario of one shape, over 20 periods.</summary>
    public static Scenario Build(string shape)
    {
        var text = File.ReadAllText(Path.Combine(BenchmarkScenarios.RepoRoot(), "benchmarks", "scenarios", "mixed-border.yaml"));
        if (shape != "spread") text = text.Replace("risk_sigma: 0.4", "risk_sigma: 0", StringComparison.Ordinal);
        if (shape == "plain") text = text.Replace("carries_people: true", "carries_people: false", StringComparison.Ordinal);
        var loaded = ScenarioLoader.Load(text, "mixed-border.yaml", LoadOptions.Unlimited);
        var scenario = loaded.Scenario ?? throw new InvalidOperationException(string.Join("\n", loaded.Errors));
        return scenario with { Periods = 20 };
    }

    [GlobalSetup]
    public void Setup()
    {
        _model = CompiledScenario.Build(Build(Scenario));
        _agents = new AgentArrays(_model.TotalAgents);
    }

    /// <summary>One replication on agent arrays allocated once, as in a run (see <see cref="EngineThroughput.Replication"/>).</summary>
    [Benchmark]
    public long Replication() => new ReplicationRunner(_model, EngineThroughput.Seed, 0, Threads, _agents).Run().Decisions;
}
