using BenchmarkDotNet.Attributes;
using RouteSim.Scenarios;

namespace RouteSim.Benchmarks;

/// <summary>Parsing, validating and compiling the tutorial scenario (routes included).</summary>
[MemoryDiagnoser]
public class ScenarioLoading
{
    private string _text = "";

    [GlobalSetup]
    public void Setup() => _text = File.ReadAllText(Path.Combine(BenchmarkScenarios.RepoRoot(), "scenarios", "tutorial", "three-crossings.yaml"));

    [Benchmark]
    public bool Tutorial() => ScenarioLoader.Load(_text, "three-crossings.yaml", LoadOptions.Unlimited).Ok;
}
