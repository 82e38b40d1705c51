using System.Globalization;
using RouteSim.Analysis.Counterfactuals;
using RouteSim.Core.Model;
using RouteSim.Results.Reading;

namespace RouteSim.Plotting.Text;

/// <summary>
/// The few plain sentences at the top of a comparison's console output and report.html: what fell where, how much
/// reappeared and where, whether trips moved to more dangerous and less-monitored routes, deterrence, and deaths
/// per 1,000 attempts of people-carrying trips before and after, each with its 95% interval. Where a measure is
/// undefined or zero by construction, the sentence says so instead of giving a number.
/// </summary>
public static class ComparisonStory
{
    /// <summary>Crossings named in a sentence about where flow fell or rose.</summary>
    public const int Named = 3;

    /// <summary>The sentences, in reading order.</summary>
    public static IReadOnlyList<string> Sentences(ComparisonFolder comparison)
    {
        var m = comparison.Manifest;
        var labels = comparison.Baseline.Nodes.ToDictionary(n => n.Id, n => n.Label.Length > 0 ? n.Label : n.Id, StringComparer.Ordinal);
        string Name(string id) => labels.GetValueOrDefault(id, id);
        MeasureRow Row(string name) => comparison[name];
        string Say(string name) { var r = Row(name); return Quantities.WithInterval(ComparisonMeasures.Get(name), r.Estimate, r.CiLow, r.CiHigh); }
        string Short(string name) { var r = Row(name); return Quantities.Value(ComparisonMeasures.Get(name), r.Estimate, r.CiLow, r.CiHigh); }

        var sentences = new List<string>
        {
            m.Replications < 2
                ? $"Over {WindowText(m.Window, m.PeriodUnit, m.StartDate)}, one replication: no interval can be computed from one, so no change below "
                  + "is called clear or unclear, and any change may be Monte Carlo noise; run 2 or more replications (20 is the default) before reading one as real."
                : $"Over {WindowText(m.Window, m.PeriodUnit, m.StartDate)}, mean of {m.Replications} paired replications. The 95% intervals in brackets "
                  + "measure Monte Carlo noise only: they do not include the uncertainty of the scenario's own assumptions, and counts (trips, deaths) are "
                  + "only as right as the scenario's volumes and dangers; sweep the assumptions (routesim sweep, routesim sensitivity) before quoting a total.",
        };
        var targeted = comparison.Locations.Where(l => l.Targeted).ToArray();
        var others = comparison.Locations.Where(l => !l.Targeted).ToArray();
        string Places(IEnumerable<LocationChangeRow> rows) => Join(rows.Take(Named).Select(l => $"{Name(l.Location)} ({Quantities.Count(l.Change, signed: true)})").ToArray());
        // A crossing is said to have lost or gained only when its change's interval excludes zero.
        var fell = targeted.Where(l => l.ChangeHigh < 0).OrderBy(l => l.Change).ToArray();

        bool costlier = targeted.Any(l => l.TargetedBy.HasFlag(TargetReason.DeterrenceCost));
        string kind = TargetWord(comparison);
        if (targeted.Length == 0)
            sentences.Add("The intervention targets no crossing during the window (none has more resources or a higher deterrence cost than in the baseline), so there is no targeted drop and no displacement to measure.");
        else
        {
            var drop = Row(ComparisonMeasures.TargetedDrop.Name);
            var gained = targeted.Where(l => l.ChangeLow > 0).OrderByDescending(l => l.Change).ToArray();
            string at = targeted.Length == 1
                ? $"At the one {kind} crossing, {Name(targeted[0].Location)}{(costlier ? $" ({How(targeted[0].TargetedBy)})" : "")},"
                : $"At the {targeted.Length} {kind} crossings together{(costlier ? $" ({Groups(targeted, Name)})" : "")},";
            sentences.Add($"{at} flow {(drop.Estimate >= 0 ? "fell" : "rose")} by a net {Quantities.WithInterval(ComparisonMeasures.TargetedDrop, Math.Abs(drop.Estimate), Math.Min(Math.Abs(drop.CiLow), Math.Abs(drop.CiHigh)), Math.Max(Math.Abs(drop.CiLow), Math.Abs(drop.CiHigh)))} crossings"
                + (targeted.Length > 1 && fell.Length > 0 ? $", the largest falls at {Places(fell)}" : "")
                + (targeted.Length > 1 && gained.Length > 0 ? $"; {gained.Length} of them gained flow beyond Monte Carlo noise (95% interval above zero), most at {Places(gained)}" : "")
                + (targeted.Length > 1 ? $". Counted crossing by crossing, {Short(ComparisonMeasures.GrossLoss.Name)} crossings were lost where flow fell and {Short(ComparisonMeasures.GrossGain.Name)} gained where it rose." : "."));
            if (others.Length == 0)
            {
                var rose = comparison.Locations.Where(l => l.ChangeLow > 0).OrderByDescending(l => l.Change).ToArray();
                sentences.Add($"Every crossing was {kind}, so no crossing was left for flow to move to{(costlier ? " that the intervention neither reinforced nor made costlier" : "")} and the displacement ratio is undefined; "
                    + $"flow still moved between {kind} crossings: of {Say(ComparisonMeasures.GrossLoss.Name)} crossings lost where flow fell, {Say(ComparisonMeasures.GrossGain.Name)} reappeared where it rose"
                    + (rose.Length > 0 ? $", most at {Places(rose)}." : "."));
            }
            else if (double.IsNaN(drop.Estimate) || drop.Estimate == 0)
                sentences.Add($"The displacement ratio is undefined: {Row(ComparisonMeasures.DisplacementRatio.Name).Note.Replace("undefined: ", "", StringComparison.Ordinal)}.");
            else
                sentences.Add(Displacement(comparison, targeted, others, kind, Name, Places, Say));
            if (Mixed(targeted, others, Name) is { } mixed) sentences.Add(mixed);
        }

        var deterrence = Row(ComparisonMeasures.Deterrence.Name);
        sentences.Add($"Trips attempted {Direction(deterrence.Estimate, "fell", "rose")} by {Magnitude(ComparisonMeasures.Deterrence.Name, deterrence)} ({DeterrenceWords(deterrence)}); "
            + $"trips interdicted (seizures, apprehensions) went from {Short(ComparisonMeasures.InterdictionsBaseline.Name)} to {Short(ComparisonMeasures.InterdictionsIntervention.Name)}; "
            + $"and trips delivered {Direction(Row(ComparisonMeasures.DeliveredReduction.Name).Estimate, "fell", "rose")} by {Magnitude(ComparisonMeasures.DeliveredReduction.Name, Row(ComparisonMeasures.DeliveredReduction.Name))}.");

        // A chance of death means something only for trips that carry people: where one commodity carries people and
        // others do not, the sentence reads that commodity's rows, not the pool with loads no one can die with.
        var carriers = comparison.Commodities.Where(c => !double.IsNaN(comparison[ComparisonMeasures.DeathsBaseline.Name, c].Estimate)).ToArray();
        string dangerScope = carriers.Length == 1 && comparison.Commodities.Count > 1 ? carriers[0] : ComparisonMeasures.AllCommodities;
        MeasureRow DangerRow(string name) => comparison[name, dangerScope];
        string DangerShort(string name) { var r = DangerRow(name); return Quantities.Value(ComparisonMeasures.Get(name), r.Estimate, r.CiLow, r.CiHigh); }
        string DangerSay(string name) { var r = DangerRow(name); return Quantities.WithInterval(ComparisonMeasures.Get(name), r.Estimate, r.CiLow, r.CiHigh); }
        string trips = dangerScope == ComparisonMeasures.AllCommodities ? "Trips" : $"Trips carrying {dangerScope}";
        var danger = DangerRow(ComparisonMeasures.MeanRouteDangerChange.Name);
        string dangerMove = Clear(danger) switch
        {
            > 0 => $"{trips} moved to more dangerous routes",
            < 0 => $"{trips} moved to safer routes",
            0 => $"{trips} did not clearly move to more or less dangerous routes",
            _ => $"Whether {trips.ToLowerInvariant()} moved to more or less dangerous routes cannot be told without an interval",
        };
        sentences.Add($"{dangerMove}: the mean chance of death on the route chosen was {DangerShort(ComparisonMeasures.MeanRouteDangerBaseline.Name)} without the intervention and "
            + $"{DangerShort(ComparisonMeasures.MeanRouteDangerIntervention.Name)} with it (change {DangerSay(ComparisonMeasures.MeanRouteDangerChange.Name)})"
            + (dangerScope == ComparisonMeasures.AllCommodities ? "." : $"; the other commodities carry no people (their route danger is in the table)."));

        var detection = Row(ComparisonMeasures.MeanRouteDetectionChange.Name);
        string detectionMove = Clear(detection) switch
        {
            < 0 => "they moved to less-monitored routes",
            > 0 => "they did not move to less-monitored routes",
            0 => "they did not clearly move to less- or more-monitored routes",
            _ => "whether they moved to less- or more-monitored routes cannot be told without an interval",
        };
        sentences.Add($"Judged by the intervention's own enforcement, {detectionMove}: the routes chosen with it carry a {Short(ComparisonMeasures.MeanRouteDetectionIntervention.Name)} "
            + $"chance of interdiction, against {Short(ComparisonMeasures.MeanRouteDetectionBaseline.Name)} for the routes chosen without it (change {Say(ComparisonMeasures.MeanRouteDetectionChange.Name)}).");

        var deathRow = Row(ComparisonMeasures.DeathsPer1000AttemptsBaseline.Name);
        if (double.IsNaN(deathRow.Estimate))
            sentences.Add($"Deaths per 1,000 attempts: {deathRow.Note.Replace("undefined: ", "", StringComparison.Ordinal)}.");
        else
        {
            string who = carriers.Length == 1 ? $"attempts carrying {carriers[0]}" : "attempts carrying people";
            sentences.Add($"Deaths per 1,000 {who}: {Say(ComparisonMeasures.DeathsPer1000AttemptsBaseline.Name)} without the intervention, "
                + $"{Say(ComparisonMeasures.DeathsPer1000AttemptsIntervention.Name)} with it (change {Say(ComparisonMeasures.DeathsPer1000AttemptsChange.Name)}); "
                + $"deaths over the window went from {Short(ComparisonMeasures.DeathsBaseline.Name)} to {Short(ComparisonMeasures.DeathsIntervention.Name)} (change {Say(ComparisonMeasures.DeathsChange.Name)}).");
        }

        if (comparison.Commodities.Count > 1 && others.Length > 0 && targeted.Length > 0)
        {
            var defined = new List<string>();
            var unreached = new List<string>();
            foreach (var c in comparison.Commodities)
            {
                var r = comparison[ComparisonMeasures.DisplacementRatio.Name, c];
                if (double.IsNaN(r.Estimate)) unreached.Add(c);
                else defined.Add($"{c} {Quantities.Cell(ComparisonMeasures.Get(r.Name), r.Estimate, r.CiLow, r.CiHigh)}");
            }
            if (defined.Count > 0)
                sentences.Add($"By commodity, the displacement ratio is {Join(defined)}"
                    + (unreached.Count > 0 ? $"; it is undefined for {Join(unreached)} (see the notes under the table)." : "."));
        }
        return sentences;
    }

