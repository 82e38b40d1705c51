using System.Globalization;
using RouteSim.Analysis.Sweeps;

namespace RouteSim.Results.Sweeps;

/// <summary>The columns of a sweep's runs.csv and points.csv, and how a row is formatted.</summary>
/// <param name="Parameters">Parameter column names, in order.</param>
/// <param name="Outcomes">Outcome column names, in order.</param>
/// <param name="Points">Each point's parameter values.</param>
public sealed record SweepTable(IReadOnlyList<string> Parameters, IReadOnlyList<string> Outcomes, double[][] Points)
{
    /// <summary>File of per-(point, replication) rows.</summary>
    public const string RunsFile = "runs.csv";

    /// <summary>File of per-point summaries.</summary>
    public const string PointsFile = "points.csv";

    /// <summary>Statistics written for each outcome in points.csv.</summary>
    public static readonly string[] PointStatistics = ["mean", "sd", "ci_low", "ci_high", "n"];

    /// <summary>The header of runs.csv.</summary>
    public string RunsHeader => Csv.Row(["index", "point", "replication", "seed", .. Parameters.Select(Csv.Text), .. Outcomes.Select(Csv.Text)]);

    /// <summary>The header of points.csv.</summary>
    public string PointsHeader => Csv.Row(["point", .. Parameters.Select(Csv.Text), .. Outcomes.SelectMany(o => PointStatistics.Select(s => Csv.Text($"{o}_{s}")))]);

    /// <summary>One row of runs.csv.</summary>
    public string RunsRow(SweepRow row) => Csv.Row(
    [
        row.Item.Index.ToString(CultureInfo.InvariantCulture),
        row.Item.Point.ToString(CultureInfo.InvariantCulture),
        row.Item.Replication.ToString(CultureInfo.InvariantCulture),
        row.Item.Seed.ToString(CultureInfo.InvariantCulture),
        .. Points[row.Item.Point].Select(Csv.Number),
        .. row.Values.Select(Csv.Number),
    ]);
}
