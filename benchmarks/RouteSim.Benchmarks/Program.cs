using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using RouteSim.Benchmarks;

// dotnet run -c Release --project benchmarks/RouteSim.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/RouteSim.Benchmarks -- cpu-ratios [ROUNDS] [PERIODS]
if (args.Length > 0 && args[0] == "cpu-ratios")
{
    MixedLogitCpuRatios.Run(args[1..]);
    return;
}
var config = DefaultConfig.Instance.AddColumn(new DecisionsPerSecondColumn());
BenchmarkSwitcher.FromAssembly(typeof(EngineThroughput).Assembly).Run(args, config);
