using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using RouteSim.Benchmarks;

// dotnet run -c Release --project benchmarks/RouteSim.Benchmarks -- --filter '*'
var config = DefaultConfig.Instance.AddColumn(new DecisionsPerSecondColumn());
BenchmarkSwitcher.FromAssembly(typeof(EngineThroughput).Assembly).Run(args, config);
