using RouteSim.Core.Model;
using RouteSim.Core.Statistics;

namespace RouteSim.Analysis.Counterfactuals;

/// <summary>
/// The paired counterfactual of docs/model.md section 8 and the project's extensions (docs/ODD.md 3.6): every measure of
/// <see cref="ComparisonMeasures"/> over a window, for every commodity together and for each one, each with a 95%
/// interval from the per-replication differences between an intervention and its baseline run with the same seeds.
/// </summary>
public sealed class Comparison
{
    private readonly Dictionary<(string Name, string Commodity), ComparisonMeasure> _byKey;

    private Comparison(Window window, IReadOnlyList<string> targeted, IReadOnlyList<string> unreinforced, IReadOnlyList<string> commodities,
        IReadOnlyList<ComparisonMeasure> measures, IReadOnlyList<LocationComparison> locations)
    {
        Window = window;
        Targeted = targeted;
        Unreinforced = unreinforced;
        Commodities = commodities;
        Measures = measures;
        Locations = locations;
        _byKey = measures.ToDictionary(m => (m.Name, m.Commodity));
    }

    /// <summary>The evaluation window.</summary>
    public Window Window { get; }

    /// <summary>Ids of the targeted crossings T: more resources, a higher deterrence cost, or both in the intervention (<see cref="CounterfactualRun.Targets"/>).</summary>
    public IReadOnlyList<string> Targeted { get; }

    /// <summary>Ids of the other crossings O, which the intervention neither reinforces nor makes costlier.</summary>
    public IReadOnlyList<string> Unreinforced { get; }

    /// <summary>Commodity ids, in scenario order (the pooled rows use <see cref="ComparisonMeasures.AllCommodities"/>).</summary>
    public IReadOnlyList<string> Commodities { get; }

    /// <summary>The measures: every measure for all commodities together, then for each commodity in turn.</summary>
    public IReadOnlyList<ComparisonMeasure> Measures { get; }

    /// <summary>Per crossing: flow in each arm and the change.</summary>
    public IReadOnlyList<LocationComparison> Locations { get; }

    /// <summary>The pooled measure with this name.</summary>
    public ComparisonMeasure this[string name] => this[name, ComparisonMeasures.AllCommodities];

    /// <summary>The measure with this name for one commodity (or <see cref="ComparisonMeasures.AllCommodities"/>); throws KeyNotFoundException when absent.</summary>
    public ComparisonMeasure this[string name, string commodity] =>
        _byKey.TryGetValue((name, commodity), out var m) ? m : throw new KeyNotFoundException($"no measure {name} for commodity {commodity}");

    /// <summary>Computes every measure from paired replications (baseline[i] and intervention[i] share seed and replication).</summary>
    /// <param name="nodes">The network's nodes (the same in both arms).</param>
    /// <param name="commodities">The scenario's commodities, in the order of <see cref="ArmTotals"/>' per-commodity arrays.</param>
    /// <param name="targets">The targeted crossings T by location index, with why each is targeted (<see cref="CounterfactualRun.Targets"/>).</param>
    /// <param name="baseline">Per replication, the baseline's totals.</param>
    /// <param name="intervention">Per replication, the intervention's totals (as many as the baseline's).</param>
    /// <param name="window">The window the totals cover.</param>
    /// <exception cref="ArgumentException">The arms differ in size or are empty.</exception>
    public static Comparison Compute(IReadOnlyList<Node> nodes, IReadOnlyList<Commodity> commodities, IReadOnlyDictionary<int, TargetReason> targets,
        IReadOnlyList<ArmTotals> baseline, IReadOnlyList<ArmTotals> intervention, Window window)
    {
        if (baseline.Count != intervention.Count || baseline.Count == 0)
            throw new ArgumentException("both arms need the same, non-zero number of replications");
        var crossings = Enumerable.Range(0, nodes.Count).Where(l => nodes[l].Kind == NodeKind.Crossing).ToArray();
        var targeted = crossings.Where(targets.ContainsKey).ToArray();
        var others = crossings.Where(l => !targets.ContainsKey(l)).ToArray();
        // The notes call the targets "reinforced" unless a deterrence cost targets one, as the sentences do.
        string kind = targets.Values.Any(r => r.HasFlag(TargetReason.DeterrenceCost)) ? "targeted" : "reinforced";
        var sets = new CrossingSets(crossings, targeted, others, kind);
        int n = baseline.Count;

        var measures = new List<ComparisonMeasure>();
        var everyCommodity = Enumerable.Range(0, commodities.Count).ToArray();
        measures.AddRange(new Scope(ComparisonMeasures.AllCommodities, "every commodity", everyCommodity,
            everyCommodity.Where(k => commodities[k].CarriesPeople).ToArray(), sets, baseline, intervention, n).Measures());
        for (int k = 0; k < commodities.Count; k++)
            measures.AddRange(new Scope(commodities[k].Id, commodities[k].Id, [k], commodities[k].CarriesPeople ? [k] : [], sets, baseline, intervention, n).Measures());

        var locations = crossings.Select(l => new LocationComparison(
            nodes[l].Id,
            nodes[l].Kind.ToString().ToLowerInvariant(),
            targets.GetValueOrDefault(l, TargetReason.None),
            PairedEstimate.Mean(Each(n, i => baseline[i].FlowAt(l, everyCommodity))),
            PairedEstimate.Mean(Each(n, i => intervention[i].FlowAt(l, everyCommodity))),
            PairedEstimate.Mean(Each(n, i => intervention[i].FlowAt(l, everyCommodity) - baseline[i].FlowAt(l, everyCommodity))))).ToArray();

        return new Comparison(window, sets.Targeted.Select(l => nodes[l].Id).ToArray(), others.Select(l => nodes[l].Id).ToArray(),
            commodities.Select(c => c.Id).ToArray(), measures, locations);
    }

