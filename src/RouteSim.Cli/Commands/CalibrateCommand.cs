using System.CommandLine;
using RouteSim.Analysis.Calibration;
using RouteSim.Cli.Console;
using RouteSim.Experiments.Calibration;
using RouteSim.Plotting;
using RouteSim.Results.Calibration;
using RouteSim.Scenarios;

namespace RouteSim.Cli.Commands;

/// <summary><c>routesim calibrate CALIBRATION</c>: fits scenario parameters to an observed table by least squares (or Nelder-Mead) on a common-random-numbers loss.</summary>
public static class CalibrateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Terminal terminal)
    {
        var file = new Argument<string>("calibration") { Description = "Calibration file (YAML)" };
        var output = new Option<string?>("--out", "-o") { Description = "Results folder (default: results/<calibration file name>)" };
        var threads = CommonOptions.Threads();
        var evaluations = new Option<int?>("--max-evaluations")
        {
            Description = $"Most loss evaluations, 1 to {CalibrationFormat.MaxEvaluationsLimit.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)} (default: the file's fit.max_evaluations)",
            CustomParser = r => (int?)OptionParsing.Whole(r, "--max-evaluations", 1, CalibrationFormat.MaxEvaluationsLimit),
        };
        var force = CommonOptions.Force();
        var quiet = CommonOptions.Quiet();
        var command = new Command("calibrate", "Fit scenario parameters to observed data (least squares or Nelder-Mead, common random numbers) and predict the keys asked for")
        {
            file, output, threads, evaluations, force, quiet,
        };
        command.SetAction(parsed => Run(terminal, parsed.GetValue(file)!, parsed.GetValue(output), parsed.GetValue(threads), parsed.GetValue(evaluations),
            parsed.GetValue(force), parsed.GetValue(quiet), Environment.CommandLine));
        return command;
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(Terminal terminal, string file, string? output, int? threadOption, int? maxEvaluations, bool force, bool quiet, string commandLine)
    {
        Startup.CompileAhead.Start();
        int threads = threadOption ?? Core.Engine.RunSettings.DefaultThreads;
        var options = LoadOptions.ForThisMachine() with { ConcurrentReplications = threads };
        var calibration = CalibrationFile.Load(file, options, out var errors);
        if (calibration is null) return ErrorList.Report(terminal, errors);
        string target = output ?? Path.Combine("results", Path.GetFileNameWithoutExtension(file));
        var parameters = calibration.Parameters.Select(p => p.Parameter).ToArray();
        int budget = maxEvaluations ?? calibration.MaxEvaluations;
        string lossMeaning = CalibrationFolderWriter.LossMeaning(calibration.Scale, calibration.Estimates.Count > 0);

        return ResultsFolderWork.Run(terminal, target, force, (folder, cancellation) =>
        {
            var provenance = Manifests.Start(commandLine, threads);
            var whole = System.Diagnostics.Stopwatch.StartNew();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var fit = RunProgress.Track(terminal, quiet, $"{calibration.Name}: fitting {parameters.Length} parameters", budget, progress =>
                calibration.Fit(budget, threads, options, e => progress(e.Evaluation + 1), cancellation), "evaluations");
            double fitSeconds = clock.Elapsed.TotalSeconds;

            clock.Restart();
            var forecast = CalibrationForecast.Build(calibration, fit.Best, threads, options, new TerminalPhases(terminal, quiet), cancellation);
            double forecastSeconds = clock.Elapsed.TotalSeconds;
            var manifest = CalibrationFolderWriter.Write(folder.Staging, calibration, fit, forecast,
                (Manifests.Input(file), Manifests.Input(calibration.Scenario.File), Manifests.Input(calibration.ObservedFile)), provenance, budget);
            FigureFiles.Save(CalibrationFigures.All(calibration.Name, calibration.AllObserved, calibration.Observed.Keys.Max(), calibration.Scale, calibration.Labels,
                calibration.Groups, forecast.Predicted, calibration.Anchored, forecast.Intervals, fit, lossMeaning), folder.Staging);
            folder.Commit();
            double totalSeconds = whole.Elapsed.TotalSeconds;

            // --quiet hides progress only: the results and where they went are always printed.
            {
                var estimates = manifest.Estimates ?? [];
                int draws = calibration.Intervals?.Draws ?? 0;
                terminal.Out.WriteLine($"{calibration.Name}: " + CalibrationSummary.Timing(fit.Trace.Count, fitSeconds, forecastSeconds, totalSeconds,
                    draws > 0 ? 2 * parameters.Length + 1 : 0, draws));
                terminal.Out.WriteLine(fit.StopReason);
                terminal.Out.WriteLine(CalibrationSummary.Loss(fit.BestLoss, calibration.Scale, estimates.Count > 0, lossMeaning));
                foreach (var p in manifest.Parameters)
                    terminal.Out.WriteLine($"  {p.Name} = {p.Fitted:G6}" + (p.CiLow is { } low ? $" (95% {low:G4} to {p.CiHigh:G4})" : "") + $"   (start {p.Start:G6}, bounds {p.Min:G6} to {p.Max:G6})");
                if (estimates.Count > 0)
                {
                    // The loss also counts the estimates; the cells' own error is what the fit achieved on the table.
                    double cellError = forecast.CellError(calibration);
                    terminal.Out.WriteLine(calibration.Scale == FitScale.Shares
                        ? $"fitted cells alone ({calibration.PredictReplications} replications): root mean square error {cellError:0.00} percentage points"
                        : $"fitted cells alone ({calibration.PredictReplications} replications): typical error {100 * cellError:0.0}%");
                }
                foreach (var e in estimates)
                    terminal.Out.WriteLine(CalibrationSummary.Estimate(e));
                foreach (var h in forecast.Holdout)
                    terminal.Out.WriteLine(CalibrationSummary.Holdout(h, calibration.Scale, forecast.Intervals is not null, manifest.Warning is not null));
                if (manifest.Warning is { } warning) terminal.Fail($"routesim: warning: {file}: {warning}");
                terminal.Out.WriteLine($"results: {folder.Target}");
            }
            return ExitCodes.Ok;
        });
    }
}