    /// <summary>
    /// How sentences, figures and captions name the targeted crossings: "reinforced" when resources are the only
    /// reason any crossing is targeted (every comparison without deterrence costs reads as it always did),
    /// "targeted" when a deterrence cost targets some crossing.
    /// </summary>
    public static string TargetWord(ComparisonFolder comparison) =>
        comparison.Locations.Any(l => l.TargetedBy.HasFlag(TargetReason.DeterrenceCost)) ? "targeted" : "reinforced";

    /// <summary>The crossings table's "targeted" cell: "no", or "yes" with the reason (resources, deterrence cost, or both).</summary>
    public static string TargetedCell(LocationChangeRow location) =>
        location.Targeted ? $"yes: {TargetReasons.Words(location.TargetedBy == TargetReason.None ? TargetReason.Resources : location.TargetedBy)}" : "no";

    /// <summary>
    /// Where the targeted drop went: the displaced increase at the other crossings and the displacement ratio. The
    /// increase is net: where some other crossings gained and others lost, the sentence names both, so a single
    /// gain larger than the whole is read as what it is; where the other crossings gained more than the targeted
    /// ones lost (a ratio above 1), the sentence says so instead of calling the gain a part of the drop.
    /// </summary>
    private static string Displacement(ComparisonFolder comparison, LocationChangeRow[] targeted, LocationChangeRow[] others, string kind,
        Func<string, string> name, Func<IEnumerable<LocationChangeRow>, string> places, Func<string, string> say)
    {
        var drop = comparison[ComparisonMeasures.TargetedDrop.Name];
        var increase = comparison[ComparisonMeasures.DisplacedIncrease.Name];
        var ratio = comparison[ComparisonMeasures.DisplacementRatio.Name];
        var rose = others.Where(l => l.ChangeLow > 0).OrderByDescending(l => l.Change).ToArray();
        var fellToo = others.Where(l => l.ChangeHigh < 0).OrderBy(l => l.Change).ToArray();
        bool net = rose.Length > 0 && fellToo.Length > 0;
        string theOthers = others.Length == 1 ? $"the one crossing that was not {kind}, {name(others[0].Location)}" : $"the {others.Length} crossings that were not {kind}";
        bool judged = !others.Any(l => double.IsNaN(l.ChangeLow)); // one replication: no interval, no crossing said to have gained or lost
        string where = net ? $", the gains at {places(rose)} less the falls at {places(fellToo)}"
            : others.Length == 1 || !judged ? ""
            : increase.Estimate >= 0 ? (rose.Length > 0 ? $", most at {places(rose)}" : ", though no single one of them gained clearly")
            : fellToo.Length > 0 ? $", most at {places(fellToo)}" : ", though no single one of them lost clearly";
        string amount = (net ? "a net " : "") + say(ComparisonMeasures.DisplacedIncrease.Name);
        if (drop.Estimate < 0)
            // The targeted crossings gained: nothing stopped there could have moved, and dO / dT is no share of it.
            return $"Flow {(increase.Estimate < 0 ? "fell" : "rose")} at {theOthers}{(increase.Estimate < 0 ? "" : " too")}, their change {amount} crossings{where}; "
                + $"with flow up at the {kind} crossing{(targeted.Length == 1 ? "" : "s")} no stopped flow moved, so the displacement ratio of {say(ComparisonMeasures.DisplacementRatio.Name)} "
                + "is not a share of it: read the two changes instead.";
        string lost = targeted.Length == 1 ? $"the {kind} crossing lost" : $"the {kind} crossings lost";
        string moreAttempts = comparison[ComparisonMeasures.Deterrence.Name].CiHigh < 0 ? ", as more trips were attempted (below)" : "";
        string clause = increase.Estimate < 0
            ? $"Flow fell at {theOthers} as well, their change {amount} crossings{where}"
            : increase.Estimate > drop.Estimate
                ? $"Against that drop, {(others.Length == 1 ? $"{name(others[0].Location)}, the one crossing that was not {kind}," : theOthers)} gained {amount} crossings{where}, more than {lost}{moreAttempts}"
                : $"{(targeted.Length > 1 ? "Against the net drop" : "Of that")}, {amount} crossings reappeared at {theOthers}{where}";
        return $"{clause}: a displacement ratio of {say(ComparisonMeasures.DisplacementRatio.Name)}" + (ratio.Note.Length > 0 ? $" ({ratio.Note})." : ".");
    }

