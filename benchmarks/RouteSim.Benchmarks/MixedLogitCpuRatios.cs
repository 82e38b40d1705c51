using System.Diagnostics;
using RouteSim.Core.Engine;

namespace RouteSim.Benchmarks;

/// <summary>
/// The shapes of <see cref="MixedLogitThroughput"/> timed by processor time instead of wall time, interleaved
/// round by round, one thread: on a machine shared with other work, wall time measures the other work as much
/// as the engine, while the processor time this process gets is close to what the engine costs.
/// </summary>
/// <remarks>
/// `dotnet run -c Release --project benchmarks/RouteSim.Benchmarks -- cpu-ratios [ROUNDS] [PERIODS] [mixed-border|mexico|gatekeeper] [spread|shared|plain|exact|objects]`
/// (the last runs one shape alone, for a profiler; objects is the spread scenario run by the plain per-agent object
/// implementation, RouteSim.Baselines.PlainAgentModel, for a side-by-side figure, and only when named).
/// mexico is scenarios/north-america-2025/mexico-guard-2025.yaml (small od pairs: 100 to 450 acting agents a
/// period each) with its own spreads (spread), every risk_sigma 0 (shared), and besides no commodity carrying
/// people (plain); gatekeeper is scenarios/backtest/gatekeeper/gatekeeper.yaml (one organization of 20,000 agents,
/// 16 od pairs of nine routes, risk_sigma 0.5, carrying people; 120 months), in the same three shapes. exact is the spread shape with the bounds of the mixed logit switched off, so every
/// own-weight choice takes the exact path. The first round prints each shape's decisions and how many own-weight
/// choices the bounds decided.
/// </remarks>
public static class MixedLogitCpuRatios
{
    /// <summary>Runs ROUNDS rounds (default 7; one more first, not counted, to compile) of one replication of each shape over PERIODS periods (default 100; 365 for mexico) and prints the medians.</summary>
    public static void Run(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 7;
        string name = args.Length > 2 ? args[2] : "mixed-border";
        if (name is not ("mixed-border" or "mexico" or "gatekeeper")) throw new ArgumentException($"cpu-ratios: unknown scenario '{name}' (mixed-border, mexico or gatekeeper)");
        int periods = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : name == "mexico" ? 365 : name == "gatekeeper" ? 120 : 100;
        if (rounds < 1) throw new ArgumentException($"cpu-ratios: ROUNDS must be at least 1, not {rounds}");
        if (periods < 1) throw new ArgumentException($"cpu-ratios: PERIODS must be at least 1, not {periods}");
        // A fourth argument names one shape to run alone (for a profiler); the ratios then need the others.
        string[] all = ["spread", "shared", "plain", "exact"];
        if (args.Length > 3 && args[3] == "objects")
        {
            Objects(rounds, periods, name);
            return;
        }
        if (args.Length > 3 && !all.Contains(args[3])) throw new ArgumentException($"cpu-ratios: unknown shape '{args[3]}' (spread, shared, plain, exact or objects)");
        string[] shapes = args.Length > 3 ? [args[3]] : all;
        var models = shapes.Select(s => CompiledScenario.Build(Shape(name, s == "exact" ? "spread" : s) with { Periods = periods })).ToArray();
        var agents = new AgentArrays(models[0].TotalAgents);
        var rates = shapes.Select(_ => new List<double>()).ToArray();
        var process = Process.GetCurrentProcess();
        for (int round = -1; round < rounds; round++)
            for (int s = 0; s < shapes.Length; s++)
            {
                SetChoiceBounds(shapes[s] != "exact");
                process.Refresh();
                var start = process.TotalProcessorTime;
                var runner = new ReplicationRunner(models[s], EngineThroughput.Seed, round + 1, 1, agents);
                long decisions = runner.Run().Decisions;
                process.Refresh();
                double seconds = (process.TotalProcessorTime - start).TotalSeconds;
                if (round == -1) Console.WriteLine($"{shapes[s]}: {decisions:N0} decisions in {seconds:F3} processor seconds" + (s == 0 ? "; " + DecidedWithoutExponentials(runner) : ""));
                if (round >= 0) rates[s].Add(decisions / seconds / 1e6);
            }
        SetChoiceBounds(true);
        for (int s = 0; s < shapes.Length; s++)
            Console.WriteLine($"{shapes[s],-7} median {Median(rates[s]),6:F1} M decisions per processor second  [{string.Join(" ", rates[s].Select(r => r.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))}]");
        if (shapes.Length < 4) return;
        Console.WriteLine($"spread / shared {Median(Enumerable.Range(0, rounds).Select(i => rates[0][i] / rates[1][i])):F3}   " +
            $"shared / plain {Median(Enumerable.Range(0, rounds).Select(i => rates[1][i] / rates[2][i])):F3}   " +
            $"exact / shared {Median(Enumerable.Range(0, rounds).Select(i => rates[3][i] / rates[1][i])):F3}   (medians of the rounds' ratios; {name}, {periods} periods, one thread)");
    }

