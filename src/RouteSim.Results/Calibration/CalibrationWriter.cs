using System.Globalization;
using RouteSim.Analysis.Calibration;

namespace RouteSim.Results.Calibration;

/// <summary>Writes a calibration's tables: parameters.csv, loss_trace.csv, fit.csv and the predictions.</summary>
public static class CalibrationWriter
{
    /// <summary>parameters.csv.</summary>
    public static void Parameters(string path, IReadOnlyList<FittedParameter> parameters)
    {
        using var w = Open(path);
        bool intervals = parameters.Any(p => p.CiLow is not null);
        w.WriteLine("parameter,path,min,max,scale,start,fitted" + (intervals ? ",ci_low,ci_high" : ""));
        foreach (var p in parameters)
            w.WriteLine(Csv.Row(Csv.Text(p.Name), Csv.Text(p.Path), Csv.Number(p.Min), Csv.Number(p.Max), p.Scale, Csv.Number(p.Start), Csv.Number(p.Fitted))
                + (intervals ? "," + Csv.Row(Csv.Number(p.CiLow ?? double.NaN), Csv.Number(p.CiHigh ?? double.NaN)) : ""));
    }

    /// <summary>loss_trace.csv: every evaluation in order.</summary>
    public static void Trace(string path, IReadOnlyList<string> names, FitResult fit)
    {
        using var w = Open(path);
        w.WriteLine(Csv.Row(["evaluation", "loss", "best_loss", .. names.Select(Csv.Text)]));
        foreach (var e in fit.Trace)
            w.WriteLine(Csv.Row([e.Evaluation.ToString(CultureInfo.InvariantCulture), Csv.Number(e.Loss == double.MaxValue ? double.NaN : e.Loss), Csv.Number(e.BestLoss), .. e.Values.Select(Csv.Number)]));
    }

    /// <summary>
    /// fit.csv: for every simulated key and target, on the compared scale (shares or counts): the observed value,
    /// the model's value, the prediction (the model's, or anchored), with intervals the prediction's 95% interval,
    /// and whether the key was used in the fit. Shares are within each target's group.
    /// </summary>
    public static void Fit(string path, ObservedTable observed, IReadOnlyList<long> fitted, SimulatedTable simulated, IReadOnlyDictionary<long, double[]> predicted,
        FitScale scale, double countScale, TargetGroups groups, ForecastIntervals? intervals)
    {
        using var w = Open(path);
        w.WriteLine(Csv.Row([Csv.Text(observed.KeyColumn), "target", "observed", "simulated", "predicted", .. intervals is null ? Array.Empty<string>() : ["ci_low", "ci_high"], "used_in_fit"]));
        for (int row = 0; row < simulated.Keys.Count; row++)
        {
            long key = simulated.Keys[row];
            int at = IndexOf(observed.Keys, key);
            var sim = Forecast.Compared(simulated.Values[row], scale, countScale, groups);
            var obs = at < 0 ? null : Forecast.Compared(observed.Values[at], scale, 1, groups);
            for (int j = 0; j < simulated.Targets.Count; j++)
                w.WriteLine(Csv.Row([key.ToString(CultureInfo.InvariantCulture), Csv.Text(simulated.Targets[j]), Csv.Number(obs?[j] ?? double.NaN), Csv.Number(sim[j]),
                    Csv.Number(predicted[key][j]), .. intervals is null ? Array.Empty<string>() : [Csv.Number(intervals.Low[key][j]), Csv.Number(intervals.High[key][j])],
                    fitted.Contains(key) ? "true" : "false"]));
        }
    }

    /// <summary>
    /// The predictions: one row per (key, target), named as the calibration file asks (e.g. fiscal_year,sector,share;
    /// with groups, the group column after the target's: fiscal_year,sector,target,share), with intervals ci_low and ci_high.
    /// Group by group, so each group's rows of a key read together.
    /// </summary>
    /// <param name="labels">Each target's name in the predictions.</param>
    public static string Predictions(string directory, string keyColumn, IReadOnlyList<string> labels, IReadOnlyDictionary<long, double[]> predicted,
        IReadOnlyList<long> keys, FitScale scale, string targetName, TargetGroups groups, string groupName, ForecastIntervals? intervals)
    {
        string value = scale == FitScale.Shares ? "share" : "count";
        string file = $"predicted_{value}s.csv";
        using var w = Open(Path.Combine(directory, file));
        string[] none = [];
        w.WriteLine(Csv.Row([Csv.Text(keyColumn), Csv.Text(targetName), .. groups.Several ? [Csv.Text(groupName)] : none, value, .. intervals is null ? none : ["ci_low", "ci_high"]]));
        foreach (var key in keys)
            for (int g = 0; g < groups.Names.Count; g++)
                for (int j = 0; j < labels.Count; j++)
                {
                    if (groups.Of[j] != g) continue;
                    w.WriteLine(Csv.Row([key.ToString(CultureInfo.InvariantCulture), Csv.Text(labels[j]), .. groups.Several ? [Csv.Text(groups.Names[g])] : none,
                        Csv.Number(predicted[key][j]), .. intervals is null ? none : [Csv.Number(intervals.Low[key][j]), Csv.Number(intervals.High[key][j])]]));
                }
        return file;
    }

    /// <summary>
    /// holdout.csv: per group, the observed keys after the fitted ones: mean absolute errors of the forecast and of
    /// naive persistence (shares in percentage points) and how many observed values the 95% intervals covered. The
    /// first column is named by the calibration's group_name and holds the group; without groups it is `targets`,
    /// holding `all`.
    /// </summary>
    public static void Holdout(string path, string groupName, IReadOnlyList<HoldoutScore> scores)
    {
        using var w = Open(path);
        bool both = scores.Any(s => s.CoveredWithoutForecastError is not null);
        // One unnamed group: the row covers every target, and says so, rather than an empty cell under the group's name.
        bool ungrouped = scores.All(s => s.Group.Length == 0);
        w.WriteLine(Csv.Row([Csv.Text(ungrouped ? "targets" : groupName), "keys", "cells", "model_mae", "naive_mae", "covered", "coverage", .. both ? ["covered_without_forecast_error"] : Array.Empty<string>()]));
        foreach (var s in scores)
            w.WriteLine(Csv.Row([Csv.Text(ungrouped ? "all" : s.Group), Csv.Text(string.Join(' ', s.Keys)), s.Cells.ToString(CultureInfo.InvariantCulture), Csv.Number(s.ModelError),
                Csv.Number(s.NaiveError), s.Covered.ToString(CultureInfo.InvariantCulture), Csv.Number((double)s.Covered / s.Cells),
                .. both ? [(s.CoveredWithoutForecastError ?? 0).ToString(CultureInfo.InvariantCulture)] : Array.Empty<string>()]));
    }

    private static int IndexOf(IReadOnlyList<long> keys, long key)
    {
        for (int i = 0; i < keys.Count; i++) if (keys[i] == key) return i;
        return -1;
    }

    /// <summary>estimates.csv: each outside estimate, its standard error, the fitted model's value, how many standard errors apart they are, and its source.</summary>
    public static void Estimates(string path, IReadOnlyList<EstimateResult> estimates)
    {
        using var w = Open(path);
        w.WriteLine("estimate,value,standard_error,model,deviation,source");
        foreach (var e in estimates)
            w.WriteLine(Csv.Row(Csv.Text(e.Name), Csv.Number(e.Value), Csv.Number(e.StandardError), Csv.Number(e.Model), Csv.Number(e.Deviation), Csv.Text(e.Source)));
    }

    private static StreamWriter Open(string path) => Csv.Create(path);
}
