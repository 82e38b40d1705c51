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
            foreach (var line in DeterrenceLines(s)) terminal.Out.WriteLine(line);
        }
        return exit;
    }

    /// <summary>The lines of the scenario's <see cref="DetectionTable"/>: none when no location gets resources.</summary>
    private static IEnumerable<string> DetectionLines(Scenario s, RouteSim.Core.Engine.CompiledScenario model)
    {
        var table = DetectionTable.Of(s, model);
        if (table.Locations.Count == 0) yield break;
        yield return string.Create(CultureInfo.InvariantCulture,
            $"  interdiction per trip where enforcement stands, at its most (effectiveness {table.Effectiveness:0.###}, detectability {table.Detectability:0.###}):");
        foreach (var row in table.Locations)
        {
            string check = row.AreaLooksDefault ? "; area 1 is the default: give the location its area (docs/model.md section 2)" : "";
            yield return string.Create(CultureInfo.InvariantCulture, $"    {row.Location}: {100 * row.Chance:0.#}% ({row.Resources:#,0.##} units on area {row.Area:#,0.##}{check})");
        }
    }

    /// <summary>The deterrence costs the events add (docs/model.md section 9), one line per location and event; none without them.</summary>
    private static IEnumerable<string> DeterrenceLines(Scenario s)
    {
        var added = s.Enforcement.Events.OrderBy(e => e.Period)
            .SelectMany(e => (e.DeterrenceCost ?? new Dictionary<string, double>()).Select(c => (e.Period, Location: c.Key, Cost: c.Value)))
            .ToArray();
        if (added.Length == 0) yield break;
        yield return "  deterrence cost added to every route through a location (utility units, from the event's period on; events add up):";
        var total = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (period, location, cost) in added)
        {
            total[location] = total.GetValueOrDefault(location) + cost;
            yield return string.Create(CultureInfo.InvariantCulture, $"    {location}: +{cost:#,0.###} from {s.PeriodUnit} {period} (then {total[location]:#,0.###} in all)");
        }
    }

    private static string Plural(NodeKind kind, int count)
    {
        var word = kind.ToString().ToLowerInvariant();
        return count == 1 ? word : word + "s";
    }
}
