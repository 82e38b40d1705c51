using RouteSim.Core.Engine;
using RouteSim.Core.Model;
using RouteSim.Core.Network;
using RouteSim.Core.Tests.Support;
using static RouteSim.Core.Tests.Support.TestScenarios;

namespace RouteSim.Core.Tests.Engine;

/// <summary>Deterrence costs (docs/model.md section 9): a cost added to the routes through a location from a period on.</summary>
public class DeterrenceTests
{
    private static readonly Dictionary<string, double> None = [];

    private static EnforcementEvent Deter(int period, params (string Id, double Cost)[] costs) =>
        new(period, None, None, null, costs.ToDictionary(c => c.Id, c => c.Cost));

    /// <summary>Two crossings with no detection at all, so beliefs stay at 0 and the choice is the closed-form logit every period.</summary>
    private static Scenario TwoOpenCrossings(IReadOnlyList<EnforcementEvent> events, int agents = 4000) => Parallel(
        [Crossing("A", b: 0), Crossing("B", cost: 1.5, b: 0)], Org(agents, temperature: 1), Drugs(value: 5),
        new Enforcement(0.5, new Dictionary<string, double>(), null, events), periods: 10);

    [Fact]
    public void Events_add_up_by_location_from_their_period_on()
    {
        var nodes = new Node[] { new("O", NodeKind.Origin), Crossing("A"), Crossing("B"), new("D", NodeKind.Destination) };
        var plan = EnforcementPlan.Compile(new Enforcement(1, None, null, [Deter(6, ("A", 2)), Deter(3, ("A", 1.5), ("B", 0.25))]), RouteNetwork.Build(nodes, []));
        var state = new EnforcementState(plan);
        for (int t = 0; t < 3; t++) state.ApplyEvents(t);
        Assert.False(state.HasDeterrenceCost);
        Assert.Equal(new double[] { 0, 0, 0, 0 }, state.DeterrenceCost);
        for (int t = 3; t < 6; t++) state.ApplyEvents(t);
        Assert.Equal(new double[] { 0, 1.5, 0.25, 0 }, state.DeterrenceCost);
        state.ApplyEvents(6);
        Assert.True(state.HasDeterrenceCost);
        Assert.Equal(new double[] { 0, 3.5, 0.25, 0 }, state.DeterrenceCost);
    }

    /// <summary>
    /// Known answer: with beliefs at 0, route r is chosen with exp((V - C_r - deterrence_r) / tau) / Z, the outside
    /// option with 1 / Z (docs/model.md section 4, step 3). Before the event A takes most trips; from it on, B does.
    /// </summary>
    [Fact]
    public void A_deterrence_event_moves_flow_off_that_crossing_by_the_logit()
    {
        const double deterrence = 2;
        var scenario = TwoOpenCrossings([Deter(5, ("A", deterrence))]);
        var model = CompiledScenario.Build(scenario);
        var routes = model.Organizations[0].Routes;
        int a = Array.IndexOf(model.LocationIds, "A");
        double[] Shares(double extraOnA)
        {
            var u = new List<double> { 0 };
            u.AddRange(routes.Select(r => 5 - r.Cost - (r.Nodes.Contains(a) ? extraOnA : 0)));
            var w = u.Select(x => Math.Exp(x)).ToArray();
            return w.Select(x => x / w.Sum()).ToArray();
        }
        var results = Runs.All(scenario, 10);
        void AssertShares(double[] p, IEnumerable<int> periods, string when)
        {
            var ps = periods.ToArray();
            long acting = results.Sum(r => ps.Sum(t => (long)Runs.Org(r, t, "acting")));
            for (int j = 0; j < routes.Length; j++)
                Stat.Proportion(p[j + 1], results.Sum(r => ps.Sum(t => (long)r.Routes[r.Layout.Route(t, j)])), acting, $"{routes[j].Id} {when}");
        }
        var before = Shares(0);
        var after = Shares(deterrence);
        int routeA = Array.FindIndex(routes, r => r.Nodes.Contains(a));
        Assert.True(before[routeA + 1] > 0.5 && after[routeA + 1] < 0.25, "the test needs the event to move most of A's flow");
        AssertShares(before, Enumerable.Range(0, 5), "before the event");
        AssertShares(after, Enumerable.Range(5, 5), "after the event");
    }

    /// <summary>A deterrence of 0 is no deterrence: every count is the same as without the event.</summary>
    [Fact]
    public void Zero_deterrence_gives_identical_counts()
    {
        var without = Parallel([Crossing("A", danger: 0.01), Crossing("B", cost: 2)], Org(3000, riskSigma: 0.5, activity: 0.8), Migrants(),
            new Enforcement(0.5, new Dictionary<string, double> { ["A"] = 5 }, null,
                [new EnforcementEvent(4, None, new Dictionary<string, double> { ["B"] = 3 })]), periods: 12);
        var with = without with
        {
            Enforcement = without.Enforcement with { Events = [.. without.Enforcement.Events, Deter(2, ("A", 0), ("B", 0))] },
        };
        SameCounts.Assert(Runs.All(without, 4), Runs.All(with, 4));
    }

    /// <summary>A deterrence cost changes utilities, not the route catalogue: the routes are those the file's costs enumerate.</summary>
    [Fact]
    public void Routes_stay_those_enumerated_at_load()
    {
        var scenario = TwoOpenCrossings([Deter(0, ("A", 100))]);
        var plain = TwoOpenCrossings([]);
        Assert.Equal(
            CompiledScenario.Build(plain).Organizations[0].Routes.Select(r => (r.Id, r.Cost)),
            CompiledScenario.Build(scenario).Organizations[0].Routes.Select(r => (r.Id, r.Cost)));
    }
}
