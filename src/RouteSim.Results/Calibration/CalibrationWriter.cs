using System.Globalization;
using System.Text.Json;
using RouteSim.Analysis.Calibration;

namespace RouteSim.Results.Calibration;

/// <summary>One fitted parameter as written in parameters.csv and the manifest.</summary>
public sealed record FittedParameter(string Name, string Path, double Min, double Max, string Scale, double Start, double Fitted);

/// <summary>Writes a calibration's tables: parameters.csv, loss_trace.csv, fit.csv and the predictions.</summary>
public static class CalibrationWriter
{
    /// <summary>parameters.csv.</summary>
    public static void Parameters(string path, IReadOnlyList<FittedParameter> parameters)
    {
        using var w = Open(path);
        w.WriteLine("parameter,path,min,max,scale,start,fitted");
        foreach (var p in parameters)
            w.WriteLine(Csv.Row(Csv.Text(p.Name), Csv.Text(p.Path), Csv.Number(p.Min), Csv.Number(p.Max), p.Scale, Csv.Number(p.Start), Csv.Number(p.Fitted)));
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
    /// the model's value, the prediction (the model's, or anchored), and whether the key was used in the fit.
    /// </summary>
    public static void Fit(string path, ObservedTable observed, IReadOnlyList<long> fitted, SimulatedTable simulated, IReadOnlyDictionary<long, double[]> predicted,
        FitScale scale, double countScale)
    {
        using var w = Open(path);
        w.WriteLine(Csv.Row(Csv.Text(observed.KeyColumn), "target", "observed", "simulated", "predicted", "used_in_fit"));
        for (int row = 0; row < simulated.Keys.Count; row++)
        {
            long key = simulated.Keys[row];
            int at = IndexOf(observed.Keys, key);
            var sim = Forecast.Compared(simulated.Values[row], scale, countScale);
            var obs = at < 0 ? null : Forecast.Compared(observed.Values[at], scale, 1);
            for (int j = 0; j < simulated.Targets.Count; j++)
                w.WriteLine(Csv.Row(key.ToString(CultureInfo.InvariantCulture), Csv.Text(simulated.Targets[j]), Csv.Number(obs?[j] ?? double.NaN), Csv.Number(sim[j]),
                    Csv.Number(predicted[key][j]), fitted.Contains(key) ? "true" : "false"));
        }
    }

    /// <summary>The predictions: one row per (key, target), named as the calibration file asks (e.g. fiscal_year,sector,share).</summary>
    public static string Predictions(string directory, string keyColumn, IReadOnlyList<string> targets, IReadOnlyDictionary<long, double[]> predicted,
        IReadOnlyList<long> keys, FitScale scale, string targetName)
    {
        string value = scale == FitScale.Shares ? "share" : "count";
        string file = $"predicted_{value}s.csv";
        using var w = Open(Path.Combine(directory, file));
        w.WriteLine(Csv.Row(Csv.Text(keyColumn), Csv.Text(targetName), value));
        foreach (var key in keys)
            for (int j = 0; j < targets.Count; j++)
                w.WriteLine(Csv.Row(key.ToString(CultureInfo.InvariantCulture), Csv.Text(targets[j]), Csv.Number(predicted[key][j])));
        return file;
    }

    private static int IndexOf(IReadOnlyList<long> keys, long key)
    {
        for (int i = 0; i < keys.Count; i++) if (keys[i] == key) return i;
        return -1;
    }

    private static StreamWriter Open(string path) => Csv.Create(path);
}

/// <summary>manifest.json of a calibration folder.</summary>
public sealed record CalibrationManifest(
    string Calibration,
    string CalibrationFile,
    string CalibrationSha256,
    string Scenario,
    string ScenarioSha256,
    string Observed,
    string ObservedSha256,
    string Compare,
    IReadOnlyList<FittedParameter> Parameters,
    int Replications,
    ulong Seed,
    int Evaluations,
    string StopReason,
    double Loss,
    string LossMeaning,
    string Predictions,
    string Anchor,
    int PredictionReplications,
    string RoutesimVersion,
    int Threads,
    DateTimeOffset StartedAt,
    double WallSeconds,
    string CommandLine)
{
    /// <summary>The manifest as JSON text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, RunManifest.JsonOptions) + "\n";
}
