using System.CommandLine;
using System.Globalization;
using RouteSim.Analysis.Counterfactuals;
using RouteSim.Cli.Console;
using RouteSim.Core.Engine;
using RouteSim.Plotting;
using RouteSim.Plotting.Text;
using RouteSim.Results.Reading;
using RouteSim.Results;
using RouteSim.Scenarios;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RouteSim.Cli.Commands;

/// <summary><c>routesim compare BASELINE INTERVENTION</c>: the paired counterfactual of docs/model.md section 8.</summary>
public static class CompareCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Terminal terminal)
    {
        var baseline = new Argument<string>("baseline") { Description = "Baseline scenario file" };
        var intervention = new Argument<string>("intervention") { Description = "Intervention scenario file: the same network, organizations and agents, other enforcement" };
        var output = new Option<string?>("--out", "-o") { Description = "Results folder (default: results/<baseline>-vs-<intervention>)" };
        var window = new Option<string?>("--window") { Description = "Evaluation window FROM:TO: periods FROM up to but not including TO (default: the whole run)" };
        var common = new SimulationOptions();
        var command = common.AddTo(new Command("compare", "Run a baseline and an intervention with common random numbers: displacement, deterrence, deaths, each with a 95% interval")
        {
            baseline, intervention, output, window,
        });
        command.SetAction(parsed => Run(terminal, new CompareRequest(
            parsed.GetValue(baseline)!, parsed.GetValue(intervention)!, parsed.GetValue(output), parsed.GetValue(window),
            parsed.GetValue(common.Seed), parsed.GetValue(common.Replications), parsed.GetValue(common.Threads), parsed.GetValue(common.Force), parsed.GetValue(common.Quiet),
            Environment.CommandLine) { Report = parsed.GetValue(common.Report) }));
        return command;
    }

    /// <summary>Runs a request; returns the exit code.</summary>
    public static int Run(Terminal terminal, CompareRequest request)
    {
        Startup.CompileAhead.Start();
        int threads = request.Threads ?? RunSettings.DefaultThreads;
        var options = LoadOptions.ForThisMachine() with { ConcurrentReplications = threads };
        var b = ScenarioFile.Load(request.Baseline, options);
        var x = ScenarioFile.Load(request.Intervention, options);
        if (!b.Ok || !x.Ok) return ErrorList.Report(terminal, b.Errors.Concat(x.Errors));
        var baselineScenario = b.Scenario!;
        var interventionScenario = x.Scenario!;

        var differences = ScenarioPairing.Differences(baselineScenario, interventionScenario);
        if (differences.Count > 0)
        {
            foreach (var d in differences) terminal.Fail($"{request.Intervention}: cannot be paired with {request.Baseline}: {d}");
            return ExitCodes.InvalidInput;
        }

        int periods = baselineScenario.Periods;
        var window = Window.All(periods);
        if (request.Window is { } text)
        {
            if (Window.Parse(text, periods, out var problem) is not { } parsed)
            {
                terminal.Fail($"routesim: {problem}");
                return ExitCodes.Usage;
            }
            window = parsed;
        }

        var settings = new RunSettings(request.Seed ?? baselineScenario.Seed, request.Replications ?? baselineScenario.Replications, threads);
        string target = request.Out ?? Path.Combine("results",
            $"{Path.GetFileNameWithoutExtension(request.Baseline)}-vs-{Path.GetFileNameWithoutExtension(request.Intervention)}");

        return ResultsFolderWork.Run(terminal, target, request.Force, (folder, cancellation) =>
        {
            RunProgress.Track(terminal, request.Quiet, $"{baselineScenario.Name} vs {interventionScenario.Name}", 2 * settings.Replications, progress =>
                ComparisonFolderWriter.Write(folder.Staging, new ComparisonArm(b.Model!, Manifests.Input(request.Baseline)), new ComparisonArm(x.Model!, Manifests.Input(request.Intervention)),
                    settings, window, Manifests.Start(request.CommandLine, threads), progress, cancellation));
            folder.Commit();
            // --quiet hides progress only: the results and where they went are always printed.
            if (request.Report && ReportCommand.Run(terminal, folder.Target) != ExitCodes.Ok) return ExitCodes.InvalidInput;
            Report(terminal, folder.Target, Console.AdaptationNote.ForComparison(baselineScenario, interventionScenario));
            return ExitCodes.Ok;
        });
    }

    /// <summary>Prints what the folder holds as a reader should meet it: the plain sentences, the measures by commodity, the crossings that changed most.</summary>
    private static void Report(Terminal terminal, string folder, string? adaptation)
    {
        var comparison = ComparisonFolder.Open(folder);
        foreach (var sentence in ComparisonStory.Sentences(comparison)) terminal.Out.WriteLine(sentence);
        terminal.Out.WriteLine();

        var measures = MeasureTable.From(comparison);
        var table = new Table().Title(Markup.Escape("Measures over the window, mean [95% interval]")).AddColumn("measure");
        foreach (var column in measures.Columns) table.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned());
        foreach (var row in measures.Rows) Row(table, [row.Measure.Label, .. row.Cells.Select(c => c.ToString())]);
        terminal.OutConsole.Write(table);
        for (int i = 0; i < measures.Notes.Count; i++) terminal.Out.WriteLine($"[{i + 1}] {measures.Notes[i]}");

        var labels = comparison.Baseline.Nodes.ToDictionary(n => n.Id, n => n.Label, StringComparer.Ordinal);
        var changed = comparison.Locations.OrderByDescending(l => Math.Abs(l.Change)).Take(ComparisonFigures.Crossings).ToArray();
        var crossings = new Table().Title(Markup.Escape($"The {changed.Length} crossings whose flow changed most (of {comparison.Locations.Count}; all in comparison_locations.csv), crossings over the window"))
            .AddColumn("crossing").AddColumn("targeted")
            .AddColumn(new TableColumn("baseline").RightAligned()).AddColumn(new TableColumn("intervention").RightAligned())
            .AddColumn(new TableColumn("change").RightAligned()).AddColumn(new TableColumn("95% interval").RightAligned());
        foreach (var l in changed)
            Row(crossings, Named(labels.GetValueOrDefault(l.Location, l.Location), l.Location), ComparisonStory.TargetedCell(l),
                Quantities.Count(l.Baseline), Quantities.Count(l.Intervention), Quantities.Count(l.Change, signed: true),
                $"{Quantities.Count(l.ChangeLow, signed: true)} to {Quantities.Count(l.ChangeHigh, signed: true)}");
        terminal.OutConsole.Write(crossings);
        if (adaptation is not null) terminal.Out.WriteLine(adaptation);
        terminal.Out.WriteLine($"results: {folder}");
    }

    private static string Named(string label, string id) => label.Length == 0 || label == id ? id : $"{label} ({id})";

    private static void Row(Table table, params string[] cells) => table.AddRow(cells.Select(c => (IRenderable)new Text(c)).ToArray());
}

/// <summary>What the user asked <c>routesim compare</c> to do.</summary>
public sealed record CompareRequest(string Baseline, string Intervention, string? Out, string? Window, ulong? Seed, int? Replications, int? Threads, bool Force, bool Quiet, string CommandLine)
{
    /// <summary>Also draw figures and write report.html.</summary>
    public bool Report { get; init; }
}
