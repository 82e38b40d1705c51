using RouteSim.Analysis.Counterfactuals;
using RouteSim.Core.Engine;
using RouteSim.Core.Statistics;

namespace RouteSim.Server;

/// <summary>
/// The answer of <c>POST /api/compare</c>: every measure and every crossing of the <see cref="Comparison"/> with
/// the names and numbers <c>routesim compare</c> writes to comparison.csv and comparison_locations.csv (an
/// undefined value or interval is null), plus each arm's flow and deaths per period for the charts.
/// </summary>
public sealed record ComparisonAnswer(
    string Baseline,
    string WhatIf,
    string WhatIfSummary,
    ulong Seed,
    int Replications,
    int Periods,
    string PeriodUnit,
    int[] Window,
    IReadOnlyList<string> Targeted,
    IReadOnlyList<MeasureAnswer> Measures,
    IReadOnlyList<LocationRow> Locations,
    SeriesRows Series)
{
    /// <summary>Shapes a comparison for JSON.</summary>
    public static ComparisonAnswer From(Comparison comparison, BaselineScenario baseline, WhatIfScenario whatIf, string whatIfSummary, RunSettings settings, ArmSeries seriesB, ArmSeries seriesX)
    {
        var scenario = baseline.Scenario;
        var labels = scenario.Nodes.ToDictionary(n => n.Id, n => n.Label ?? n.Id, StringComparer.Ordinal);
        var measures = comparison.Measures.Select(m =>
        {
            var s = m.Value ?? new Summary(double.NaN, double.NaN, double.NaN, double.NaN, 0);
            return new MeasureAnswer(m.Name, m.Commodity, m.Definition.Label, m.Definition.Definition, Finite(s.Mean), Finite(s.CiLow), Finite(s.CiHigh), s.N, m.Note);
        }).ToArray();
        var locations = comparison.Locations.Select(l => new LocationRow(
            l.Location, labels[l.Location], "all", l.Targeted, TargetReasons.Name(l.TargetedBy),
            Finite(l.Baseline.Mean), Finite(l.Baseline.CiLow), Finite(l.Baseline.CiHigh),
            Finite(l.Intervention.Mean), Finite(l.Intervention.CiLow), Finite(l.Intervention.CiHigh),
            Finite(l.Change.Mean), Finite(l.Change.CiLow), Finite(l.Change.CiHigh), l.Change.N)).ToArray();
        var w = comparison.Window;
        return new ComparisonAnswer(scenario.Name, whatIf.Loaded.Scenario!.Name, whatIfSummary,
            settings.Seed, settings.Replications, scenario.Periods, scenario.PeriodUnit, [w.From, w.To], comparison.Targeted, measures, locations,
            new SeriesRows(seriesB.Flow, seriesX.Flow, seriesB.Deaths, seriesX.Deaths));
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}

/// <summary>One measure as the explorer answers it: a row of comparison.csv with its name in words and its one-line definition (nulls where the estimate is undefined).</summary>
public sealed record MeasureAnswer(string Measure, string Commodity, string Label, string Meaning, double? Estimate, double? CiLow, double? CiHigh, int N, string Note);

/// <summary>
/// One crossing: a row of comparison_locations.csv (flow in traversals over the window), with its label; TargetedBy
/// is its targeted_by column, why the crossing counts as targeted ("resources", "deterrence_cost", "both"; "" when not).
/// </summary>
public sealed record LocationRow(
    string Location, string Label, string Commodity, bool Targeted, string TargetedBy,
    double? FlowBaseline, double? FlowBaselineCiLow, double? FlowBaselineCiHigh,
    double? FlowIntervention, double? FlowInterventionCiLow, double? FlowInterventionCiHigh,
    double? Change, double? ChangeCiLow, double? ChangeCiHigh, int N);

/// <summary>Each arm's mean per period: traversals at crossings (all commodities) and deaths.</summary>
public sealed record SeriesRows(double[] FlowBaseline, double[] FlowWhatIf, double[] DeathsBaseline, double[] DeathsWhatIf);
