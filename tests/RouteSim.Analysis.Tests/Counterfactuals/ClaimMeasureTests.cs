using RouteSim.Analysis.Counterfactuals;
using RouteSim.Core.Engine;
using RouteSim.Core.Model;
using static RouteSim.Analysis.Tests.Counterfactuals.Arms;

namespace RouteSim.Analysis.Tests.Counterfactuals;

/// <summary>
/// The claim the project exists to test, measured directly: reinforcing one crossing pushes trips to more
/// dangerous and less-monitored routes. Each assertion is on a 95% interval from 30 paired replications, so a
/// false pass or fail has a chance of about 2.5% per bound under the model, smaller still because the effects
/// here are many interval widths from zero.
/// </summary>
public class ClaimMeasureTests
{
    /// <summary>A safe, watched crossing beside a deadly desert nobody watches; the intervention reinforces only the safe one.</summary>
    private static Comparison SafeCrossingBesideDeadlyDesert()
    {
        var crossings = new[] { Crossing("SAFE", cost: 1, b: 0.05, area: 10), Crossing("DESERT", cost: 1.5, b: 0.005, area: 200, danger: 0.05) };
        return Compare(Parallel(crossings, At(("SAFE", 2))), Parallel(crossings, At(("SAFE", 50))));
    }

    [Fact]
    public void Reinforcing_the_safe_crossing_moves_trips_to_the_deadly_unwatched_desert()
    {
        var c = SafeCrossingBesideDeadlyDesert();
        Assert.Equal(["SAFE"], c.Targeted);
        Assert.Equal(["DESERT"], c.Unreinforced);
        foreach (var commodity in new[] { ComparisonMeasures.AllCommodities, "migrants" })
        {
            var danger = c["mean_route_danger_change", commodity].Value!.Value;
            Assert.True(danger.CiLow > 0, $"route danger change {danger.Mean} [{danger.CiLow}, {danger.CiHigh}]");
            var deaths = c["deaths_per_1000_attempts_change", commodity].Value!.Value;
            Assert.True(deaths.CiLow > 0, $"deaths per 1,000 change {deaths.Mean} [{deaths.CiLow}, {deaths.CiHigh}]");
            var detection = c["mean_route_detection_change", commodity].Value!.Value;
            Assert.True(detection.CiHigh < 0, $"route detection change {detection.Mean} [{detection.CiLow}, {detection.CiHigh}]: trips should leave the watched crossing");
            var share = c["unreinforced_share_change", commodity].Value!.Value;
            Assert.True(share.CiLow > 0, $"unreinforced share change {share.Mean} [{share.CiLow}, {share.CiHigh}]");
            Assert.True(c["displacement_ratio", commodity].Value!.Value.CiLow > 0);
        }
    }

    /// <summary>
    /// With one route through each crossing, the trip-weighted means have closed forms in the per-route trips:
    /// mean danger = (trips through the desert x its danger) / all trips, and mean detection weights each route's
    /// detection under the intervention's enforcement, 1 - (1 - b)exp(-eta E / A), by its trips.
    /// </summary>
    [Fact]
    public void Route_means_are_the_trip_weighted_means_of_each_route_under_the_interventions_enforcement()
    {
        var crossings = new[] { Crossing("SAFE", cost: 1, b: 0.05, area: 10), Crossing("DESERT", cost: 1.5, b: 0.005, area: 200, danger: 0.05) };
        var baseline = CompiledScenario.Build(Parallel(crossings, At(("SAFE", 2)), periods: 10));
        var intervention = CompiledScenario.Build(Parallel(crossings, At(("SAFE", 50)), periods: 10));
        var window = new Window(2, 10);
        var results = new List<ReplicationResult>();
        Ensemble.Run(baseline, new RunSettings(3, 1, 1), results.Add);
        var totals = new ArmReduction(baseline, intervention, window).Reduce(results[0]);

        var routes = baseline.Organizations[0].Routes;
        double trips = 0, danger = 0, detection = 0;
        for (int r = 0; r < routes.Length; r++)
        {
            double routeTrips = 0;
            for (int t = window.From; t < window.To; t++) routeTrips += results[0].Routes[results[0].Layout.Route(t, r)];
            int crossing = routes[r].Nodes[1];
            double resources = crossing == 1 ? 50 : 0;
            double p = 1 - (1 - baseline.BaseDetection[crossing]) * Math.Exp(-0.5 * resources / baseline.Area[crossing]);
            trips += routeTrips;
            danger += routeTrips * routes[r].Danger;
            detection += routeTrips * p;
        }
        Assert.Equal(trips, totals.Attempts[0]);
        Assert.Equal(danger, totals.DangerTrips[0], 9);
        Assert.Equal(detection, totals.DetectionTrips[0], 9);
    }

