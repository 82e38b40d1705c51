namespace RouteSim.Analysis.Counterfactuals;

/// <summary>
/// Every measure a comparison reports, named once: the comparison computes them in this order, comparison.csv
/// writes these names, sweeps accept them as outcomes, and reports and the console show their labels and
/// definitions. Definitions follow the reference model's section 8 (docs/model.md) and the project's extensions
/// (docs/ODD.md, "Comparison measures").
/// </summary>
public static class ComparisonMeasures
{
    /// <summary>The pooled rows' commodity: every commodity together.</summary>
    public const string AllCommodities = "all";

    /// <summary>targeted_drop: Flow lost at targeted crossings.</summary>
    public static MeasureDefinition TargetedDrop { get; } = new("targeted_drop", "Flow lost at targeted crossings", "crossings at the targeted crossings (more resources or a higher deterrence cost in the intervention), baseline minus intervention", MeasureKind.Count);

    /// <summary>displaced_increase: Flow gained at the other crossings.</summary>
    public static MeasureDefinition DisplacedIncrease { get; } = new("displaced_increase", "Flow gained at the other crossings", "crossings at every crossing not targeted, intervention minus baseline", MeasureKind.Count);

    /// <summary>displacement_ratio: Displacement ratio.</summary>
    public static MeasureDefinition DisplacementRatio { get; } = new("displacement_ratio", "Displacement ratio", "flow gained at the other crossings / flow lost at the targeted ones (1: all moved; 0: none; below 0: both fell)", MeasureKind.Ratio);

    /// <summary>deterrence: Deterrence.</summary>
    public static MeasureDefinition Deterrence { get; } = new("deterrence", "Deterrence", "1 - trips attempted in the intervention / trips attempted in the baseline (below 0: more trips were attempted, no deterrence)", MeasureKind.Share);

    /// <summary>delivered_reduction: Delivered reduction.</summary>
    public static MeasureDefinition DeliveredReduction { get; } = new("delivered_reduction", "Delivered reduction", "1 - trips delivered in the intervention / trips delivered in the baseline", MeasureKind.Share);

    /// <summary>deaths_per_1000_attempts_baseline: Deaths per 1,000 attempts carrying people, baseline.</summary>
    public static MeasureDefinition DeathsPer1000AttemptsBaseline { get; } = new("deaths_per_1000_attempts_baseline", "Deaths per 1,000 attempts carrying people, baseline", "deaths / attempts x 1,000, counting only trips that carry people", MeasureKind.PerThousand);

    /// <summary>deaths_per_1000_attempts_intervention: Deaths per 1,000 attempts carrying people, intervention.</summary>
    public static MeasureDefinition DeathsPer1000AttemptsIntervention { get; } = new("deaths_per_1000_attempts_intervention", "Deaths per 1,000 attempts carrying people, intervention", "deaths / attempts x 1,000, counting only trips that carry people", MeasureKind.PerThousand);

    /// <summary>deaths_per_1000_attempts_change: Change in deaths per 1,000 attempts.</summary>
    public static MeasureDefinition DeathsPer1000AttemptsChange { get; } = new("deaths_per_1000_attempts_change", "Change in deaths per 1,000 attempts", "intervention minus baseline", MeasureKind.PerThousand, IsChange: true);

    /// <summary>mean_route_danger_baseline: Mean route danger, baseline.</summary>
    public static MeasureDefinition MeanRouteDangerBaseline { get; } = new("mean_route_danger_baseline", "Mean route danger, baseline", "chance of death on the chosen route (1 - product of (1 - danger) over its nodes), averaged over trips started", MeasureKind.Probability);

    /// <summary>mean_route_danger_intervention: Mean route danger, intervention.</summary>
    public static MeasureDefinition MeanRouteDangerIntervention { get; } = new("mean_route_danger_intervention", "Mean route danger, intervention", "chance of death on the chosen route, averaged over trips started", MeasureKind.Probability);

    /// <summary>mean_route_danger_change: Change in mean route danger.</summary>
    public static MeasureDefinition MeanRouteDangerChange { get; } = new("mean_route_danger_change", "Change in mean route danger", "intervention minus baseline: above 0 when trips moved to more dangerous routes", MeasureKind.Probability, IsChange: true);

