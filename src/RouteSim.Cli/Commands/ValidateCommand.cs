using System.CommandLine;
using System.Globalization;
using RouteSim.Cli.Console;
using RouteSim.Core.Model;
using RouteSim.Scenarios;

namespace RouteSim.Cli.Commands;

/// <summary><c>routesim validate SCENARIO...</c>: checks files and summarises each valid one.</summary>
public static class ValidateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Terminal terminal)
    {
        var files = new Argument<string[]>("scenario") { Description = "Scenario files to check", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check scenario files: a summary of each valid one, every problem of each invalid one") { files };
        command.SetAction(parsed => Run(terminal, parsed.GetValue(files)!));
        return command;
    }

    private static int Run(Terminal terminal, string[] files)
    {
        int exit = ExitCodes.Ok;
        foreach (var file in files)
        {
            var result = ScenarioFile.Load(file);
            if (!result.Ok)
            {
                exit = ErrorList.Report(terminal, result.Errors);
                continue;
            }
            var s = result.Scenario!;
            var kinds = s.Nodes.GroupBy(n => n.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Plural(g.Key, g.Count())}");
            terminal.Out.WriteLine($"{file}: valid: \"{s.Name}\"");
            terminal.Out.WriteLine($"  nodes: {s.Nodes.Count} ({string.Join(", ", kinds)}), edges: {s.Edges.Count}");
            terminal.Out.WriteLine($"  organizations: {s.Organizations.Count}, agents: {s.Organizations.Sum(o => (long)o.Agents):N0}, periods: {s.Periods} {s.PeriodUnit}s, replications: {s.Replications}, seed: {s.Seed}");
            foreach (var org in result.Model!.Catalog.Organizations)
                foreach (var pair in org.Pairs)
                    terminal.Out.WriteLine($"  routes {org.Organization.Id} {pair.Pair.Origin} -> {pair.Pair.Destination}: {pair.Routes.Length}");
            foreach (var line in DetectionLines(s, result.Model!)) terminal.Out.WriteLine(line);
        }
        return exit;
    }

    /// <summary>
    /// The interdiction chance per trip at every location that ever gets resources, at its most resources and for the
    /// most detectable commodity (docs/model.md section 2), so that a surprising figure shows before anything runs.
    /// </summary>
    private static IEnumerable<string> DetectionLines(Scenario s, RouteSim.Core.Engine.CompiledScenario model)
    {
        var schedule = model.Enforcement.ConfiguredSchedule(s.Periods);
        double kappa = s.Commodities.Max(c => c.Detectability);
        double eta = s.Enforcement.Effectiveness;
        bool first = true;
        for (int l = 0; l < s.Nodes.Count; l++)
        {
            double peak = schedule.Max(t => t[l]);
            if (peak <= 0) continue;
            if (first)
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"  interdiction per trip where enforcement stands, at its most (effectiveness {eta:0.###}, detectability {kappa:0.###}):");
            first = false;
            var n = s.Nodes[l];
            double p = RouteSim.Core.Engine.ModelLaws.Detection(n.BaseDetection, eta, kappa, peak, n.Area);
            string check = n.Area == 1 && p >= 0.5 ? "; area 1 is the default: give the location its area (docs/model.md section 2)" : "";
            yield return string.Create(CultureInfo.InvariantCulture, $"    {n.Id}: {100 * p:0.#}% ({peak:#,0.##} units on area {n.Area:#,0.##}{check})");
        }
    }

    private static string Plural(NodeKind kind, int count)
    {
        var word = kind.ToString().ToLowerInvariant();
        return count == 1 ? word : word + "s";
    }
}
