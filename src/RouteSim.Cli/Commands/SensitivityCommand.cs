using System.CommandLine;
using System.Globalization;
using RouteSim.Analysis.Designs;
using RouteSim.Analysis.Sensitivity;
using RouteSim.Cli.Console;
using RouteSim.Core.Randomness;
using RouteSim.Plotting;
using RouteSim.Results.Reading;
using RouteSim.Results.Sweeps;
using Spectre.Console;

namespace RouteSim.Cli.Commands;

/// <summary><c>routesim sensitivity SWEEP_RESULTS</c>: Sobol indices (saltelli design) or Morris statistics (morris design) of every outcome.</summary>
public static class SensitivityCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Terminal terminal)
    {
        var folder = new Argument<string>("sweep-results") { Description = "A finished sweep folder (from routesim sweep or routesim merge)" };
        var output = new Option<string?>("--out", "-o") { Description = "Where to write sensitivity.csv and the charts (default: SWEEP_RESULTS/sensitivity)" };
        var resamples = CommonOptions.AtLeast("--resamples", 100, "Bootstrap resamples for the 95% intervals (default 1000)");
        var seed = new Option<ulong>("--seed") { Description = "Seed of the bootstrap resamples", DefaultValueFactory = _ => Seeds.DefaultSensitivityBootstrap };
        var force = CommonOptions.Force();
        var quiet = CommonOptions.Quiet();
        var command = new Command("sensitivity", "Global sensitivity of a sweep's outcomes: Sobol indices from a saltelli design, Morris mu* and sigma from a morris design")
        {
            folder, output, resamples, seed, force, quiet,
        };
        command.SetAction(parsed => Run(terminal, parsed.GetValue(folder)!, parsed.GetValue(output), parsed.GetValue(resamples) ?? Bootstrap.DefaultResamples,
            parsed.GetValue(seed), parsed.GetValue(force), parsed.GetValue(quiet)));
        return command;
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(Terminal terminal, string path, string? output, int resamples, ulong seed, bool force, bool quiet)
    {
        var provenance = Manifests.Start(Environment.CommandLine, null);
        SweepFolder sweep;
        Design design;
        try
        {
            sweep = SweepFolder.Read(path);
            design = sweep.Design();
        }
        catch (ResultsReadException e)
        {
            terminal.Fail($"routesim: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        if (design.Kind is not (DesignKind.Saltelli or DesignKind.Morris))
        {
            terminal.Fail($"routesim: {path}: a {design.KindName} design gives no sensitivity indices; sweep with design kind saltelli (Sobol) or morris (screening)");
            return ExitCodes.InvalidInput;
        }

        var analysis = SensitivityAnalysis.Run(design, sweep.Document.Outcomes.Select(o => (o.Name, sweep.Means(o.Name))), resamples, seed);
        var (sobol, morris) = (analysis.Sobol, analysis.Morris);
        foreach (var s in analysis.Skipped) terminal.Fail($"routesim: skipped {s}");
        foreach (var w in analysis.Warnings) terminal.Fail($"routesim: warning: {w}");
        if (sobol.Count + morris.Count == 0)
        {
            terminal.Fail("routesim: no outcome could be analysed");
            return ExitCodes.InvalidInput;
        }

        string target = output ?? Path.Combine(path, "sensitivity");
        return ResultsFolderWork.Run(terminal, target, force, (folder, _) =>
        {
            SensitivityWriter.Write(folder.Staging, sobol, morris, analysis.Skipped, sweep.Document, path, resamples, seed, provenance);
            FigureFiles.Save([.. sobol.Select(s => SensitivityFigures.Sobol(s.Item1, s.Item2)), .. morris.Select(m => SensitivityFigures.Morris(m.Item1, m.Item2))], folder.Staging);
            folder.Commit();
            Print(terminal, sweep, sobol, morris, folder.Target, resamples);
            return ExitCodes.Ok;
        });
    }

    private static void Print(Terminal terminal, SweepFolder sweep, IReadOnlyList<(string Outcome, IReadOnlyList<SobolIndex> Indices)> sobol,
        IReadOnlyList<(string Outcome, IReadOnlyList<MorrisEffect> Effects)> morris, string target, int resamples)
    {
        static string F(double x) => double.IsFinite(x) ? x.ToString("0.000", CultureInfo.InvariantCulture) : "-";
        static string I(Interval i) => Markup.Escape($"{F(i.Estimate)} [{F(i.Low)}, {F(i.High)}]");
        foreach (var (outcome, indices) in sobol)
        {
            var table = new Table().Title(Markup.Escape($"{outcome}: Sobol indices, 95% bootstrap intervals ({resamples} resamples of {sweep.Document.BaseSamples} base rows)"));
            table.AddColumn("parameter").AddColumn(new TableColumn("first order S1").RightAligned()).AddColumn(new TableColumn("total ST").RightAligned());
            foreach (var i in indices.OrderByDescending(i => i.Total.Estimate)) table.AddRow(Markup.Escape(i.Factor), I(i.First), I(i.Total));
            terminal.OutConsole.Write(table);
        }
        foreach (var (outcome, effects) in morris)
        {
            var table = new Table().Title(Markup.Escape($"{outcome}: Morris elementary effects ({sweep.Document.Trajectories} trajectories, {sweep.Document.Levels} levels)"));
            table.AddColumn("parameter").AddColumn(new TableColumn(Markup.Escape("mu* [95%]")).RightAligned()).AddColumn(new TableColumn("mu").RightAligned()).AddColumn(new TableColumn("sigma").RightAligned());
            foreach (var e in effects.OrderByDescending(e => e.MuStar.Estimate)) table.AddRow(Markup.Escape(e.Factor), I(e.MuStar), F(e.Mu), F(e.Sigma));
            terminal.OutConsole.Write(table);
        }
        terminal.Out.WriteLine($"results: {target}");
    }
}