    /// <summary>
    /// For an intervention that reinforces some crossings and only makes others costlier: the crossings made
    /// costlier count among the targeted ones, so flow that left a reinforced crossing for one of them is netted in
    /// the targeted drop and never counted as displacement. Says so with each group's change; null otherwise.
    /// </summary>
    private static string? Mixed(LocationChangeRow[] targeted, LocationChangeRow[] others, Func<string, string> name)
    {
        var reinforced = targeted.Where(l => l.TargetedBy.HasFlag(TargetReason.Resources)).ToArray();
        var costlier = targeted.Where(l => l.TargetedBy == TargetReason.DeterrenceCost).ToArray();
        if (reinforced.Length == 0 || costlier.Length == 0) return null;
        string Names(IEnumerable<LocationChangeRow> rows) => Join(rows.Select(l => name(l.Location)).ToArray());
        string Changes(IEnumerable<LocationChangeRow> rows) => Join(rows.Select(l => $"{name(l.Location)} {Quantities.Count(l.Change, signed: true)}").ToArray());
        string Sum(IEnumerable<LocationChangeRow> rows) => Quantities.Count(rows.Sum(l => l.Change), signed: true);
        return $"The intervention is mixed: it reinforces {Names(reinforced)} and makes {Names(costlier)} costlier with a deterrence cost, "
            + $"so flow leaving {Names(reinforced)} finds {Names(costlier)} costlier too"
            + (others.Length > 0 ? $" and only {Names(others)} as before" : "")
            + $". Flow that moved from {Names(reinforced)} to {Names(costlier)} is netted in the targeted drop, never counted as displacement: "
            + $"over the window {Names(reinforced)} changed by {Sum(reinforced)}{(reinforced.Length > 1 ? $" ({Changes(reinforced)})" : "")} "
            + $"and {Names(costlier)} by {Sum(costlier)}{(costlier.Length > 1 ? $" ({Changes(costlier)})" : "")} (means of the replications)"
            + (others.Length > 0 ? $"; the displacement ratio counts only {Names(others)}." : ".");
    }

