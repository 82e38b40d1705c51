using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using RouteSim.Benchmarks;

// dotnet run -c Release --project benchmarks/RouteSim.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/RouteSim.Benchmarks -- cpu-ratios [ROUNDS] [PERIODS] [mixed-border|mexico|gatekeeper] [SHAPE]
if (args.Length > 0 && args[0] == "cpu-ratios")
{
    try
    {
        MixedLogitCpuRatios.Run(args[1..]);
    }
    catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
    {
        Console.Error.WriteLine(e is FormatException or OverflowException ? "cpu-ratios: ROUNDS and PERIODS must be whole numbers of at least 1" : e.Message);
        Environment.ExitCode = 2;
    }
    return;
}
var config = DefaultConfig.Instance.AddColumn(new DecisionsPerSecondColumn());
BenchmarkSwitcher.FromAssembly(typeof(EngineThroughput).Assembly).Run(args, config);