    /// <summary>mean_route_detection_baseline: Route detection of the routes chosen without the intervention.</summary>
    public static MeasureDefinition MeanRouteDetectionBaseline { get; } = new("mean_route_detection_baseline", "Route detection of the routes chosen without the intervention", "chance that a trip on its chosen route is interdicted, judged by the intervention's enforcement of the same period (a yardstick, not what the baseline faced), averaged over trips started", MeasureKind.Probability);

    /// <summary>mean_route_detection_intervention: Route detection of the routes chosen with the intervention.</summary>
    public static MeasureDefinition MeanRouteDetectionIntervention { get; } = new("mean_route_detection_intervention", "Route detection of the routes chosen with the intervention", "chance that a trip on its chosen route is interdicted under the intervention's enforcement, averaged over trips started", MeasureKind.Probability);

    /// <summary>mean_route_detection_change: Change in route detection (same yardstick).</summary>
    public static MeasureDefinition MeanRouteDetectionChange { get; } = new("mean_route_detection_change", "Change in route detection (same yardstick)", "intervention minus baseline, both judged by the intervention's enforcement: below 0 when trips moved to less-monitored routes", MeasureKind.Probability, IsChange: true);

    /// <summary>unreinforced_share_baseline: Share of crossings at the other crossings, baseline.</summary>
    public static MeasureDefinition UnreinforcedShareBaseline { get; } = new("unreinforced_share_baseline", "Share of crossings at the other crossings, baseline", "crossings at the crossings not targeted / crossings at all crossings", MeasureKind.Share);

    /// <summary>unreinforced_share_intervention: Share of crossings at the other crossings, intervention.</summary>
    public static MeasureDefinition UnreinforcedShareIntervention { get; } = new("unreinforced_share_intervention", "Share of crossings at the other crossings, intervention", "crossings at the crossings not targeted / crossings at all crossings", MeasureKind.Share);

    /// <summary>unreinforced_share_change: Change in the share at the other crossings.</summary>
    public static MeasureDefinition UnreinforcedShareChange { get; } = new("unreinforced_share_change", "Change in the share at the other crossings", "intervention minus baseline", MeasureKind.Share, IsChange: true);

    /// <summary>gross_loss: Flow lost where it fell.</summary>
    public static MeasureDefinition GrossLoss { get; } = new("gross_loss", "Flow lost where it fell", "sum over crossings of the flow lost at each crossing whose flow fell", MeasureKind.Count);

    /// <summary>gross_gain: Flow gained where it rose.</summary>
    public static MeasureDefinition GrossGain { get; } = new("gross_gain", "Flow gained where it rose", "sum over crossings of the flow gained at each crossing whose flow rose", MeasureKind.Count);

    /// <summary>reappearance_ratio: Reappearance ratio.</summary>
    public static MeasureDefinition ReappearanceRatio { get; } = new("reappearance_ratio", "Reappearance ratio", "flow gained where it rose / flow lost where it fell: the part of the lost flow that reappeared at other crossings (1: all of it)", MeasureKind.Ratio);

    /// <summary>attempts_baseline: Trips attempted, baseline.</summary>
    public static MeasureDefinition AttemptsBaseline { get; } = new("attempts_baseline", "Trips attempted, baseline", "trips started in the window", MeasureKind.Count);

    /// <summary>attempts_intervention: Trips attempted, intervention.</summary>
    public static MeasureDefinition AttemptsIntervention { get; } = new("attempts_intervention", "Trips attempted, intervention", "trips started in the window", MeasureKind.Count);

    /// <summary>successes_baseline: Trips delivered, baseline.</summary>
    public static MeasureDefinition SuccessesBaseline { get; } = new("successes_baseline", "Trips delivered, baseline", "trips that passed every node", MeasureKind.Count);

    /// <summary>successes_intervention: Trips delivered, intervention.</summary>
    public static MeasureDefinition SuccessesIntervention { get; } = new("successes_intervention", "Trips delivered, intervention", "trips that passed every node", MeasureKind.Count);