    /// <summary>"reinforced", "made costlier by a deterrence cost", or both.</summary>
    private static string How(TargetReason reason) => reason switch
    {
        TargetReason.DeterrenceCost => "made costlier by a deterrence cost",
        TargetReason.Both => "reinforced and made costlier by a deterrence cost",
        _ => "reinforced",
    };

    /// <summary>The targeted crossings grouped by reason: "X1 reinforced; X2 and X3 made costlier by a deterrence cost".</summary>
    private static string Groups(IEnumerable<LocationChangeRow> targeted, Func<string, string> name) =>
        string.Join("; ", targeted.GroupBy(l => l.TargetedBy == TargetReason.None ? TargetReason.Resources : l.TargetedBy).OrderBy(g => g.Key)
            .Select(g => $"{Join(g.Select(l => name(l.Location)).ToArray())} {How(g.Key)}"));

    /// <summary>
    /// The label beside the change in attempts: deterrence (1 - attempts ratio, docs/model.md section 8) is named as
    /// such only where its interval lies above zero; a rise in attempts is a negative deterrence, and says so.
    /// </summary>
    private static string DeterrenceWords(MeasureRow deterrence) =>
        double.IsNaN(deterrence.Estimate) ? "deterrence undefined"
        : deterrence.CiLow > 0 ? "deterrence"
        : deterrence.CiHigh < 0 ? $"deterrence {Quantities.Value(ComparisonMeasures.Deterrence, deterrence.Estimate, deterrence.CiLow, deterrence.CiHigh)}, negative: the intervention deterred no trips overall"
        : double.IsNaN(deterrence.CiLow) ? "deterrence: no interval, so not judged"
        : "deterrence not distinguishable from zero";