    [Fact]
    public void Every_measure_has_a_row_for_all_commodities_and_for_each_and_deaths_only_where_people_travel()
    {
        var crossings = new Node[] { Crossing("SAFE", cost: 1, b: 0.05, area: 10), Crossing("DESERT", cost: 1.5, b: 0.005, area: 200, danger: 0.05) };
        Scenario Two(Enforcement enforcement) => Parallel(crossings, enforcement) with
        {
            Commodities = [new Commodity("migrants", 20, 5, 1, 1, true), new Commodity("drugs", 20, 5, 1, 0, false)],
            Organizations =
            [
                new Organization("coyotes", "migrants", 1500, [new OdPair("O", "D", 1)], 1, 0.8, 10, 0.3, 0, 1),
                new Organization("cartel", "drugs", 1500, [new OdPair("O", "D", 1)], 1, 0.8, 10, 0.3, 0, 1),
            ],
        };
        var c = Compare(Two(At(("SAFE", 2))), Two(At(("SAFE", 50))), replications: 20);
        Assert.Equal(["migrants", "drugs"], c.Commodities);
        foreach (var measure in ComparisonMeasures.All)
            foreach (var commodity in new[] { ComparisonMeasures.AllCommodities, "migrants", "drugs" })
                Assert.Equal(measure.Name, c[measure.Name, commodity].Name);

        foreach (var name in new[] { "deaths_per_1000_attempts_baseline", "deaths_per_1000_attempts_change", "deaths_baseline", "deaths_intervention" })
        {
            Assert.False(c[name, "drugs"].Defined);
            Assert.Contains("drugs trips carry no people", c[name, "drugs"].Note);
        }
        // The pooled rate divides people's deaths by people's attempts only: the same as the migrants' own.
        Assert.Equal(c["deaths_per_1000_attempts_baseline", "migrants"].Value, c["deaths_per_1000_attempts_baseline"].Value);
        Assert.Equal(c["deaths_per_1000_attempts_change", "migrants"].Value, c["deaths_per_1000_attempts_change"].Value);
        // Counts add up over commodities.
        Assert.Equal(c["attempts_baseline", "migrants"].Value!.Value.Mean + c["attempts_baseline", "drugs"].Value!.Value.Mean, c["attempts_baseline"].Value!.Value.Mean, 6);
        Assert.Equal(c["targeted_drop", "migrants"].Value!.Value.Mean + c["targeted_drop", "drugs"].Value!.Value.Mean, c["targeted_drop"].Value!.Value.Mean, 6);
    }

    [Fact]
    public void When_every_crossing_is_reinforced_nothing_is_left_to_move_to_and_the_measures_say_so()
    {
        var crossings = new[] { Crossing("A"), Crossing("B", cost: 1.2) };
        var c = Compare(Parallel(crossings, At(("A", 2), ("B", 2))), Parallel(crossings, At(("A", 30), ("B", 4))), replications: 10);
        Assert.Empty(c.Unreinforced);
        Assert.Equal(0, c["displaced_increase"].Value!.Value.Mean);
        Assert.Contains("0 by construction", c["displaced_increase"].Note);
        Assert.False(c["displacement_ratio"].Defined);
        Assert.False(c["unreinforced_share_change"].Defined);
        Assert.Contains("reinforces every crossing", c["unreinforced_share_change"].Note);
        // The movement between reinforced crossings is still measured.
        Assert.True(c["gross_gain"].Value!.Value.CiLow > 0);
        Assert.True(c["reappearance_ratio"].Defined);
    }
}
