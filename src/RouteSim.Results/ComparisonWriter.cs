using System.Globalization;
using RouteSim.Analysis.Counterfactuals;
using RouteSim.Core.Statistics;

namespace RouteSim.Results;

/// <summary>Writes a comparison's comparison.csv and comparison_locations.csv.</summary>
public static class ComparisonWriter
{
    /// <summary>Writes both tables into a folder being written.</summary>
    public static void Write(Comparison comparison, string directory)
    {
        using (var w = Open(Path.Combine(directory, "comparison.csv")))
        {
            w.WriteLine("measure,commodity,estimate,ci_low,ci_high,n,note");
            foreach (var m in comparison.Measures)
            {
                var s = m.Value ?? new Summary(double.NaN, double.NaN, double.NaN, double.NaN, 0);
                w.WriteLine(Csv.Row(m.Name, Csv.Text(m.Commodity), Csv.Number(s.Mean), Csv.Number(s.CiLow), Csv.Number(s.CiHigh),
                    s.N.ToString(CultureInfo.InvariantCulture), Csv.Text(m.Note)));
            }
        }

        using (var w = Open(Path.Combine(directory, "comparison_locations.csv")))
        {
            // targeted_by only when a deterrence cost targets a crossing: without one every targeted crossing is
            // targeted by its resources, and the file stays as it was before deterrence costs existed.
            bool why = comparison.Locations.Any(l => l.TargetedBy.HasFlag(TargetReason.DeterrenceCost));
            w.WriteLine("location,targeted,flow_baseline,flow_baseline_ci_low,flow_baseline_ci_high,flow_intervention,flow_intervention_ci_low,flow_intervention_ci_high,change,change_ci_low,change_ci_high,n"
                + (why ? ",targeted_by" : ""));
            foreach (var l in comparison.Locations)
                w.WriteLine(Csv.Row(Csv.Text(l.Location), l.Targeted ? "true" : "false",
                    Csv.Number(l.Baseline.Mean), Csv.Number(l.Baseline.CiLow), Csv.Number(l.Baseline.CiHigh),
                    Csv.Number(l.Intervention.Mean), Csv.Number(l.Intervention.CiLow), Csv.Number(l.Intervention.CiHigh),
                    Csv.Number(l.Change.Mean), Csv.Number(l.Change.CiLow), Csv.Number(l.Change.CiHigh),
                    l.Change.N.ToString(CultureInfo.InvariantCulture))
                    + (why ? "," + TargetReasons.Name(l.TargetedBy) : ""));
        }
    }

    private static StreamWriter Open(string path) => Csv.Create(path);
}
