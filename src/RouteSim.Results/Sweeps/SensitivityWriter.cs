using RouteSim.Analysis.Sensitivity;

namespace RouteSim.Results.Sweeps;

/// <summary>Writes sensitivity.csv: one row per (outcome, parameter), Sobol indices or Morris statistics with their 95% intervals.</summary>
public static class SensitivityWriter
{
    /// <summary>The file name.</summary>
    public const string FileName = "sensitivity.csv";

    /// <summary>Sobol indices by outcome.</summary>
    public static void Sobol(string path, IReadOnlyList<(string Outcome, IReadOnlyList<SobolIndex> Indices)> results)
    {
        using var w = Open(path);
        w.WriteLine("outcome,parameter,s1,s1_ci_low,s1_ci_high,st,st_ci_low,st_ci_high");
        foreach (var (outcome, indices) in results)
            foreach (var i in indices)
                w.WriteLine(Csv.Row(Csv.Text(outcome), Csv.Text(i.Factor), Csv.Number(i.First.Estimate), Csv.Number(i.First.Low), Csv.Number(i.First.High),
                    Csv.Number(i.Total.Estimate), Csv.Number(i.Total.Low), Csv.Number(i.Total.High)));
    }

    /// <summary>Morris statistics by outcome.</summary>
    public static void Morris(string path, IReadOnlyList<(string Outcome, IReadOnlyList<MorrisEffect> Effects)> results)
    {
        using var w = Open(path);
        w.WriteLine("outcome,parameter,mu,mu_star,mu_star_ci_low,mu_star_ci_high,sigma");
        foreach (var (outcome, effects) in results)
            foreach (var e in effects)
                w.WriteLine(Csv.Row(Csv.Text(outcome), Csv.Text(e.Factor), Csv.Number(e.Mu), Csv.Number(e.MuStar.Estimate), Csv.Number(e.MuStar.Low),
                    Csv.Number(e.MuStar.High), Csv.Number(e.Sigma)));
    }

    private static StreamWriter Open(string path) => Csv.Create(path);
}

/// <summary>manifest.json of a sensitivity folder: which sweep it analysed and how.</summary>
public sealed record SensitivityManifest(
    string Sweep,
    string SweepSha256,
    string SweepFolder,
    string Design,
    int Points,
    int Replications,
    ulong Seed,
    string Method,
    int BootstrapResamples,
    ulong BootstrapSeed,
    IReadOnlyList<string> Outcomes,
    IReadOnlyList<string> Skipped,
    string RoutesimVersion,
    DateTimeOffset StartedAt,
    string CommandLine)
{
    /// <summary>The manifest as JSON text.</summary>
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, RunManifest.JsonOptions) + "\n";
}
