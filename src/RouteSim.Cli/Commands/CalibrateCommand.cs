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
        string lossMeaning = (calibration.Scale == FitScale.Shares ? "mean squared error of shares (percentage points squared)" : "mean squared relative error of counts")
            + (calibration.Estimates.Count > 0 ? ", with the outside estimates' residuals" : "");

        return ResultsFolderWork.Run(terminal, target, force, (folder, cancellation) =>
        {
            var started = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            var fit = RunProgress.Track(terminal, quiet, $"{calibration.Name}: fitting {parameters.Length} parameters", budget, progress =>
                NelderMeadFit.MinimizeFromSeveralStarts(parameters, values => calibration.Loss(values, threads, options, cancellation), calibration.Starts, budget,
                    calibration.Tolerance, calibration.Step, calibration.Seed, e => progress(e.Evaluation + 1), cancellation), "evaluations");

            var groups = calibration.Groups;
            var simulated = calibration.Simulate(fit.Best, calibration.PredictReplications, threads, options, out var problem, cancellation)
                ?? throw new InvalidOperationException($"the best point found does not load: {problem}");
            var predicted = Forecast.Predict(simulated, calibration.Observed, calibration.Scale, calibration.CountScale, calibration.Anchored, groups);
            var names = parameters.Select(p => p.Name).ToArray();

            ParameterUncertainty? uncertainty = null;
            ForecastIntervals? intervals = null, parameterIntervals = null;
            IntervalManifest? intervalManifest = null;
            if (calibration.Intervals is { } settings)
            {
                uncertainty = RunProgress.Track(terminal, quiet, $"{calibration.Name}: curvature of the loss", 2 * parameters.Length + 1, progress =>
                {
                    int done = 0;
                    return ParameterUncertainty.Estimate(parameters, fit.Best, values =>
                    {
                        var residuals = calibration.Residuals(values, threads, options, cancellation);
                        progress(++done);
                        return residuals;
                    }, calibration.IndependentResiduals, settings.Step);
                }, "evaluations");
                ulong drawSeed = Core.Randomness.Seeds.CalibrationDraws(calibration.Seed);
                var draws = uncertainty.Draw(parameters, settings.Draws, drawSeed);
                var forecasts = RunProgress.Track(terminal, quiet, $"{calibration.Name}: forecasts of {settings.Draws} parameter draws", settings.Draws, progress =>
                    draws.Select((values, k) =>
                    {
                        // Each draw's forecast has its own random numbers, so the interval carries Monte Carlo noise too.
                        var run = calibration.Simulate(values, settings.Replications, threads, options, out var drawProblem, cancellation, Core.Randomness.Seeds.CalibrationDrawRuns(drawSeed, k))
                            ?? throw new InvalidOperationException($"a parameter draw does not load: {drawProblem}");
                        progress(k + 1);
                        return Forecast.Predict(run, calibration.Observed, calibration.Scale, calibration.CountScale, calibration.Anchored, groups);
                    }).ToArray(), "forecasts");
                intervals = parameterIntervals = ForecastIntervals.Percentile(forecasts);
                double[]? forecastError = null;
                if (settings.ForecastError)
                {
                    forecastError = CalibrationLoss.ChangeErrorByGroup(calibration.Observed, simulated, calibration.Scale, calibration.CountScale, groups);
                    long last = calibration.Observed.Keys.Max();
                    intervals = ForecastIntervals.Percentile(forecasts.Select((f, k) =>
                        ForecastIntervals.WithForecastError(f, last, forecastError, groups, calibration.Scale, Core.Randomness.Seeds.ForecastError(drawSeed, k))).ToArray());
                }
                intervalManifest = new IntervalManifest(
                    "parameters drawn from the normal approximation at the optimum (Gauss-Newton curvature of the loss, residual variance, weak prior within the bounds), each forecast simulated with its own seed" +
                    (settings.ForecastError ? ", plus the fit's own one-step anchored forecast error per group growing with the square root of the years ahead" : "") + "; 2.5 and 97.5 percentiles",
                    settings.Draws, settings.Replications, drawSeed, settings.Step, uncertainty.ResidualVariance, uncertainty.DegreesOfFreedom,
                    forecastError?.Select(e => double.IsNaN(e) ? (double?)null : e).ToArray());
            }
            var errors95 = uncertainty?.StandardErrors();
            var fitted = calibration.Parameters.Select((p, i) => new FittedParameter(p.Parameter.Name, p.Path.Text, p.Parameter.Lower, p.Parameter.Upper,
                p.Parameter.Log ? "log" : "linear", p.Parameter.Start, fit.Best[i],
                errors95 is null ? null : p.Parameter.FromFree(uncertainty!.Center[i] - 1.96 * errors95[i]),
                errors95 is null ? null : p.Parameter.FromFree(uncertainty!.Center[i] + 1.96 * errors95[i]))).ToArray();

            File.WriteAllText(folder.File("fitted.yaml"), calibration.Scenario.Write(calibration.Parameters.Select(p => p.Path).ToArray(), fit.Best,
                $"Fitted by routesim calibrate {Path.GetFileName(file)} (routesim {CommonOptions.Version}).\n" +
                string.Join('\n', fitted.Select(p => $"{p.Path} = {p.Fitted.ToString("R", CultureInfo.InvariantCulture)}"))));
            CalibrationWriter.Parameters(folder.File("parameters.csv"), fitted);
            CalibrationWriter.Trace(folder.File("loss_trace.csv"), names, fit);
            CalibrationWriter.Fit(folder.File("fit.csv"), calibration.AllObserved, calibration.Observed.Keys, simulated, predicted, calibration.Scale, calibration.CountScale,
                groups, intervals);
            string predictions = CalibrationWriter.Predictions(folder.Staging, calibration.Observed.KeyColumn, calibration.Labels, predicted,
                calibration.PredictKeys, calibration.Scale, calibration.TargetName, groups, calibration.GroupName, intervals);
            var holdout = HoldoutScore.Compute(calibration.AllObserved, calibration.Observed, predicted, intervals, calibration.Scale, groups);
            if (calibration.Intervals?.ForecastError == true)
            {
                // How many the intervals without the forecast error would have covered, to show what that term adds.
                var narrower = HoldoutScore.Compute(calibration.AllObserved, calibration.Observed, predicted, parameterIntervals, calibration.Scale, groups);
                holdout = holdout.Select((h, i) => h with { CoveredWithoutForecastError = narrower[i].Covered }).ToArray();
            }
            if (holdout.Count > 0) CalibrationWriter.Holdout(folder.File("holdout.csv"), calibration.GroupName, holdout);
            var estimates = calibration.Estimates.Select(e => e.Estimate).ToArray();
            if (estimates.Length > 0) CalibrationWriter.Estimates(folder.File("estimates.csv"), estimates, simulated.Estimates);

            var observedRows = calibration.AllObserved.Keys.Select((k, i) => (k, i))
                .ToDictionary(p => p.k, p => Forecast.Compared(calibration.AllObserved.Values[p.i], calibration.Scale, 1, groups));
            string valueName = calibration.Scale == FitScale.Shares ? "share of the row's total" : "count";
            var figures = new List<Figure>();
            for (int g = 0; g < groups.Names.Count; g++)
            {
                var members = Enumerable.Range(0, calibration.Labels.Count).Where(j => groups.Of[j] == g).ToArray();
                IReadOnlyDictionary<long, double[]> Pick(IReadOnlyDictionary<long, double[]> rows) => rows.ToDictionary(r => r.Key, r => members.Select(j => r.Value[j]).ToArray());
                var figure = CalibrationFigures.ObservedAgainstSimulated(groups.Several ? $"{calibration.Name}: {groups.Names[g]}" : calibration.Name,
                    calibration.Observed.KeyColumn, groups.Several ? $"share of {groups.Names[g]}" : valueName, members.Select(j => calibration.Labels[j]).ToArray(),
                    Pick(observedRows), Pick(predicted), calibration.Observed.Keys.Max(), calibration.Anchored,
                    intervals is null ? null : (Pick(intervals.Low), Pick(intervals.High)));
                figures.Add(groups.Several ? figure with { Name = $"{figure.Name}-{groups.Names[g]}" } : figure);
            }
            figures.Add(CalibrationFigures.LossTrace(fit, lossMeaning));
            OptimizationFigures.Save(figures, folder.Staging);

            double seconds = clock.Elapsed.TotalSeconds;
            var manifest = new CalibrationManifest(calibration.Name, Path.GetFullPath(file), ScenarioFile.Sha256(file), Path.GetFullPath(calibration.Scenario.File),
                ScenarioFile.Sha256(calibration.Scenario.File), Path.GetFullPath(calibration.ObservedFile), ScenarioFile.Sha256(calibration.ObservedFile),
                calibration.Scale.ToString().ToLowerInvariant(), fitted, calibration.Replications, calibration.Seed, fit.Trace.Count, fit.StopReason, fit.BestLoss,
                lossMeaning, predictions, calibration.Anchored ? "last_fitted" : "none", calibration.PredictReplications, intervalManifest, holdout, CommonOptions.Version, threads, started, seconds, commandLine);
            File.WriteAllText(folder.File("manifest.json"), manifest.ToJson());
            folder.Commit();

            // --quiet hides progress only: the results and where they went are always printed.
            {
                terminal.Out.WriteLine($"{calibration.Name}: {fit.Trace.Count} evaluations in {seconds:0.0} s; {fit.StopReason}");
                terminal.Out.WriteLine(calibration.Scale == FitScale.Shares
                    ? $"best loss {fit.BestLoss:0.###} ({lossMeaning}): root mean square {(estimates.Length > 0 ? "residual" : "error")} {Math.Sqrt(fit.BestLoss):0.00} percentage points"
                    : $"best loss {fit.BestLoss:0.####} ({lossMeaning}): typical {(estimates.Length > 0 ? "residual" : "error")} {100 * Math.Sqrt(fit.BestLoss):0.0}%");
                foreach (var p in fitted)
                    terminal.Out.WriteLine($"  {p.Name} = {p.Fitted:G6}" + (p.CiLow is { } low ? $" (95% {low:G4} to {p.CiHigh:G4})" : "") + $"   (start {p.Start:G6}, bounds {p.Min:G6} to {p.Max:G6})");
                string unit = calibration.Scale == FitScale.Shares ? " pp" : "";
                if (estimates.Length > 0)
                {
                    // The loss also counts the estimates; the cells' own error, from the fitted model's final run, is what the fit achieved on the table.
                    var cells = CalibrationLoss.Residuals(calibration.Observed, simulated, calibration.Scale, calibration.CountScale, groups);
                    double cellError = Math.Sqrt(cells.Sum(r => r * r) / cells.Length);
                    terminal.Out.WriteLine(calibration.Scale == FitScale.Shares
                        ? $"fitted cells alone ({calibration.PredictReplications} replications): root mean square error {cellError:0.00} percentage points"
                        : $"fitted cells alone ({calibration.PredictReplications} replications): typical error {100 * cellError:0.0}%");
                }
                for (int k = 0; k < estimates.Length; k++)
                    terminal.Out.WriteLine($"estimate {estimates[k].Name}: model {simulated.Estimates[k]:G4}, outside estimate {estimates[k].Value:G4} (standard error {estimates[k].StandardError:G4}), {estimates[k].Deviation(simulated.Estimates[k]):+0.0;-0.0} standard errors");
                foreach (var h in holdout)
                    terminal.Out.WriteLine($"held out {string.Join(", ", h.Keys)}{(h.Group.Length > 0 ? $", {h.Group}" : "")}: mean absolute error {h.ModelError:0.00}{unit}, naive persistence {h.NaiveError:0.00}{unit}" +
                        (intervals is null ? "" : $"; 95% intervals cover {h.Covered} of {h.Cells}") +
                        (h.CoveredWithoutForecastError is { } c ? $" ({c} without the forecast error)" : ""));
                terminal.Out.WriteLine($"results: {folder.Target}");
            }
            return ExitCodes.Ok;
        });
    }
}
