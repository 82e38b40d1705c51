namespace RouteSim.Analysis.Counterfactuals;

/// <summary>A quantity a comparison reports for each arm and as their paired change (intervention minus baseline).</summary>
/// <param name="Baseline">The baseline arm's measure.</param>
/// <param name="Intervention">The intervention arm's measure.</param>
/// <param name="Change">The paired change.</param>
public sealed record ArmMeasures(MeasureDefinition Baseline, MeasureDefinition Intervention, MeasureDefinition Change)
{
    /// <summary>The three, in reading order.</summary>
    public IReadOnlyList<MeasureDefinition> Each => [Baseline, Intervention, Change];
}