    private static double[] Each(int n, Func<int, double> f)
    {
        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = f(i);
        return values;
    }

    /// <summary>The crossings, the targeted ones T and the others O, and the word notes use for T ("reinforced" or "targeted").</summary>
    private sealed record CrossingSets(int[] All, int[] Targeted, int[] Others, string Kind);

    /// <summary>The measures of one commodity scope: the commodities counted, and those of them that carry people.</summary>
    private sealed class Scope(string id, string words, int[] commodities, int[] people, CrossingSets sets,
        IReadOnlyList<ArmTotals> baseline, IReadOnlyList<ArmTotals> intervention, int n)
    {
        private readonly List<ComparisonMeasure> _measures = [];

        private double[] B(Func<ArmTotals, double> f) => Each(n, i => f(baseline[i]));

        private double[] X(Func<ArmTotals, double> f) => Each(n, i => f(intervention[i]));

        private double Flow(ArmTotals a, int[] set)
        {
            double sum = 0;
            foreach (int l in set) sum += a.FlowAt(l, commodities);
            return sum;
        }

        private void Add(string name, Summary? value, string note = "") => _measures.Add(new ComparisonMeasure(name, id, value, note));

        public IReadOnlyList<ComparisonMeasure> Measures()
        {
            Displacement();
            var attemptsB = B(a => ArmTotals.Sum(a.Attempts, commodities));
            var attemptsX = X(a => ArmTotals.Sum(a.Attempts, commodities));
            var successB = B(a => ArmTotals.Sum(a.Successes, commodities));
            var successX = X(a => ArmTotals.Sum(a.Successes, commodities));
            string noAttempts = $"undefined: the baseline makes no {words} attempts in the window";
            Complement(ComparisonMeasures.Deterrence.Name, attemptsX, attemptsB, noAttempts);
            Complement(ComparisonMeasures.DeliveredReduction.Name, successX, successB, $"undefined: the baseline delivers no {words} trips in the window");
            DeathRates();
            RouteMeans(ComparisonMeasures.MeanRouteDanger, a => a.DangerTrips, attemptsB, attemptsX);
            RouteMeans(ComparisonMeasures.MeanRouteDetection, a => a.DetectionTrips, attemptsB, attemptsX);
            UnreinforcedShare();
            GrossMovement();
            Add(ComparisonMeasures.AttemptsBaseline.Name, PairedEstimate.Mean(attemptsB));
            Add(ComparisonMeasures.AttemptsIntervention.Name, PairedEstimate.Mean(attemptsX));
            Add(ComparisonMeasures.SuccessesBaseline.Name, PairedEstimate.Mean(successB));
            Add(ComparisonMeasures.SuccessesIntervention.Name, PairedEstimate.Mean(successX));
            Add(ComparisonMeasures.InterdictionsBaseline.Name, PairedEstimate.Mean(B(a => ArmTotals.Sum(a.Interdictions, commodities))));
            Add(ComparisonMeasures.InterdictionsIntervention.Name, PairedEstimate.Mean(X(a => ArmTotals.Sum(a.Interdictions, commodities))));
            if (people.Length == 0)
            {
                string none = NoPeople();
                Add(ComparisonMeasures.DeathsBaseline.Name, null, none);
                Add(ComparisonMeasures.DeathsIntervention.Name, null, none);
                Add(ComparisonMeasures.DeathsChange.Name, null, none);
            }
            else
            {
                var deathsB = B(a => ArmTotals.Sum(a.Deaths, people));
                var deathsX = X(a => ArmTotals.Sum(a.Deaths, people));
                Add(ComparisonMeasures.DeathsBaseline.Name, PairedEstimate.Mean(deathsB));
                Add(ComparisonMeasures.DeathsIntervention.Name, PairedEstimate.Mean(deathsX));
                Add(ComparisonMeasures.DeathsChange.Name, PairedEstimate.Mean(Each(n, i => deathsX[i] - deathsB[i])));
            }
            return _measures;
        }

        private string NoPeople() => id == ComparisonMeasures.AllCommodities
            ? "undefined: no commodity carries people, so no trip can die"
            : $"undefined: {id} trips carry no people, so none can die";

        /// <summary>
        /// The displacement ratio's note where the targeted crossings gained flow over the window (a negative targeted
        /// drop): the reference model's ratio dO / dT is still given, but it is then no share of stopped flow.
        /// </summary>
        private const string GainedAtTargets = "caution: the targeted crossings gained flow over the window (a targeted drop below 0), so no flow was stopped there "
            + "and this ratio is not the share of stopped flow that moved; read the targeted drop and the displaced increase instead";

        /// <summary>Reference model section 8: targeted drop, displaced increase and their ratio, with the cases where they say nothing.</summary>
        private void Displacement()
        {
            if (sets.Targeted.Length == 0)
            {
                const string none = "undefined: no crossing has more configured enforcement or a higher deterrence cost in the intervention during the window";
                Add(ComparisonMeasures.TargetedDrop.Name, null, none);
                Add(ComparisonMeasures.DisplacedIncrease.Name, null, none);
                Add(ComparisonMeasures.DisplacementRatio.Name, null, none);
                return;
            }
            var dT = Each(n, i => Flow(baseline[i], sets.Targeted) - Flow(intervention[i], sets.Targeted));
            var drop = PairedEstimate.Mean(dT);
            Add(ComparisonMeasures.TargetedDrop.Name, drop, drop.Mean == 0 && drop.Sd is 0 or double.NaN ? $"0: no {words} trip passes the {sets.Kind} crossings in either arm" : "");
            if (sets.Others.Length == 0)
            {
                string everywhere = $"every crossing is {sets.Kind}, so no other crossing is left for flow to move to; "
                    + $"the gross gain and the reappearance ratio measure movement between {sets.Kind} crossings";
                Add(ComparisonMeasures.DisplacedIncrease.Name, new Summary(0, 0, 0, 0, n), $"0 by construction: {everywhere}");
                Add(ComparisonMeasures.DisplacementRatio.Name, null, $"undefined: {everywhere}");
                return;
            }
            var otherB = B(a => Flow(a, sets.Others));
            var otherX = X(a => Flow(a, sets.Others));
            if (otherB.All(f => f == 0) && otherX.All(f => f == 0))
            {
                string unreached = $"no {words} trip reaches a crossing that was not {sets.Kind}, in either arm";
                Add(ComparisonMeasures.DisplacedIncrease.Name, new Summary(0, 0, 0, 0, n), $"0 by construction: {unreached}");
                Add(ComparisonMeasures.DisplacementRatio.Name, null, $"undefined: {unreached}; the reappearance ratio measures movement between {sets.Kind} crossings");
                return;
            }
            var dO = Each(n, i => otherX[i] - otherB[i]);
            Add(ComparisonMeasures.DisplacedIncrease.Name, PairedEstimate.Mean(dO));
            if (drop.Mean == 0)
                Add(ComparisonMeasures.DisplacementRatio.Name, null, "undefined: the targeted drop is zero");
            else
                Add(ComparisonMeasures.DisplacementRatio.Name, PairedEstimate.Ratio(dO, dT),
                    drop.Mean < 0 ? GainedAtTargets
                    : drop.CiLow <= 0 && drop.CiHigh >= 0 ? "caution: the targeted drop is not distinguishable from zero, so this ratio is unreliable" : "");
        }

        private void Complement(string name, double[] intervention, double[] baseline, string whenZero)
        {
            if (PairedEstimate.Ratio(intervention, baseline) is not { } r) Add(name, null, whenZero);
            else Add(name, r with { Mean = 1 - r.Mean, CiLow = 1 - r.CiHigh, CiHigh = 1 - r.CiLow });
        }

        private void DeathRates()
        {
            if (people.Length == 0)
            {
                string none = NoPeople();
                Add(ComparisonMeasures.DeathsPer1000AttemptsBaseline.Name, null, none);
                Add(ComparisonMeasures.DeathsPer1000AttemptsIntervention.Name, null, none);
                Add(ComparisonMeasures.DeathsPer1000AttemptsChange.Name, null, none);
                return;
            }
            var deathsB = B(a => ArmTotals.Sum(a.Deaths, people));
            var deathsX = X(a => ArmTotals.Sum(a.Deaths, people));
            var attemptsB = B(a => ArmTotals.Sum(a.Attempts, people));
            var attemptsX = X(a => ArmTotals.Sum(a.Attempts, people));
            const string noAttempts = "undefined: no attempts that carry people in the window";
            Add(ComparisonMeasures.DeathsPer1000AttemptsBaseline.Name, PairedEstimate.Ratio(deathsB, attemptsB, 1000), attemptsB.Average() == 0 ? noAttempts : "");
            Add(ComparisonMeasures.DeathsPer1000AttemptsIntervention.Name, PairedEstimate.Ratio(deathsX, attemptsX, 1000), attemptsX.Average() == 0 ? noAttempts : "");
            var change = PairedEstimate.RatioChange(deathsX, attemptsX, deathsB, attemptsB, 1000);
            Add(ComparisonMeasures.DeathsPer1000AttemptsChange.Name, change, change is null ? noAttempts : "");
        }

        /// <summary>A trip-weighted mean of a per-route quantity in each arm and its paired change.</summary>
        private void RouteMeans(ArmMeasures measures, Func<ArmTotals, double[]> sums, double[] attemptsB, double[] attemptsX)
        {
            var sumB = B(a => ArmTotals.Sum(sums(a), commodities));
            var sumX = X(a => ArmTotals.Sum(sums(a), commodities));
            string noTrips = $"undefined: no {words} trips started in the window";
            var b = PairedEstimate.Ratio(sumB, attemptsB);
            var x = PairedEstimate.Ratio(sumX, attemptsX);
            var change = PairedEstimate.RatioChange(sumX, attemptsX, sumB, attemptsB);
            Add(measures.Baseline.Name, b, b is null ? noTrips : "");
            Add(measures.Intervention.Name, x, x is null ? noTrips : "");
            Add(measures.Change.Name, change, change is null ? noTrips : "");
        }

        private void UnreinforcedShare()
        {
            string? undefined = sets.Others.Length == 0 ? (sets.Kind == "reinforced" ? "undefined: the intervention reinforces every crossing, so none is unreinforced" : "undefined: the intervention targets every crossing, so none is left untargeted")
                : sets.Targeted.Length == 0 ? "undefined: the intervention targets no crossing during the window (no more resources, no higher deterrence cost)"
                : null;
            if (undefined is not null)
            {
                foreach (var measure in ComparisonMeasures.UnreinforcedShare.Each) Add(measure.Name, null, undefined);
                return;
            }
            var otherB = B(a => Flow(a, sets.Others));
            var otherX = X(a => Flow(a, sets.Others));
            if (otherB.All(f => f == 0) && otherX.All(f => f == 0))
            {
                string unreached = $"0 by construction: no {words} trip reaches a crossing that was not {sets.Kind}, in either arm";
                foreach (var measure in ComparisonMeasures.UnreinforcedShare.Each) Add(measure.Name, new Summary(0, 0, 0, 0, n), unreached);
                return;
            }
            var allB = B(a => Flow(a, sets.All));
            var allX = X(a => Flow(a, sets.All));
            string noFlow = $"undefined: no {words} trip reaches a crossing in the window";
            var b = PairedEstimate.Ratio(otherB, allB);
            var x = PairedEstimate.Ratio(otherX, allX);
            var change = PairedEstimate.RatioChange(otherX, allX, otherB, allB);
            Add(ComparisonMeasures.UnreinforcedShareBaseline.Name, b, b is null ? noFlow : "");
            Add(ComparisonMeasures.UnreinforcedShareIntervention.Name, x, x is null ? noFlow : "");
            Add(ComparisonMeasures.UnreinforcedShareChange.Name, change, change is null ? noFlow : "");
        }

        /// <summary>
        /// Extension: displacement between crossings whatever was targeted. When an intervention reinforces every
        /// crossing, section 8 has no "other" crossings; these count, crossing by crossing, the flow lost where it
        /// fell and the flow gained where it rose.
        /// </summary>
        private void GrossMovement()
        {
            var gains = Each(n, i => sets.All.Sum(l => Math.Max(0, intervention[i].FlowAt(l, commodities) - baseline[i].FlowAt(l, commodities))));
            var losses = Each(n, i => sets.All.Sum(l => Math.Max(0, baseline[i].FlowAt(l, commodities) - intervention[i].FlowAt(l, commodities))));
            Add(ComparisonMeasures.GrossLoss.Name, PairedEstimate.Mean(losses));
            Add(ComparisonMeasures.GrossGain.Name, PairedEstimate.Mean(gains));
            if (losses.Average() > 0) Add(ComparisonMeasures.ReappearanceRatio.Name, PairedEstimate.Ratio(gains, losses));
            else Add(ComparisonMeasures.ReappearanceRatio.Name, null, "undefined: no crossing lost flow");
        }
    }
}
