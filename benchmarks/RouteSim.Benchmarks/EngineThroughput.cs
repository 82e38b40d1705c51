using BenchmarkDotNet.Attributes;
using RouteSim.Core.Engine;
using RouteSim.Core.Model;

namespace RouteSim.Benchmarks;

/// <summary>One replication of 20 periods: set-up, choice, walk and recording for every agent, on one core and on all.</summary>
[MemoryDiagnoser]
public class EngineThroughput
{
    /// <summary>The seed every engine benchmark uses.</summary>
    public const ulong Seed = 42;

    private CompiledScenario _model = null!;
    private AgentArrays _agents = null!;

    [Params("tutorial", "border")]
    public string Scenario { get; set; } = "tutorial";

    [Params(10_000, 100_000, 1_000_000)]
    public int Agents { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    public static Scenario Build(string name, int agents) =>
        name == "tutorial" ? BenchmarkScenarios.Tutorial(agents) : BenchmarkScenarios.Border(agents);

    [GlobalSetup]
    public void Setup()
    {
        _model = CompiledScenario.Build(Build(Scenario, Agents));
        _agents = new AgentArrays(_model.TotalAgents);
    }

    /// <summary>
    /// One replication on agent arrays allocated once, as in a run (each worker keeps its arrays from one
    /// replication to the next, and a single big replication allocates them once): allocating them per call
    /// would time the collector's work on megabytes of fresh arrays, not the engine.
    /// </summary>
    [Benchmark]
    public long Replication() => new ReplicationRunner(_model, Seed, 0, Threads, _agents).Run().Decisions;
}
