using RouteSim.Core.Statistics;

namespace RouteSim.Analysis.Counterfactuals;

/// <summary>One measure of docs/model.md section 8 with its 95% interval, or a plain statement that it is undefined.</summary>
/// <param name="Name">snake_case name, as in comparison.csv.</param>
/// <param name="Value">The estimate and interval; null when undefined.</param>
/// <param name="Note">Why it is undefined, or a caution about reading it; empty otherwise.</param>
public sealed record ComparisonMeasure(string Name, string Meaning, Summary? Value, string Note = "")
{
    /// <summary>True when the measure has a value.</summary>
    public bool Defined => Value is not null;
}

/// <summary>Flow at one location in each arm and the paired change.</summary>
public sealed record LocationComparison(string Location, string Kind, bool Targeted, Summary Baseline, Summary Intervention, Summary Change);
