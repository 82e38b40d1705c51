using RouteSim.Core.Model;

namespace RouteSim.Analysis.Counterfactuals;

/// <summary>
/// The paired counterfactual of docs/model.md section 8: every measure over a window, each with a 95% interval from
/// the per-replication differences between an intervention and its baseline run with the same seeds.
/// </summary>
public sealed class Comparison
{
    private Comparison(Window window, IReadOnlyList<string> targeted, IReadOnlyList<ComparisonMeasure> measures, IReadOnlyList<LocationComparison> locations)
    {
        Window = window;
        Targeted = targeted;
        Measures = measures;
        Locations = locations;
    }

    /// <summary>The evaluation window.</summary>
    public Window Window { get; }

    /// <summary>Ids of the targeted crossings T.</summary>
    public IReadOnlyList<string> Targeted { get; }

    /// <summary>The measures, in reading order.</summary>
    public IReadOnlyList<ComparisonMeasure> Measures { get; }

    /// <summary>Per crossing: flow in each arm and the change.</summary>
    public IReadOnlyList<LocationComparison> Locations { get; }

    /// <summary>The measure with this name.</summary>
    public ComparisonMeasure this[string name] => Measures.Single(m => m.Name == name);

    /// <summary>Computes every measure from paired replications (baseline[i] and intervention[i] share seed and replication).</summary>
    /// <param name="nodes">The network's nodes (the same in both arms).</param>
    /// <param name="targeted">Indices of the targeted crossings T.</param>
    public static Comparison Compute(IReadOnlyList<Node> nodes, IReadOnlySet<int> targeted, IReadOnlyList<ArmTotals> baseline, IReadOnlyList<ArmTotals> intervention, Window window)
    {
        if (baseline.Count != intervention.Count || baseline.Count == 0)
            throw new ArgumentException("both arms need the same, non-zero number of replications");
        var crossings = Enumerable.Range(0, nodes.Count).Where(l => nodes[l].Kind == NodeKind.Crossing).ToArray();
        var others = crossings.Where(l => !targeted.Contains(l)).ToArray();
        double Sum(ArmTotals a, int[] set) => set.Sum(l => a.Flow[l]);
        var t = targeted.ToArray();
        int n = baseline.Count;
        double[] Each(Func<int, double> f) => Enumerable.Range(0, n).Select(f).ToArray();

        var dT = Each(i => Sum(baseline[i], t) - Sum(intervention[i], t));
        var dO = Each(i => Sum(intervention[i], others) - Sum(baseline[i], others));
        var attemptsB = Each(i => baseline[i].Attempts);
        var attemptsX = Each(i => intervention[i].Attempts);
        var successB = Each(i => baseline[i].Successes);
        var successX = Each(i => intervention[i].Successes);
        var deathsB = Each(i => baseline[i].TotalDeaths);
        var deathsX = Each(i => intervention[i].TotalDeaths);

        var measures = new List<ComparisonMeasure>();
        var drop = PairedEstimate.Mean(dT);
        string noTarget = t.Length == 0 ? "no crossing has more configured enforcement in the intervention during the window" : "";
        measures.Add(new("targeted_drop", "flow at targeted crossings, baseline minus intervention", t.Length == 0 ? null : drop, noTarget));
        measures.Add(new("displaced_increase", "flow at the other crossings, intervention minus baseline", t.Length == 0 ? null : PairedEstimate.Mean(dO), noTarget));

        if (t.Length == 0)
            measures.Add(new("displacement_ratio", "displaced increase / targeted drop", null, $"undefined: {noTarget}"));
        else if (drop.Mean == 0)
            measures.Add(new("displacement_ratio", "displaced increase / targeted drop", null, "undefined: the targeted drop is zero"));
        else
        {
            string caution = drop.CiLow <= 0 && drop.CiHigh >= 0
                ? "caution: the targeted drop is not distinguishable from zero, so this ratio is unreliable"
                : "";
            measures.Add(new("displacement_ratio", "displaced increase / targeted drop", PairedEstimate.Ratio(dO, dT), caution));
        }

        measures.Add(Complement("deterrence", "1 - attempts(intervention) / attempts(baseline)", attemptsX, attemptsB, "the baseline makes no attempts"));
        measures.Add(Complement("delivered_reduction", "1 - successes(intervention) / successes(baseline)", successX, successB, "the baseline delivers nothing"));
        measures.Add(PerThousand("deaths_per_1000_attempts_baseline", "deaths per 1,000 attempts in the baseline", PairedEstimate.Ratio(deathsB, attemptsB, 1000)));
        measures.Add(PerThousand("deaths_per_1000_attempts_intervention", "deaths per 1,000 attempts in the intervention", PairedEstimate.Ratio(deathsX, attemptsX, 1000)));
        measures.Add(PerThousand("deaths_per_1000_attempts_change", "intervention minus baseline", PairedEstimate.RatioChange(deathsX, attemptsX, deathsB, attemptsB, 1000)));
        // Extension (not in docs/model.md section 8): displacement between crossings whatever was targeted. When an
        // intervention reinforces every crossing, section 8 has no "other" crossings and its ratio says nothing;
        // these count, crossing by crossing, the flow lost where it fell and the flow gained where it rose.
        var gains = Each(i => crossings.Sum(l => Math.Max(0, intervention[i].Flow[l] - baseline[i].Flow[l])));
        var losses = Each(i => crossings.Sum(l => Math.Max(0, baseline[i].Flow[l] - intervention[i].Flow[l])));
        measures.Add(new("gross_loss", "sum over crossings of flow lost where it fell (extension)", PairedEstimate.Mean(losses)));
        measures.Add(new("gross_gain", "sum over crossings of flow gained where it rose (extension)", PairedEstimate.Mean(gains)));
        measures.Add(losses.Average() > 0
            ? new("reappearance_ratio", "gross gain / gross loss: the share of lost flow that reappeared at other crossings (extension)", PairedEstimate.Ratio(gains, losses))
            : new("reappearance_ratio", "gross gain / gross loss (extension)", null, "undefined: no crossing lost flow"));
        measures.Add(new("attempts_baseline", "trips started in the baseline", PairedEstimate.Mean(attemptsB)));
        measures.Add(new("attempts_intervention", "trips started in the intervention", PairedEstimate.Mean(attemptsX)));
        measures.Add(new("successes_baseline", "trips delivered in the baseline", PairedEstimate.Mean(successB)));
        measures.Add(new("successes_intervention", "trips delivered in the intervention", PairedEstimate.Mean(successX)));
        measures.Add(new("deaths_baseline", "deaths in the baseline", PairedEstimate.Mean(deathsB)));
        measures.Add(new("deaths_intervention", "deaths in the intervention", PairedEstimate.Mean(deathsX)));

        var locations = crossings.Select(l => new LocationComparison(
            nodes[l].Id,
            nodes[l].Kind.ToString().ToLowerInvariant(),
            targeted.Contains(l),
            PairedEstimate.Mean(Each(i => baseline[i].Flow[l])),
            PairedEstimate.Mean(Each(i => intervention[i].Flow[l])),
            PairedEstimate.Mean(Each(i => intervention[i].Flow[l] - baseline[i].Flow[l])))).ToArray();

        return new Comparison(window, t.Select(l => nodes[l].Id).ToArray(), measures, locations);
    }

    private static ComparisonMeasure Complement(string name, string meaning, double[] intervention, double[] baseline, string whenZero)
    {
        var ratio = PairedEstimate.Ratio(intervention, baseline);
        if (ratio is not { } r) return new(name, meaning, null, $"undefined: {whenZero}");
        return new(name, meaning, r with { Mean = 1 - r.Mean, CiLow = 1 - r.CiHigh, CiHigh = 1 - r.CiLow });
    }

    private static ComparisonMeasure PerThousand(string name, string meaning, RouteSim.Core.Statistics.Summary? value) =>
        new(name, meaning, value, value is null ? "undefined: no attempts" : "");
}
