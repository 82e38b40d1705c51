using System.Text;
using RouteSim.Analysis.Counterfactuals;

namespace RouteSim.Results.Reading;

/// <summary>A comparison's results folder read back: its manifest, measures, per-crossing changes and both arms.</summary>
public sealed class ComparisonFolder
{
    private ComparisonFolder(string path, ComparisonManifest manifest)
    {
        Path = path;
        Manifest = manifest;
        var measures = CsvTable.Read(System.IO.Path.Combine(path, "comparison.csv"));
        Measures = measures.Rows.Select(r => new MeasureRow(r[measures.Column("measure")], r[measures.Column("commodity")], CsvTable.Number(r[measures.Column("estimate")]),
            CsvTable.Number(r[measures.Column("ci_low")]), CsvTable.Number(r[measures.Column("ci_high")]), r[measures.Column("note")])).ToArray();
        var locations = CsvTable.Read(System.IO.Path.Combine(path, "comparison_locations.csv"));
        int why = locations.Has("targeted_by") ? locations.Column("targeted_by") : -1;
        Locations = locations.Rows.Select(r => new LocationChangeRow(r[0], r[1] == "true",
            CsvTable.Number(r[2]), CsvTable.Number(r[3]), CsvTable.Number(r[4]), CsvTable.Number(r[5]), CsvTable.Number(r[6]), CsvTable.Number(r[7]),
            CsvTable.Number(r[8]), CsvTable.Number(r[9]), CsvTable.Number(r[10]))
        {
            // Without the column (no deterrence cost targets a crossing), a targeted crossing is targeted by its resources.
            TargetedBy = why >= 0 ? TargetReasons.Parse(r[why]) : r[1] == "true" ? TargetReason.Resources : TargetReason.None,
        }).ToArray();
        Baseline = RunFolder.Open(System.IO.Path.Combine(path, "baseline"));
        Intervention = RunFolder.Open(System.IO.Path.Combine(path, "intervention"));
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>Its manifest.</summary>
    public ComparisonManifest Manifest { get; }

    /// <summary>comparison.csv.</summary>
    public IReadOnlyList<MeasureRow> Measures { get; }

    /// <summary>comparison_locations.csv.</summary>
    public IReadOnlyList<LocationChangeRow> Locations { get; }

    /// <summary>The baseline arm's run folder.</summary>
    public RunFolder Baseline { get; }

    /// <summary>The intervention arm's run folder.</summary>
    public RunFolder Intervention { get; }

    /// <summary>The pooled measure of this name (every commodity together).</summary>
    public MeasureRow this[string name] => this[name, Analysis.Counterfactuals.ComparisonMeasures.AllCommodities];

    /// <summary>The measure of this name for one commodity, or "all".</summary>
    public MeasureRow this[string name, string commodity] => Measures.Single(m => m.Name == name && m.Commodity == commodity);

    /// <summary>Commodities with rows of their own, in file order (not "all").</summary>
    public IReadOnlyList<string> Commodities => Measures.Select(m => m.Commodity).Where(c => c != Analysis.Counterfactuals.ComparisonMeasures.AllCommodities).Distinct().ToArray();

    /// <summary>True when the folder holds a comparison (rather than a single run).</summary>
    public static bool IsComparison(string path) => File.Exists(System.IO.Path.Combine(path, "comparison.csv"));

    /// <summary>Opens a folder written by <c>routesim compare</c>.</summary>
    public static ComparisonFolder Open(string path)
    {
        var manifestPath = System.IO.Path.Combine(path, ComparisonManifest.FileName);
        if (!File.Exists(manifestPath)) throw new ResultsReadException($"{path}: no manifest.json, so not a finished RouteSim results folder");
        var manifest = ComparisonManifest.FromJson(File.ReadAllText(manifestPath, Encoding.UTF8))
            ?? throw new ResultsReadException($"{manifestPath}: not a RouteSim manifest (invalid JSON, or a field missing or of the wrong type)");
        return new ComparisonFolder(path, manifest);
    }
}

/// <summary>A row of comparison.csv (NaN estimate: undefined); Commodity is "all" for the pooled rows.</summary>
public sealed record MeasureRow(string Name, string Commodity, double Estimate, double CiLow, double CiHigh, string Note);

/// <summary>A row of comparison_locations.csv.</summary>
public sealed record LocationChangeRow(string Location, bool Targeted, double Baseline, double BaselineLow, double BaselineHigh,
    double Intervention, double InterventionLow, double InterventionHigh, double Change, double ChangeLow, double ChangeHigh)
{
    /// <summary>Why the intervention targets the crossing (its targeted_by column; resources where the file has none).</summary>
    public TargetReason TargetedBy { get; init; }
}
