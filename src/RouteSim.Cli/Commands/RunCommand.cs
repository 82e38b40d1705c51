using System.CommandLine;
using System.Globalization;
using RouteSim.Cli.Console;
using RouteSim.Core.Engine;
using RouteSim.Results;
using RouteSim.Scenarios;
using Spectre.Console;

namespace RouteSim.Cli.Commands;

/// <summary><c>routesim run SCENARIO</c>: runs the replications and writes a results folder.</summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Terminal terminal)
    {
        var file = new Argument<string>("scenario") { Description = "Scenario file" };
        var output = new Option<string?>("--out", "-o") { Description = "Results folder (default: results/<scenario file name>)" };
        var common = new SimulationOptions();
        var command = common.AddTo(new Command("run", "Run a scenario's replications and write tidy CSVs, a summary and a manifest") { file, output });
        command.SetAction(parsed => Run(terminal, new RunRequest(
            parsed.GetValue(file)!,
            parsed.GetValue(output),
            parsed.GetValue(common.Seed),
            parsed.GetValue(common.Replications),
            parsed.GetValue(common.Threads),
            parsed.GetValue(common.Force),
            parsed.GetValue(common.Quiet),
            Environment.CommandLine) { Report = parsed.GetValue(common.Report) }));
        return command;
    }

    /// <summary>Runs a request; returns the exit code.</summary>
    public static int Run(Terminal terminal, RunRequest request)
    {
        Startup.CompileAhead.Start();
        int threads = request.Threads ?? RunSettings.DefaultThreads;
        var loaded = ScenarioFile.Load(request.Scenario, LoadOptions.ForThisMachine() with { ConcurrentReplications = threads });
        if (!loaded.Ok) return ErrorList.Report(terminal, loaded.Errors);
        var scenario = loaded.Scenario!;
        var model = loaded.Model!;
        var settings = new RunSettings(request.Seed ?? scenario.Seed, request.Replications ?? scenario.Replications, threads);
        string target = request.Out ?? Path.Combine("results", Path.GetFileNameWithoutExtension(request.Scenario));

        return ResultsFolderWork.Run(terminal, target, request.Force, (folder, cancellation) =>
        {
            var record = RunProgress.Track(terminal, request.Quiet, scenario.Name, settings.Replications, progress =>
                RunFolderWriter.Write(folder.Staging, model, Manifests.Input(request.Scenario), settings, Manifests.Start(request.CommandLine, threads), progress, cancellation));
            folder.Commit();
            // --quiet hides progress only: the results and where they went are always printed.
            if (request.Report && ReportCommand.Run(terminal, folder.Target) != ExitCodes.Ok) return ExitCodes.InvalidInput;
            Report(terminal, model, record.Summary, folder.Target, record.Manifest);
            return ExitCodes.Ok;
        }, existing => Manifests.IsSameRun(existing, request.Scenario, settings));
    }

    /// <summary>
    /// Where the flow went: mean traversals per period at each crossing, in each phase of the enforcement
    /// schedule (the stretches between events), so displacement shows at a glance.
    /// </summary>
    private static Table CrossingFlows(CompiledScenario model, RunSummary summary)
    {
        var scenario = model.Scenario;
        var cuts = scenario.Enforcement.Events.Select(e => e.Period).Where(p => p > 0).Append(0).Append(scenario.Periods).Distinct().Order().ToArray();
        var table = new Table().Title(Markup.Escape($"Mean traversals per {scenario.PeriodUnit} at each crossing, by enforcement phase"));
        table.AddColumn("crossing");
        for (int i = 0; i + 1 < cuts.Length; i++)
            table.AddColumn(new TableColumn(Markup.Escape($"{scenario.PeriodUnit}s {cuts[i]}-{cuts[i + 1] - 1}")).RightAligned());
        for (int l = 0; l < model.LocationCount; l++)
        {
            if (scenario.Nodes[l].Kind != RouteSim.Core.Model.NodeKind.Crossing) continue;
            var cells = new List<string> { model.LocationIds[l] };
            for (int i = 0; i + 1 < cuts.Length; i++)
            {
                double sum = 0;
                for (int t = cuts[i]; t < cuts[i + 1]; t++)
                    for (int k = 0; k < model.CommodityCount; k++)
                        if (model.LocationCarries[l * model.CommodityCount + k]) sum += summary.Location(t, l, k, LocationMetric.Traversals).Mean;
                cells.Add((sum / (cuts[i + 1] - cuts[i])).ToString("#,0.0", CultureInfo.InvariantCulture));
            }
            table.AddRow(cells.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c)).ToArray());
        }
        return table;
    }

    /// <summary>
    /// The headline: each organization's totals over the run, with 95% intervals. The seconds and the rate are
    /// manifest.json's (simulating and writing the per-replication tables; summary.csv is written after).
    /// </summary>
    private static void Report(Terminal terminal, CompiledScenario model, RunSummary summary, string folder, RunManifest manifest)
    {
        var scenario = model.Scenario;
        terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenario.Name}: {summary.Count} replications of {scenario.Periods} {scenario.PeriodUnit}s, simulated and written in {manifest.WallSeconds:0.00} s ({manifest.DecisionsPerSecond / 1e6:0.0} million agent-decisions/s)"));
        var table = new Table().Title(Markup.Escape("Totals over the run: mean [95% interval] per replication"));
        table.AddColumn("organization");
        foreach (var metric in Metrics.Headline) table.AddColumn(new TableColumn(metric.Name).RightAligned());
        foreach (var plan in model.Organizations)
        {
            string Cell(OrganizationMetric metric)
            {
                // No trip of a commodity that carries no people can end in a death: not a measured zero.
                if (metric == OrganizationMetric.Deaths && !scenario.Commodities[plan.Commodity].CarriesPeople) return "n/a (carries no people)";
                var s = summary.Organization(null, plan.Index, metric);
                return double.IsNaN(s.CiLow)
                    ? s.Mean.ToString("#,0.0", CultureInfo.InvariantCulture)
                    : string.Create(CultureInfo.InvariantCulture, $"{s.Mean:#,0.0} [{s.CiLow:#,0.0}, {s.CiHigh:#,0.0}]");
            }
            table.AddRow(Metrics.Headline.Select(m => Cell(m.Id)).Prepend(plan.Organization.Id).Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c)).ToArray());
        }
        terminal.OutConsole.Write(table);
        terminal.OutConsole.Write(CrossingFlows(model, summary));
        if (Console.AdaptationNote.ForRun(scenario) is { } adapts) terminal.Out.WriteLine(adapts);
        terminal.Out.WriteLine($"results: {folder}");
    }
}

/// <summary>What the user asked <c>routesim run</c> to do.</summary>
public sealed record RunRequest(string Scenario, string? Out, ulong? Seed, int? Replications, int? Threads, bool Force, bool Quiet, string CommandLine)
{
    /// <summary>Also draw figures and write report.html.</summary>
    public bool Report { get; init; }
}
