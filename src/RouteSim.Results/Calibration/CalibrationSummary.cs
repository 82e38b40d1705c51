using System.Globalization;
using RouteSim.Analysis.Calibration;

namespace RouteSim.Results.Calibration;

/// <summary>
/// A calibration's results in sentences, with their units, as the console prints them after a fit and the report
/// opens with them: the time spent, the loss, how the search stopped, the held-out scores and the caveat the fit's
/// warning puts on them.
/// </summary>
public static class CalibrationSummary
{
    /// <summary>
    /// "20 evaluations: fit 2.8 s; the best point's run and the intervals (27 curvature evaluations, 100 forecast draws) 21.0 s; total 24.5 s".
    /// </summary>
    /// <param name="fitSeconds">Wall seconds of the search.</param>
    /// <param name="forecastSeconds">Wall seconds of the best point's run, and with intervals the curvature and the draws' forecasts.</param>
    /// <param name="totalSeconds">Wall seconds of the whole command (loading and writing included).</param>
    /// <param name="curvatureEvaluations">Evaluations of the intervals' curvature; with <paramref name="draws"/> 0 when there are no intervals.</param>
    public static string Timing(int evaluations, double fitSeconds, double forecastSeconds, double totalSeconds, int curvatureEvaluations, int draws) =>
        $"{Plural(evaluations, "evaluation")}: fit {Seconds(fitSeconds)}; the best point's run" +
        (draws > 0 ? $" and the intervals ({Plural(curvatureEvaluations, "curvature evaluation")}, {Plural(draws, "forecast draw")})" : "") +
        $" {Seconds(forecastSeconds)}; total {Seconds(totalSeconds)}";

    /// <summary>The best loss in its units and, without outside estimates, as the error a reader knows (root mean square in percentage points, or typical relative error).</summary>
    /// <param name="lossMeaning">What the loss is (<see cref="CalibrationFolderWriter.LossMeaning"/>).</param>
    public static string Loss(double loss, FitScale scale, bool withEstimates, string lossMeaning) =>
        withEstimates ? FormattableString.Invariant($"best loss {loss:0.###} ({lossMeaning}; it counts the outside estimates too, so its root is no error of the table)")
        : scale == FitScale.Shares ? FormattableString.Invariant($"best loss {loss:0.###} ({lossMeaning}): root mean square error {Math.Sqrt(loss):0.00} percentage points")
        : FormattableString.Invariant($"best loss {loss:0.####} ({lossMeaning}): typical error {100 * Math.Sqrt(loss):0.0}%");

    /// <summary>
    /// One group's held-out scores: the forecast's and naive persistence's mean absolute errors (percentage points for
    /// shares, counts otherwise) and, with intervals, how many observed values they covered; when <paramref name="unreliable"/>
    /// (the fit stopped at a limit, <see cref="FitResult.Warning"/>), the coverage says it checks nothing.
    /// </summary>
    public static string Holdout(HoldoutScore h, FitScale scale, bool intervals, bool unreliable)
    {
        string unit = scale == FitScale.Shares ? " percentage points" : " (observed counts)";
        string coverage = !intervals ? ""
            : $"; 95% intervals cover {h.Covered} of {h.Cells}" + (h.CoveredWithoutForecastError is { } c ? $" ({c} without the forecast error)" : "") +
              (unreliable ? ", which says little here: the fit did not converge, so its intervals are unreliable (see the warning)" : "");
        return FormattableString.Invariant(
            $"held out {string.Join(", ", h.Keys)}{(h.Group.Length > 0 ? $", {h.Group}" : "")}: mean absolute error {h.ModelError:0.00}{unit}, naive persistence {h.NaiveError:0.00}{unit}{coverage}");
    }

    /// <summary>An outside estimate against the fitted model: both values and how many standard errors apart they are.</summary>
    public static string Estimate(EstimateResult e) =>
        FormattableString.Invariant($"estimate {e.Name}: model {e.Model:G4}, outside estimate {e.Value:G4} (standard error {e.StandardError:G4}), {e.Deviation:+0.0;-0.0} standard errors");

    private static string Plural(int n, string one) => FormattableString.Invariant($"{n:#,0} {one}{(n == 1 ? "" : "s")}");

    private static string Seconds(double seconds) => FormattableString.Invariant($"{seconds:0.0} s");
}
