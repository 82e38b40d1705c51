using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using RouteSim.Analysis.Calibration;
using RouteSim.Cli.Console;
using RouteSim.Experiments.Calibration;
using RouteSim.Plotting;
using RouteSim.Results.Calibration;
using RouteSim.Scenarios;

namespace RouteSim.Cli.Commands;

/// <summary><c>routesim calibrate CALIBRATION</c>: fits scenario parameters to an observed table by Nelder-Mead on a common-random-numbers loss.</summary>
public static class CalibrateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Terminal terminal)
    {
        var file = new Argument<string>("calibration") { Description = "Calibration file (YAML)" };
        var output = new Option<string?>("--out", "-o") { Description = "Results folder (default: results/<calibration file name>)" };
        var threads = CommonOptions.Threads();
        var evaluations = CommonOptions.AtLeast("--max-evaluations", 1, "Most loss evaluations (default: the file's fit.max_evaluations)");
        var force = CommonOptions.Force();
        var quiet = CommonOptions.Quiet();
        var command = new Command("calibrate", "Fit scenario parameters to observed data (Nelder-Mead, common random numbers) and predict the keys asked for")
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
        string lossMeaning = calibration.Scale == FitScale.Shares ? "mean squared error of shares (percentage points squared)" : "mean squared relative error of counts";

        return ResultsFolderWork.Run(terminal, target, force, (folder, cancellation) =>
        {
            var started = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            var fit = RunProgress.Track(terminal, quiet, $"{calibration.Name}: fitting {parameters.Length} parameters", budget, progress =>
                NelderMeadFit.MinimizeFromSeveralStarts(parameters, values => calibration.Loss(values, threads, options, cancellation), calibration.Starts, budget,
                    calibration.Tolerance, calibration.Step, calibration.Seed, e => progress(e.Evaluation + 1), cancellation), "evaluations");

            var simulated = calibration.Simulate(fit.Best, calibration.PredictReplications, threads, options, out var problem, cancellation)
                ?? throw new InvalidOperationException($"the best point found does not load: {problem}");
            var names = parameters.Select(p => p.Name).ToArray();
            var fitted = calibration.Parameters.Select((p, i) => new FittedParameter(p.Parameter.Name, p.Path.Text, p.Parameter.Lower, p.Parameter.Upper,
                p.Parameter.Log ? "log" : "linear", p.Parameter.Start, fit.Best[i])).ToArray();

            File.WriteAllText(folder.File("fitted.yaml"), calibration.Scenario.Write(calibration.Parameters.Select(p => p.Path).ToArray(), fit.Best,
                $"Fitted by routesim calibrate {Path.GetFileName(file)} (routesim {CommonOptions.Version}).\n" +
                string.Join('\n', fitted.Select(p => $"{p.Path} = {p.Fitted.ToString("R", CultureInfo.InvariantCulture)}"))));
            CalibrationWriter.Parameters(folder.File("parameters.csv"), fitted);
            CalibrationWriter.Trace(folder.File("loss_trace.csv"), names, fit);
            var predicted = Forecast.Predict(simulated, calibration.Observed, calibration.Scale, calibration.CountScale, calibration.Anchored);
            CalibrationWriter.Fit(folder.File("fit.csv"), calibration.AllObserved, calibration.Observed.Keys, simulated, predicted, calibration.Scale, calibration.CountScale);
            string predictions = CalibrationWriter.Predictions(folder.Staging, calibration.Observed.KeyColumn, calibration.Observed.Targets, predicted,
                calibration.PredictKeys, calibration.Scale, calibration.TargetName);

            var observedRows = calibration.AllObserved.Keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => Forecast.Compared(calibration.AllObserved.Values[p.i], calibration.Scale, 1));
            string valueName = calibration.Scale == FitScale.Shares ? "share of the row's total" : "count";
            OptimizationFigures.Save(
            [
                CalibrationFigures.ObservedAgainstSimulated(calibration.Name, calibration.Observed.KeyColumn, valueName, calibration.Observed.Targets,
                    observedRows, predicted, calibration.Observed.Keys.Max(), calibration.Anchored),
                CalibrationFigures.LossTrace(fit, lossMeaning),
            ], folder.Staging);

            double seconds = clock.Elapsed.TotalSeconds;
            var manifest = new CalibrationManifest(calibration.Name, Path.GetFullPath(file), ScenarioFile.Sha256(file), Path.GetFullPath(calibration.Scenario.File),
                ScenarioFile.Sha256(calibration.Scenario.File), Path.GetFullPath(calibration.ObservedFile), ScenarioFile.Sha256(calibration.ObservedFile),
                calibration.Scale.ToString().ToLowerInvariant(), fitted, calibration.Replications, calibration.Seed, fit.Trace.Count, fit.StopReason, fit.BestLoss,
                lossMeaning, predictions, calibration.Anchored ? "last_fitted" : "none", calibration.PredictReplications, CommonOptions.Version, threads, started, seconds, commandLine);
            File.WriteAllText(folder.File("manifest.json"), manifest.ToJson());
            folder.Commit();

            // --quiet hides progress only: the results and where they went are always printed.
            terminal.Out.WriteLine($"{calibration.Name}: {fit.Trace.Count} evaluations in {seconds:0.0} s; {fit.StopReason}");
            terminal.Out.WriteLine(calibration.Scale == FitScale.Shares
                ? $"best loss {fit.BestLoss:0.###} ({lossMeaning}): root mean square error {Math.Sqrt(fit.BestLoss):0.00} percentage points"
                : $"best loss {fit.BestLoss:0.####} ({lossMeaning}): typical error {100 * Math.Sqrt(fit.BestLoss):0.0}%");
            foreach (var p in fitted) terminal.Out.WriteLine($"  {p.Name} = {p.Fitted:G6}   (start {p.Start:G6}, bounds {p.Min:G6} to {p.Max:G6})");
            terminal.Out.WriteLine($"results: {folder.Target}");
            return ExitCodes.Ok;
        });
    }
}
