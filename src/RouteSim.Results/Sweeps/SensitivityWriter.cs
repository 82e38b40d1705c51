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
        w.WriteLine(string.Join(",", SensitivityColumns.Sobol));
        foreach (var (outcome, indices) in results)
            foreach (var i in indices)
                w.WriteLine(Csv.Row(Csv.Text(outcome), Csv.Text(i.Factor), Csv.Number(i.First.Estimate), Csv.Number(i.First.Low), Csv.Number(i.First.High),
                    Csv.Number(i.Total.Estimate), Csv.Number(i.Total.Low), Csv.Number(i.Total.High)));
    }

    /// <summary>Morris statistics by outcome.</summary>
    public static void Morris(string path, IReadOnlyList<(string Outcome, IReadOnlyList<MorrisEffect> Effects)> results)
    {
        using var w = Open(path);
        w.WriteLine(string.Join(",", SensitivityColumns.Morris));
        foreach (var (outcome, effects) in results)
            foreach (var e in effects)
                w.WriteLine(Csv.Row(Csv.Text(outcome), Csv.Text(e.Factor), Csv.Number(e.Mu), Csv.Number(e.MuStar.Estimate), Csv.Number(e.MuStar.Low),
                    Csv.Number(e.MuStar.High), Csv.Number(e.Sigma)));
    }

    /// <summary>
    /// Writes a sensitivity folder's tables and manifest.json: Sobol indices when there are any, else Morris
    /// statistics; <paramref name="sweepFolder"/> is the sweep analysed, described by <paramref name="sweep"/>.
    /// </summary>
    public static SensitivityManifest Write(string folder, IReadOnlyList<(string Outcome, IReadOnlyList<SobolIndex> Indices)> sobol,
        IReadOnlyList<(string Outcome, IReadOnlyList<MorrisEffect> Effects)> morris, IReadOnlyList<string> skipped,
        SweepDocument sweep, string sweepFolder, int resamples, ulong seed, Provenance provenance)
    {
        string csv = Path.Combine(folder, FileName);
        if (sobol.Count > 0) Sobol(csv, sobol);
        else Morris(csv, morris);
        var manifest = new SensitivityManifest(sweep.Name, sweep.Sha256, Path.GetFullPath(sweepFolder), sweep.Design, sweep.Points, sweep.Replications, sweep.Seed,
            sobol.Count > 0 ? "sobol (Saltelli 2010 first order, Jansen 1999 total)" : "morris (mu, mu*, sigma)", resamples, seed,
            [.. sobol.Select(x => x.Outcome), .. morris.Select(x => x.Outcome)], skipped)
        {
            Provenance = provenance.FinishedNow(),
        };
        manifest.Write(folder);
        return manifest;
    }

    private static StreamWriter Open(string path) => Csv.Create(path);
}
