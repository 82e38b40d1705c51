using RouteSim.Core.Statistics;

namespace RouteSim.Analysis.Counterfactuals;

/// <summary>One measure for one commodity (or all) with its 95% interval, or a plain statement that it is undefined.</summary>
/// <param name="Name">snake_case name, as in comparison.csv (see <see cref="ComparisonMeasures"/>).</param>
/// <param name="Commodity">The commodity id, or <see cref="ComparisonMeasures.AllCommodities"/> for every commodity together.</param>
/// <param name="Value">The estimate and interval; null when undefined.</param>
/// <param name="Note">Why it is undefined or zero by construction, or a caution about reading it; empty otherwise.</param>
public sealed record ComparisonMeasure(string Name, string Commodity, Summary? Value, string Note = "")
{
    /// <summary>True when the measure has a value.</summary>
    public bool Defined => Value is not null;

    /// <summary>Its label, definition and kind.</summary>
    public MeasureDefinition Definition => ComparisonMeasures.Get(Name);
}

/// <summary>
/// Flow at one location in each arm and the paired change (traversals over the window, all commodities), and why
/// the intervention targets it (<see cref="TargetReason.None"/>: one of the other crossings).
/// </summary>
public sealed record LocationComparison(string Location, string Kind, TargetReason TargetedBy, Summary Baseline, Summary Intervention, Summary Change)
{
    /// <summary>True when the crossing is among the targeted crossings T.</summary>
    public bool Targeted => TargetedBy != TargetReason.None;
}
