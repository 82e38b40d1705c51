using System.Diagnostics;
using RouteSim.Core.Engine;

namespace RouteSim.Benchmarks;

/// <summary>
/// The shapes of <see cref="MixedLogitThroughput"/> timed by processor time instead of wall time, interleaved
/// round by round, one thread: on a machine shared with other work, wall time measures the other work as much
/// as the engine, while the processor time this process gets is close to what the engine costs.
/// </summary>
/// <remarks>`dotnet run -c Release --project benchmarks/RouteSim.Benchmarks -- cpu-ratios [ROUNDS] [PERIODS]`</remarks>
public static class MixedLogitCpuRatios
{
    /// <summary>Runs ROUNDS rounds (default 7; one more first, not counted, to compile) of one replication of each shape over PERIODS periods (default 100) and prints the medians.</summary>
    public static void Run(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 7;
        int periods = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100;
        string[] shapes = ["spread", "shared", "plain"];
        var models = shapes.Select(s => CompiledScenario.Build(MixedLogitThroughput.Build(s) with { Periods = periods })).ToArray();
        var agents = new AgentArrays(models[0].TotalAgents);
        var rates = shapes.Select(_ => new List<double>()).ToArray();
        var process = Process.GetCurrentProcess();
        for (int round = -1; round < rounds; round++)
            for (int s = 0; s < shapes.Length; s++)
            {
                process.Refresh();
                var start = process.TotalProcessorTime;
                long decisions = new ReplicationRunner(models[s], EngineThroughput.Seed, round + 1, 1, agents).Run().Decisions;
                process.Refresh();
                double seconds = (process.TotalProcessorTime - start).TotalSeconds;
                if (round >= 0) rates[s].Add(decisions / seconds / 1e6);
            }
        for (int s = 0; s < shapes.Length; s++)
            Console.WriteLine($"{shapes[s],-7} median {Median(rates[s]),6:F1} M decisions per processor second  [{string.Join(" ", rates[s].Select(r => r.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))}]");
        Console.WriteLine($"spread / shared {Median(Enumerable.Range(0, rounds).Select(i => rates[0][i] / rates[1][i])):F3}   " +
            $"shared / plain {Median(Enumerable.Range(0, rounds).Select(i => rates[1][i] / rates[2][i])):F3}   (medians of the rounds' ratios; {periods} periods, one thread)");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
    }
}