    /// <summary>interdictions_baseline: Trips interdicted, baseline.</summary>
    public static MeasureDefinition InterdictionsBaseline { get; } = new("interdictions_baseline", "Trips interdicted, baseline", "trips stopped by enforcement (seizures, apprehensions)", MeasureKind.Count);

    /// <summary>interdictions_intervention: Trips interdicted, intervention.</summary>
    public static MeasureDefinition InterdictionsIntervention { get; } = new("interdictions_intervention", "Trips interdicted, intervention", "trips stopped by enforcement (seizures, apprehensions)", MeasureKind.Count);

    /// <summary>deaths_baseline: Deaths, baseline.</summary>
    public static MeasureDefinition DeathsBaseline { get; } = new("deaths_baseline", "Deaths, baseline", "people who died on the way", MeasureKind.Count);

    /// <summary>deaths_intervention: Deaths, intervention.</summary>
    public static MeasureDefinition DeathsIntervention { get; } = new("deaths_intervention", "Deaths, intervention", "people who died on the way", MeasureKind.Count);

    /// <summary>deaths_change: Change in deaths.</summary>
    public static MeasureDefinition DeathsChange { get; } = new("deaths_change", "Change in deaths", "deaths in the intervention minus deaths in the baseline, paired by replication", MeasureKind.Count, IsChange: true);

    /// <summary>deaths_per_1000_attempts: the baseline's, the intervention's and their paired change.</summary>
    public static ArmMeasures DeathsPer1000Attempts { get; } = new(DeathsPer1000AttemptsBaseline, DeathsPer1000AttemptsIntervention, DeathsPer1000AttemptsChange);

    /// <summary>mean_route_danger: the baseline's, the intervention's and their paired change.</summary>
    public static ArmMeasures MeanRouteDanger { get; } = new(MeanRouteDangerBaseline, MeanRouteDangerIntervention, MeanRouteDangerChange);

    /// <summary>mean_route_detection: the baseline's, the intervention's and their paired change.</summary>
    public static ArmMeasures MeanRouteDetection { get; } = new(MeanRouteDetectionBaseline, MeanRouteDetectionIntervention, MeanRouteDetectionChange);

    /// <summary>unreinforced_share: the baseline's, the intervention's and their paired change.</summary>
    public static ArmMeasures UnreinforcedShare { get; } = new(UnreinforcedShareBaseline, UnreinforcedShareIntervention, UnreinforcedShareChange);

    /// <summary>Every measure, in reading order.</summary>
    public static IReadOnlyList<MeasureDefinition> All { get; } =
    [
        TargetedDrop,
        DisplacedIncrease,
        DisplacementRatio,
        Deterrence,
        DeliveredReduction,
        DeathsPer1000AttemptsBaseline,
        DeathsPer1000AttemptsIntervention,
        DeathsPer1000AttemptsChange,
        MeanRouteDangerBaseline,
        MeanRouteDangerIntervention,
        MeanRouteDangerChange,
        MeanRouteDetectionBaseline,
        MeanRouteDetectionIntervention,
        MeanRouteDetectionChange,
        UnreinforcedShareBaseline,
        UnreinforcedShareIntervention,
        UnreinforcedShareChange,
        GrossLoss,
        GrossGain,
        ReappearanceRatio,
        AttemptsBaseline,
        AttemptsIntervention,
        SuccessesBaseline,
        SuccessesIntervention,
        InterdictionsBaseline,
        InterdictionsIntervention,
        DeathsBaseline,
        DeathsIntervention,
        DeathsChange,
    ];

    private static readonly Dictionary<string, MeasureDefinition> ByName = All.ToDictionary(m => m.Name, StringComparer.Ordinal);

    /// <summary>The measure with this name; throws KeyNotFoundException naming it when there is none.</summary>
    public static MeasureDefinition Get(string name) =>
        ByName.TryGetValue(name, out var m) ? m : throw new KeyNotFoundException($"no comparison measure '{name}'");

    /// <summary>True when a measure of this name exists.</summary>
    public static bool Exists(string name) => ByName.ContainsKey(name);
}
