using BenchmarkDotNet.Attributes;
using RouteSim.Baselines;
using RouteSim.Core.Engine;
using RouteSim.Core.Model;

namespace RouteSim.Benchmarks;

/// <summary>
/// One replication of the same scenario by the engine (one and two threads) and by the plain per-agent object
/// implementation (PlainAgentModel), side by side; the NumPy implementation is timed by
/// benchmarks/compare-implementations.sh, which runs this class too.
/// </summary>
[MemoryDiagnoser]
public class ImplementationComparison
{
    private CompiledScenario _model = null!;
    private AgentArrays _agents = null!;
    private PlainAgentModel _plain = null!;

    /// <summary>mexico: the Mexico Guard scenario (365 days); tutorial-100k: the tutorial with 100,000 agents and 8 routes per pair (20 days).</summary>
    [Params("mexico", "tutorial-100k")]
    public string Scenario { get; set; } = "mexico";

    public static Scenario Build(string name) => name == "mexico" ? BenchmarkScenarios.Mexico() : BenchmarkScenarios.Tutorial(100_000);

    [GlobalSetup]
    public void Setup()
    {
        var scenario = Build(Scenario);
        _model = CompiledScenario.Build(scenario);
        _agents = new AgentArrays(_model.TotalAgents); // allocated once, as a run's workers do (see EngineThroughput)
        _plain = new PlainAgentModel(scenario);
    }

    [Benchmark(Baseline = true)]
    public long EngineOneThread() => new ReplicationRunner(_model, EngineThroughput.Seed, 0, 1, _agents).Run().Decisions;

    [Benchmark]
    public long EngineTwoThreads() => new ReplicationRunner(_model, EngineThroughput.Seed, 0, 2, _agents).Run().Decisions;

    [Benchmark]
    public long PlainObjects() => _plain.Run(EngineThroughput.Seed, 0).Decisions;

    /// <summary>The decisions one call of a benchmark method makes (for the Decisions/s column).</summary>
    public static long Decisions(string scenario, string method)
    {
        var built = Build(scenario);
        return method == nameof(PlainObjects)
            ? new PlainAgentModel(built).Run(EngineThroughput.Seed, 0).Decisions
            : new ReplicationRunner(CompiledScenario.Build(built), EngineThroughput.Seed, 0).Run().Decisions;
    }
}
