using System.Globalization;
using RouteSim.Analysis.Calibration;
using RouteSim.Experiments.Calibration;

namespace RouteSim.Results.Calibration;

/// <summary>
/// Writes a calibration's results folder, as <c>routesim calibrate</c> writes it: fitted.yaml, parameters.csv,
/// loss_trace.csv, fit.csv, the predictions, holdout.csv (when keys were held out), estimates.csv (when the
/// calibration has outside estimates) and manifest.json (the tables
/// through <see cref="CalibrationWriter"/>).
/// </summary>
public static class CalibrationFolderWriter
{
    /// <summary>
    /// What the loss of a calibration on this scale means, in words; <paramref name="withEstimates"/>: it also counts
    /// outside estimates' residuals (in the cells' units). Short enough for the loss trace's axis.
    /// </summary>
    public static string LossMeaning(FitScale scale, bool withEstimates = false) => (scale, withEstimates) switch
    {
        (FitScale.Shares, false) => "mean squared error of shares (percentage points squared)",
        (FitScale.Shares, true) => "mean squared residual of shares and estimates (pp²)",
        (_, false) => "mean squared relative error of counts",
        _ => "mean squared residual of relative counts and estimates",
    };

    /// <summary>
    /// Writes the folder of <paramref name="calibration"/> fitted as <paramref name="fit"/> with
    /// <paramref name="forecast"/>; <paramref name="files"/> are the calibration, scenario and observed files as read;
    /// <paramref name="maxEvaluations"/> is the budget the fit was given (for <see cref="FitResult.Warning"/>).
    /// </summary>
    public static CalibrationManifest Write(string folder, Experiments.Calibration.Calibration calibration, FitResult fit, CalibrationForecast forecast,
        (InputFile Calibration, InputFile Scenario, InputFile Observed) files, Provenance provenance, int maxEvaluations)
    {
        var intervals = forecast.ParameterIntervals(calibration);
        var fitted = calibration.Parameters.Select((p, i) => new FittedParameter(p.Parameter.Name, p.Path.Text, p.Parameter.Lower, p.Parameter.Upper,
            p.Parameter.Log ? "log" : "linear", p.Parameter.Start, fit.Best[i], intervals[i].Low, intervals[i].High)).ToArray();
        var groups = calibration.Groups;

        File.WriteAllText(Path.Combine(folder, "fitted.yaml"), calibration.Scenario.Write(calibration.Parameters.Select(p => p.Path).ToArray(), fit.Best,
            $"Fitted by routesim calibrate {Path.GetFileName(calibration.File)} (routesim {provenance.RoutesimVersion}).\n" +
            string.Join('\n', fitted.Select(p => $"{p.Path} = {p.Fitted.ToString("R", CultureInfo.InvariantCulture)}"))));
        CalibrationWriter.Parameters(Path.Combine(folder, "parameters.csv"), fitted);
        CalibrationWriter.Trace(Path.Combine(folder, "loss_trace.csv"), fitted.Select(p => p.Name).ToArray(), fit);
        CalibrationWriter.Fit(Path.Combine(folder, "fit.csv"), calibration.AllObserved, calibration.Observed.Keys, forecast.Simulated, forecast.Predicted,
            calibration.Scale, calibration.CountScale, groups, forecast.Intervals);
        string predictions = CalibrationWriter.Predictions(folder, calibration.Observed.KeyColumn, calibration.Labels, forecast.Predicted,
            calibration.PredictKeys, calibration.Scale, calibration.TargetName, groups, calibration.GroupName, forecast.Intervals);
        if (forecast.Holdout.Count > 0) CalibrationWriter.Holdout(Path.Combine(folder, "holdout.csv"), calibration.GroupName, forecast.Holdout);
        EstimateResult[]? estimates = null;
        if (calibration.Estimates.Count > 0)
        {
            estimates = EstimateResult.Of(calibration.Estimates.Select(e => e.Estimate).ToArray(), forecast.Simulated.Estimates);
            CalibrationWriter.Estimates(Path.Combine(folder, "estimates.csv"), estimates);
        }

        IntervalManifest? intervalManifest = null;
        if (calibration.Intervals is { } settings && forecast.Uncertainty is { } uncertainty)
            intervalManifest = new IntervalManifest(
                "parameters drawn from the normal approximation at the optimum (Gauss-Newton curvature of the loss, residual variance, weak prior within the bounds), each forecast simulated with its own seed" +
                (settings.ForecastError ? ", plus the fit's own one-step anchored forecast error per group growing with the square root of the years ahead" : "") + "; 2.5 and 97.5 percentiles",
                settings.Draws, settings.Replications, forecast.DrawSeed, settings.Step, uncertainty.ResidualVariance, uncertainty.DegreesOfFreedom,
                forecast.ForecastError?.Select(e => double.IsNaN(e) ? (double?)null : e).ToArray())
            {
                ForecastErrorUnit = forecast.ForecastError is null ? null : IntervalManifest.Units(calibration.Scale),
            };
        var manifest = new CalibrationManifest(calibration.Name, files.Calibration.Path, files.Calibration.Sha256, files.Scenario.Path, files.Scenario.Sha256,
            files.Observed.Path, files.Observed.Sha256, calibration.Scale.ToString().ToLowerInvariant(), fitted, calibration.Replications, calibration.Seed,
            fit.Trace.Count, fit.StopReason, fit.BestLoss, LossMeaning(calibration.Scale, calibration.Estimates.Count > 0), predictions, calibration.Anchored ? "last_fitted" : "none",
            calibration.PredictReplications, intervalManifest, forecast.Holdout)
        {
            Provenance = provenance.FinishedNow(),
            Estimates = estimates,
            Warning = fit.Warning(maxEvaluations, calibration.Starts),
        };
        manifest.Write(folder);
        return manifest;
    }
}
