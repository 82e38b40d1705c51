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

    /// <summary>Every measure, in reading order.</summary>
    public static IReadOnlyList<MeasureDefinition> All { get; } =
    [
        new("targeted_drop", "Flow lost at reinforced crossings", "crossings at the reinforced (targeted) crossings, baseline minus intervention", MeasureKind.Count),
        new("displaced_increase", "Flow gained at unreinforced crossings", "crossings at every other crossing, intervention minus baseline", MeasureKind.Count),
        new("displacement_ratio", "Displacement ratio", "flow gained at unreinforced crossings / flow lost at reinforced ones (1: all moved; 0: none; below 0: both fell)", MeasureKind.Ratio),
        new("deterrence", "Deterrence", "1 - trips attempted in the intervention / trips attempted in the baseline", MeasureKind.Share),
        new("delivered_reduction", "Delivered reduction", "1 - trips delivered in the intervention / trips delivered in the baseline", MeasureKind.Share),
        new("deaths_per_1000_attempts_baseline", "Deaths per 1,000 attempts carrying people, baseline", "deaths / attempts x 1,000, counting only trips that carry people", MeasureKind.PerThousand),
        new("deaths_per_1000_attempts_intervention", "Deaths per 1,000 attempts carrying people, intervention", "deaths / attempts x 1,000, counting only trips that carry people", MeasureKind.PerThousand),
        new("deaths_per_1000_attempts_change", "Change in deaths per 1,000 attempts", "intervention minus baseline", MeasureKind.PerThousand),
        new("mean_route_danger_baseline", "Mean route danger, baseline", "chance of death on the chosen route (1 - product of (1 - danger) over its nodes), averaged over trips started", MeasureKind.Probability),
        new("mean_route_danger_intervention", "Mean route danger, intervention", "chance of death on the chosen route, averaged over trips started", MeasureKind.Probability),
        new("mean_route_danger_change", "Change in mean route danger", "intervention minus baseline: above 0 when trips moved to more dangerous routes", MeasureKind.Probability),
        new("mean_route_detection_baseline", "Route detection of the routes chosen without the intervention", "chance that a trip on its chosen route is interdicted, judged by the intervention's enforcement of the same period (a yardstick, not what the baseline faced), averaged over trips started", MeasureKind.Probability),
        new("mean_route_detection_intervention", "Route detection of the routes chosen with the intervention", "chance that a trip on its chosen route is interdicted under the intervention's enforcement, averaged over trips started", MeasureKind.Probability),
        new("mean_route_detection_change", "Change in route detection (same yardstick)", "intervention minus baseline, both judged by the intervention's enforcement: below 0 when trips moved to less-monitored routes", MeasureKind.Probability),
        new("unreinforced_share_baseline", "Share of crossings at unreinforced crossings, baseline", "crossings at unreinforced crossings / crossings at all crossings", MeasureKind.Share),
        new("unreinforced_share_intervention", "Share of crossings at unreinforced crossings, intervention", "crossings at unreinforced crossings / crossings at all crossings", MeasureKind.Share),
        new("unreinforced_share_change", "Change in the share at unreinforced crossings", "intervention minus baseline", MeasureKind.Share),
        new("gross_loss", "Flow lost where it fell", "sum over crossings of the flow lost at each crossing whose flow fell", MeasureKind.Count),
        new("gross_gain", "Flow gained where it rose", "sum over crossings of the flow gained at each crossing whose flow rose", MeasureKind.Count),
        new("reappearance_ratio", "Reappearance ratio", "flow gained where it rose / flow lost where it fell: the part of the lost flow that reappeared at other crossings (1: all of it)", MeasureKind.Ratio),
        new("attempts_baseline", "Trips attempted, baseline", "trips started in the window", MeasureKind.Count),
        new("attempts_intervention", "Trips attempted, intervention", "trips started in the window", MeasureKind.Count),
        new("successes_baseline", "Trips delivered, baseline", "trips that passed every node", MeasureKind.Count),
        new("successes_intervention", "Trips delivered, intervention", "trips that passed every node", MeasureKind.Count),
        new("interdictions_baseline", "Trips interdicted, baseline", "trips stopped by enforcement (seizures, apprehensions)", MeasureKind.Count),
        new("interdictions_intervention", "Trips interdicted, intervention", "trips stopped by enforcement (seizures, apprehensions)", MeasureKind.Count),
        new("deaths_baseline", "Deaths, baseline", "people who died on the way", MeasureKind.Count),
        new("deaths_intervention", "Deaths, intervention", "people who died on the way", MeasureKind.Count),
        new("deaths_change", "Change in deaths", "deaths in the intervention minus deaths in the baseline, paired by replication", MeasureKind.Count),
    ];

    private static readonly Dictionary<string, MeasureDefinition> ByName = All.ToDictionary(m => m.Name, StringComparer.Ordinal);

    /// <summary>The measure with this name; throws KeyNotFoundException naming it when there is none.</summary>
    public static MeasureDefinition Get(string name) =>
        ByName.TryGetValue(name, out var m) ? m : throw new KeyNotFoundException($"no comparison measure '{name}'");

    /// <summary>True when a measure of this name exists.</summary>
    public static bool Exists(string name) => ByName.ContainsKey(name);
}
