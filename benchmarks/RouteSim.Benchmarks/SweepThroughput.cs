using BenchmarkDotNet.Attributes;
using RouteSim.Analysis.Sweeps;
using RouteSim.Experiments.Calibration;
using RouteSim.Experiments.Sweeps;
using RouteSim.Scenarios;

namespace RouteSim.Benchmarks;

/// <summary>
/// Sweep work items per second (each item: the tutorial deployment and its baseline, 3,000 agents x 90 days,
/// one point instantiated per 2 items), and one loss evaluation of the Gatekeeper calibration (4 replications
/// of 20,000 agents x 120 months).
/// </summary>
[MemoryDiagnoser]
public class SweepThroughput
{
    private Sweep _sweep = null!;
    private Calibration _calibration = null!;
    private double[] _start = [];

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = BenchmarkScenarios.RepoRoot();
        _sweep = SweepFile.Load(Path.Combine(root, "scenarios", "tutorial", "sweeps", "displacement-sobol.yaml"), LoadOptions.Unlimited, out var errors)
            ?? throw new InvalidOperationException(string.Join("\n", errors));
        _calibration = CalibrationFile.Load(Path.Combine(root, "scenarios", "backtest", "gatekeeper", "calibration.yaml"), LoadOptions.Unlimited, out errors)
            ?? throw new InvalidOperationException(string.Join("\n", errors));
        _start = _calibration.Parameters.Select(p => p.Parameter.Start).ToArray();
    }

    /// <summary>The first 64 work items of the Sobol sweep (32 points x 2 replications, each with its counterfactual).</summary>
    [Benchmark(OperationsPerInvoke = 64)]
    public long SixtyFourItems() => SweepRunner.Run(_sweep.Plan, 0, 64, Threads, p => _sweep.Point(p, LoadOptions.Unlimited), _ => { });

    /// <summary>One evaluation of the Gatekeeper backtest's loss.</summary>
    [Benchmark]
    public double GatekeeperLoss() => _calibration.Loss(_start, Threads, LoadOptions.Unlimited);
}
