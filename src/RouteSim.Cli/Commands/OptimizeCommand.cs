using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using RouteSim.Analysis.Counterfactuals;
using RouteSim.Analysis.Optimization;
using RouteSim.Cli.Console;
using RouteSim.Core.Engine;
using RouteSim.Core.Model;
using RouteSim.Core.Randomness;
using RouteSim.Plotting;
using RouteSim.Results;
using RouteSim.Scenarios;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RouteSim.Cli.Commands;

/// <summary><c>routesim optimize SCENARIO --budget N</c>: where a budget of resources does the most good against smugglers who adapt.</summary>
public static class OptimizeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Terminal terminal)
    {
        var file = new Argument<string>("scenario") { Description = "Scenario file" };
        var budget = new Option<double>("--budget") { Description = "Whole resource units to allocate", Required = true };
        var locations = new Option<string[]>("--locations") { Description = "Eligible locations (default: every crossing)", AllowMultipleArgumentsPerToken = true };
        var minimum = new Option<string[]>("--min") { Description = "Least units per location: V for all, or LOCATION=V", AllowMultipleArgumentsPerToken = true };
        var maximum = new Option<string[]>("--max") { Description = "Most units per location: V for all, or LOCATION=V", AllowMultipleArgumentsPerToken = true };
        var objective = new Option<string>("--objective") { Description = "What to minimise over the window: delivered, deaths or weighted", Required = true };
        objective.AcceptOnlyFromAmong([.. Objective.Kinds]);
        var commodity = new Option<string?>("--commodity") { Description = "Count only organizations smuggling this commodity" };
        var deathWeight = new Option<double>("--death-weight") { Description = "With weighted: delivered + W x deaths", DefaultValueFactory = _ => 1.0 };
        var window = new Option<string?>("--window") { Description = "Evaluation window FROM:TO (default: the whole run)" };
        var start = new Option<int?>("--start") { Description = "Period from which the allocation holds (default: the window's start)" };
        var output = new Option<string?>("--out", "-o") { Description = "Results folder (default: results/<scenario>-optimize)" };
        var seed = CommonOptions.Seed();
        var replications = CommonOptions.AtLeast("--replications", 2, "Replications of the fresh-seed evaluation (default 20)");
        var iterations = CommonOptions.AtLeast("--iterations", 1, "Cross-entropy iterations (default 10)");
        var population = CommonOptions.AtLeast("--population", 4, "Candidates per iteration (default 24)");
        var searchReplications = CommonOptions.AtLeast("--search-replications", 1, "Replications per candidate during the search (default 4)");
        var threads = CommonOptions.Threads();
        var force = CommonOptions.Force();
        var quiet = CommonOptions.Quiet();
        var command = new Command("optimize", "Search allocations of a budget over locations against smugglers who learn and reroute; compare the best with uniform, proportional and the scenario's own scaled to the same budget on fresh seeds; stop when the search converges")
        {
            file, budget, locations, minimum, maximum, objective, commodity, deathWeight, window, start, output, seed, replications, iterations, population, searchReplications, threads, force, quiet,
        };
        command.SetAction(parsed => Run(terminal, parsed.GetValue(file)!, parsed.GetValue(budget), parsed.GetValue(locations), parsed.GetValue(minimum), parsed.GetValue(maximum),
            parsed.GetValue(objective)!, parsed.GetValue(commodity), parsed.GetValue(deathWeight), parsed.GetValue(window), parsed.GetValue(start), parsed.GetValue(output),
            parsed.GetValue(seed), parsed.GetValue(replications) ?? 20,
            new CrossEntropySearch(parsed.GetValue(iterations) ?? 10, parsed.GetValue(population) ?? 24, parsed.GetValue(searchReplications) ?? 4),
            parsed.GetValue(threads) ?? RunSettings.DefaultThreads, parsed.GetValue(force), parsed.GetValue(quiet)));
        return command;
    }

    private static int Run(Terminal terminal, string file, double budget, string[]? locations, string[]? minimum, string[]? maximum, string objectiveKind,
        string? commodity, double deathWeight, string? windowText, int? start, string? output, ulong? seed, int replications, CrossEntropySearch search,
        int threads, bool force, bool quiet)
    {
        Startup.CompileAhead.Start();
        var loaded = ScenarioFile.Load(file, LoadOptions.ForThisMachine() with { ConcurrentReplications = threads });
        if (!loaded.Ok) return ErrorList.Report(terminal, loaded.Errors);
        var scenario = loaded.Scenario!;
        var model = loaded.Model!;

        int Usage(string message)
        {
            terminal.Fail($"routesim: {message}");
            return ExitCodes.Usage;
        }
        var window = Window.All(scenario.Periods);
        if (windowText is not null)
        {
            if (Window.Parse(windowText, scenario.Periods, out var problemText) is not { } w) return Usage(problemText!);
            window = w;
        }
        if (budget <= 0 || !double.IsFinite(budget) || budget != Math.Floor(budget) || budget > int.MaxValue)
            return Usage($"--budget must be a positive whole number of resource units, got {budget.ToString(CultureInfo.InvariantCulture)}");
        var eligible = locations is { Length: > 0 }
            ? locations.SelectMany(l => l.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray()
            : scenario.Nodes.Where(n => n.Kind == NodeKind.Crossing).Select(n => n.Id).ToArray();
        var unknown = eligible.Where(id => Array.IndexOf(model.LocationIds, id) < 0).ToArray();
        if (unknown.Length > 0) return Usage($"--locations: unknown location(s) {string.Join(", ", unknown)} in {file}");
        if (commodity is not null && Array.IndexOf(model.CommodityIds, commodity) < 0) return Usage($"--commodity: unknown commodity '{commodity}' in {file}");
        if (Bounds(minimum, eligible, 0, "--min", terminal) is not { } low || Bounds(maximum, eligible, budget, "--max", terminal) is not { } high) return ExitCodes.Usage;
        int from = start ?? window.From;
        if (from < 0 || from >= scenario.Periods) return Usage($"--start must be a period of the run (0 to {scenario.Periods - 1})");
        if (low.Sum(Math.Ceiling) > budget || high.Sum(Math.Floor) < budget) return Usage("--min and --max leave no allocation of the budget in whole units");

        var objective = new Objective(objectiveKind, window, commodity, deathWeight);
        var problem = new AllocationProblem(model, eligible, budget, low, high, from, objective);
        ulong searchSeed = seed ?? scenario.Seed;
        ulong freshSeed = Seeds.FreshEvaluation(searchSeed);
        string target = output ?? Path.Combine("results", Path.GetFileNameWithoutExtension(file) + "-optimize");

        return ResultsFolderWork.Run(terminal, target, force, (folder, cancellation) =>
        {
            var started = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            var result = RunProgress.Track(terminal, quiet, $"optimize {scenario.Name}", search.Iterations * search.Population, progress =>
                search.Run(problem, searchSeed, threads, (iteration, candidate) => progress(iteration * search.Population + candidate + 1), cancellation), "candidates");
            var rivals = AllocationEvaluation.Rivals(problem, searchSeed, search.Replications, threads);
            string reference = rivals.Any(r => r.Name == AllocationEvaluation.OwnScaled) ? AllocationEvaluation.OwnScaled : "uniform";
            var evaluation = AllocationEvaluation.Run(problem, [("best found", result.Best), .. rivals], reference, freshSeed, replications, threads, cancellation);

            OptimizationWriter.Write(problem, result, evaluation, folder.Staging);
            OptimizationFigures.Save(OptimizationFigures.All(problem, evaluation), Path.Combine(folder.Staging, "figures"));
            var manifest = new OptimizationManifest(scenario.Name, Path.GetFullPath(file), ScenarioFile.Sha256(file), budget, objective.Describe(), window.ToString(), from,
                eligible, searchSeed, search.Iterations, search.Population, search.Replications, result.Trace.Count, result.Converged, search.ConvergedSpread(budget),
                freshSeed, replications, CommonOptions.Version, threads,
                started, clock.Elapsed.TotalSeconds, Environment.CommandLine);
            File.WriteAllText(Path.Combine(folder.Staging, "manifest.json"), manifest.ToJson());
            folder.Commit();
            Report(terminal, problem, result, search, evaluation, folder.Target);
            return ExitCodes.Ok;
        });
    }

    private static double[]? Bounds(string[]? values, string[] eligible, double fallback, string name, Terminal terminal)
    {
        var bounds = Enumerable.Repeat(fallback, eligible.Length).ToArray();
        foreach (var value in values ?? [])
        {
            var parts = value.Split('=');
            if (!double.TryParse(parts[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < 0)
            {
                terminal.Fail($"routesim: {name} {value}: expected a non-negative number, or LOCATION=NUMBER");
                return null;
            }
            if (parts.Length == 1) Array.Fill(bounds, v);
            else if (Array.IndexOf(eligible, parts[0]) is var i and >= 0) bounds[i] = v;
            else
            {
                terminal.Fail($"routesim: {name} {value}: {parts[0]} is not an eligible location");
                return null;
            }
        }
        return bounds;
    }

    private static void Report(Terminal terminal, AllocationProblem problem, SearchResult search, CrossEntropySearch settings, AllocationEvaluation evaluation, string folder)
    {
        string Cell(RouteSim.Core.Statistics.Summary? s) => s is { } v && !double.IsNaN(v.CiLow)
            ? string.Create(CultureInfo.InvariantCulture, $"{v.Mean:#,0.#} [{v.CiLow:#,0.#}, {v.CiHigh:#,0.#}]") : "";
        var table = new Table().Title(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{problem.Objective.Describe()}, allocations of {problem.Budget:#,0} units, fresh seeds: mean [95% interval]")));
        table.AddColumn("allocation").AddColumn(new TableColumn("objective").RightAligned()).AddColumn(new TableColumn($"minus {evaluation.Reference}").RightAligned());
        foreach (var a in evaluation.OfTheBudget(problem.Budget))
            table.AddRow(new IRenderable[] { new Text(a.Name), new Text(Cell(a.Objective)), new Text(a.Name == evaluation.Reference ? "" : Cell(a.DifferenceFromReference)) });
        terminal.OutConsole.Write(table);
        foreach (var a in evaluation.Allocations.Where(a => !evaluation.OfTheBudget(problem.Budget).Contains(a)))
            terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{a.Name} at its own size ({a.Total:#,0.##} units, not the same budget, so not compared above): {Cell(a.Objective)}"));

        var best = evaluation.Allocations[0];
        var placed = Enumerable.Range(0, problem.Locations.Count).Where(i => best.Allocation[i] > 0).OrderByDescending(i => best.Allocation[i]).ThenBy(i => i).ToArray();
        var shown = placed.Take(8).ToArray();
        string Units(double v) => v.ToString("#,0", CultureInfo.InvariantCulture);
        var text = string.Join(", ", shown.Select(i => $"{problem.Locations[i]} {Units(best.Allocation[i])}"));
        if (placed.Length > shown.Length)
            text += $", {Units(placed.Skip(shown.Length).Sum(i => best.Allocation[i]))} more at {placed.Length - shown.Length} other locations";
        terminal.Out.WriteLine($"{best.Name} places {Units(best.Total)} units: {text}");
        var last = search.Trace[^1];
        terminal.Out.WriteLine(search.Converged
            ? string.Create(CultureInfo.InvariantCulture, $"search converged after {search.Trace.Count} of {settings.Iterations} iterations (candidates' spread {last.Spread:0.##} units, tolerance {settings.ConvergedSpread(problem.Budget):0.##})")
            : string.Create(CultureInfo.InvariantCulture, $"search did not converge in {settings.Iterations} iterations (candidates' spread {last.Spread:0.##} units, tolerance {settings.ConvergedSpread(problem.Budget):0.##}): more --iterations may find better"));
        terminal.Out.WriteLine($"results: {folder}");
    }
}
