using RouteSim.Analysis.Calibration;
using RouteSim.Scenarios;

namespace RouteSim.Experiments.Calibration;

/// <summary>
/// What a fitted calibration predicts: the model at the best point (simulated with the prediction's replications)
/// and the forecasts it gives for every key; with intervals asked for, the parameters' uncertainty from the loss's
/// curvature, forecasts of parameter draws and their 95% percentile intervals (with the fit's own forecast error
/// when asked); and the held-out keys' scores.
/// </summary>
/// <param name="Simulated">The model's table at the best point.</param>
/// <param name="Predicted">Forecast of every key (compared scale), anchored when the calibration says so.</param>
/// <param name="Uncertainty">The parameters' normal approximation at the optimum; null without intervals.</param>
/// <param name="Intervals">The prediction's 95% intervals (with the forecast error when asked); null without intervals.</param>
/// <param name="DrawSeed">Seed of the parameter draws (each draw's forecast seed derives from it); 0 without intervals.</param>
/// <param name="ForecastError">The one-step anchored forecast error per group when asked, else null.</param>
/// <param name="Holdout">Scores of the observed keys after the fitted ones, per group.</param>
public sealed record CalibrationForecast(
    SimulatedTable Simulated,
    IReadOnlyDictionary<long, double[]> Predicted,
    ParameterUncertainty? Uncertainty,
    ForecastIntervals? Intervals,
    ulong DrawSeed,
    double[]? ForecastError,
    IReadOnlyList<HoldoutScore> Holdout)
{
    /// <summary>
    /// Forecasts of <paramref name="calibration"/> fitted at <paramref name="best"/>: simulates the best point,
    /// and with intervals the loss's curvature and the parameter draws, each phase shown by <paramref name="phases"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The best point or a parameter draw does not load.</exception>
    public static CalibrationForecast Build(Calibration calibration, IReadOnlyList<double> best, int threads, LoadOptions options, IPhaseProgress phases,
        CancellationToken cancellation)
    {
        var parameters = calibration.Parameters.Select(p => p.Parameter).ToArray();
        var groups = calibration.Groups;
        var simulated = calibration.Simulate(best, calibration.PredictReplications, threads, options, out var problem, cancellation)
            ?? throw new InvalidOperationException($"the best point found does not load: {problem}");
        var predicted = Forecast.Predict(simulated, calibration.Observed, calibration.Scale, calibration.CountScale, calibration.Anchored, groups);
        if (calibration.Intervals is not { } settings)
            return new CalibrationForecast(simulated, predicted, null, null, 0, null,
                HoldoutScore.Compute(calibration.AllObserved, calibration.Observed, predicted, null, calibration.Scale, groups));

        var uncertainty = phases.Track($"{calibration.Name}: curvature of the loss", 2 * parameters.Length + 1, "evaluations", progress =>
            // The points are evaluated side by side, one per thread: the same numbers as one at a time, for less processor time.
            ParameterUncertainty.Estimate(parameters, best.ToArray(), points => calibration.Residuals(points, threads, options, cancellation, progress)
                // A point that does not load: the single evaluation throws with the reason.
                .Select((r, i) => r ?? calibration.Residuals(points[i], 1, options, cancellation)).ToArray(), calibration.IndependentResiduals, settings.Step));
        ulong drawSeed = Core.Randomness.Seeds.CalibrationDraws(calibration.Seed);
        var draws = uncertainty.Draw(parameters, settings.Draws, drawSeed);
        // Each draw's forecast has its own random numbers, so the interval carries Monte Carlo noise too.
        var forecasts = phases.Track($"{calibration.Name}: forecasts of {settings.Draws} parameter draws", settings.Draws, "forecasts", progress =>
            calibration.Forecasts(draws, settings.Replications, draws.Select((_, k) => Core.Randomness.Seeds.CalibrationDrawRuns(drawSeed, k)).ToArray(), threads, options,
                progress, cancellation));
        var parameterIntervals = ForecastIntervals.Percentile(forecasts);
        var intervals = parameterIntervals;
        double[]? forecastError = null;
        if (settings.ForecastError)
        {
            forecastError = CalibrationLoss.ChangeErrorByGroup(calibration.Observed, simulated, calibration.Scale, calibration.CountScale, groups);
            long last = calibration.Observed.Keys.Max();
            intervals = ForecastIntervals.Percentile(forecasts.Select((f, k) =>
                ForecastIntervals.WithForecastError(f, last, forecastError, groups, calibration.Scale, Core.Randomness.Seeds.ForecastError(drawSeed, k))).ToArray());
        }
        var holdout = HoldoutScore.Compute(calibration.AllObserved, calibration.Observed, predicted, intervals, calibration.Scale, groups);
        if (settings.ForecastError)
        {
            // How many the intervals without the forecast error would have covered, to show what that term adds.
            var narrower = HoldoutScore.Compute(calibration.AllObserved, calibration.Observed, predicted, parameterIntervals, calibration.Scale, groups);
            holdout = holdout.Select((h, i) => h with { CoveredWithoutForecastError = narrower[i].Covered }).ToArray();
        }
        return new CalibrationForecast(simulated, predicted, uncertainty, intervals, drawSeed, forecastError, holdout);
    }

    /// <summary>
    /// Each parameter's approximate 95% interval from the curvature (normal on the search scale, mapped back
    /// between the bounds), as (low, high); nulls without intervals.
    /// </summary>
    public (double? Low, double? High)[] ParameterIntervals(Calibration calibration)
    {
        var errors = Uncertainty?.StandardErrors();
        return calibration.Parameters.Select((p, i) => errors is null
            ? ((double?)null, (double?)null)
            : (p.Parameter.FromFree(Uncertainty!.Center[i] - 1.96 * errors[i]), p.Parameter.FromFree(Uncertainty!.Center[i] + 1.96 * errors[i]))).ToArray();
    }

    /// <summary>
    /// The fitted cells' own root mean square error at the best point (the prediction's replications; percentage
    /// points for shares, relative error for counts): what the fit achieved on the table when the loss also counts
    /// outside estimates.
    /// </summary>
    public double CellError(Calibration calibration)
    {
        var cells = CalibrationLoss.Residuals(calibration.Observed, Simulated, calibration.Scale, calibration.CountScale, calibration.Groups);
        return Math.Sqrt(cells.Sum(r => r * r) / cells.Length);
    }
}