    /// <summary>"days 34 to 364 (4 February to 31 December 2025)" or "days 34 to 364" without a start date.</summary>
    public static string WindowText(string window, string unit, string? startDate)
    {
        var parts = window.Split(':');
        int from = int.Parse(parts[0], CultureInfo.InvariantCulture), to = int.Parse(parts[1], CultureInfo.InvariantCulture) - 1;
        string text = $"{unit}s {from} to {to}";
        if (startDate is null || !DateOnly.TryParseExact(startDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)) return text;
        if (PeriodCalendar.DateOf(start, unit, from) is not { } first || PeriodCalendar.DateOf(start, unit, to) is not { } last) return text;
        return $"{text} ({Date(first)} to {Date(last)})";
    }

    /// <summary>A date as "4 February 2025".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>1 or -1 where the change's interval lies above or below zero, 0 where it includes zero, null where there is no interval (one replication).</summary>
    private static int? Clear(MeasureRow change) =>
        double.IsNaN(change.CiLow) ? null : change.CiLow > 0 ? 1 : change.CiHigh < 0 ? -1 : 0;

    private static string Direction(double estimate, string positive, string negative) => estimate >= 0 ? positive : negative;

    private static string Magnitude(string name, MeasureRow r)
    {
        var measure = ComparisonMeasures.Get(name);
        if (double.IsNaN(r.Estimate)) return $"an undefined amount ({r.Note})";
        return r.Estimate >= 0
            ? Quantities.WithInterval(measure, r.Estimate, r.CiLow, r.CiHigh)
            : Quantities.WithInterval(measure, -r.Estimate, -r.CiHigh, -r.CiLow);
    }

    private static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