    /// <summary>The spread scenario run by the plain per-agent object implementation, timed the same way.</summary>
    private static void Objects(int rounds, int periods, string name)
    {
        var scenario = Shape(name, "spread") with { Periods = periods };
        var plain = new RouteSim.Baselines.PlainAgentModel(scenario);
        var rates = new List<double>();
        var process = Process.GetCurrentProcess();
        for (int round = -1; round < rounds; round++)
        {
            process.Refresh();
            var start = process.TotalProcessorTime;
            long decisions = plain.Run(EngineThroughput.Seed, round + 1).Decisions;
            process.Refresh();
            if (round >= 0) rates.Add(decisions / (process.TotalProcessorTime - start).TotalSeconds / 1e6);
        }
        Console.WriteLine($"objects median {Median(rates),6:F1} M decisions per processor second  [{string.Join(" ", rates.Select(r => r.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))}]  (the plain object implementation, spread scenario, {periods} periods)");
    }

    /// <summary>
    /// Switches the engine's bounds of the mixed logit (ReplicationRunner.UseChoiceBounds, internal: the
    /// results do not depend on it) on or off by reflection; off, the "exact" shape is the spread one with every
    /// own-weight choice on the exact path.
    /// </summary>
    private static void SetChoiceBounds(bool on) =>
        (typeof(ReplicationRunner).GetProperty("UseChoiceBounds", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("cpu-ratios: ReplicationRunner.UseChoiceBounds not found (renamed?); the exact shape needs it")).SetValue(null, on);

    /// <summary>
    /// How many choices of agents with their own logit weights the bounds or lines decided, read by reflection
    /// (ReplicationRunner.OwnWeightChoices is internal to the engine: the results do not depend on it).
    /// </summary>
    private static string DecidedWithoutExponentials(ReplicationRunner runner)
    {
        var property = typeof(ReplicationRunner).GetProperty("OwnWeightChoices", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic);
        if (property?.GetValue(runner) is not ValueTuple<long, long> (long choices, long decided)) return "choices decided without exponentials unknown";
        return $"{decided:N0} of {choices:N0} own-weight choices decided without exponentials ({100.0 * decided / Math.Max(1, choices):F1}%)";
    }

    /// <summary>The named scenario in one shape: mixed-border's own shapes (<see cref="MixedLogitThroughput.Build"/>), or Mexico Guard 2025 or Gatekeeper in theirs (<see cref="Bundled"/>).</summary>
    private static RouteSim.Core.Model.Scenario Shape(string name, string shape) => name switch
    {
        "mexico" => Bundled(BenchmarkScenarios.Mexico(), shape),
        "gatekeeper" => Bundled(BenchmarkScenarios.Gatekeeper(), shape),
        _ => MixedLogitThroughput.Build(shape),
    };

    /// <summary>A bundled scenario in one shape: as it is (spread), every risk_sigma 0 (shared), and no commodity carrying people besides (plain).</summary>
    private static RouteSim.Core.Model.Scenario Bundled(RouteSim.Core.Model.Scenario scenario, string shape)
    {
        if (shape != "spread") scenario = scenario with { Organizations = [.. scenario.Organizations.Select(o => o with { RiskSigma = 0 })] };
        if (shape == "plain") scenario = scenario with { Commodities = [.. scenario.Commodities.Select(c => c with { CarriesPeople = false })] };
        return scenario;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
    }
}
