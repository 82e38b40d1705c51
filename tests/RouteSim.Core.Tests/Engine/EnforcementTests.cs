using RouteSim.Core.Engine;
using RouteSim.Core.Model;
using RouteSim.Core.Network;
using RouteSim.Core.Tests.Support;
using static RouteSim.Core.Tests.Support.TestScenarios;

namespace RouteSim.Core.Tests.Engine;

public class EnforcementTests
{
    private static readonly Node[] TwoCrossings = [new("O", NodeKind.Origin), Crossing("A"), Crossing("B"), new("D", NodeKind.Destination)];

    private static EnforcementState State(Enforcement enforcement) =>
        new(EnforcementPlan.Compile(enforcement, RouteNetwork.Build(TwoCrossings, [])));

    [Fact]
    public void Events_set_then_add_in_period_order()
    {
        var enforcement = new Enforcement(0.5, new Dictionary<string, double> { ["A"] = 5 }, null,
        [
            new EnforcementEvent(40, new Dictionary<string, double> { ["A"] = 0 }, new Dictionary<string, double>()),
            new EnforcementEvent(20, new Dictionary<string, double>(), new Dictionary<string, double> { ["A"] = 40, ["B"] = 2 }),
            new EnforcementEvent(20, new Dictionary<string, double> { ["B"] = 7 }, new Dictionary<string, double> { ["B"] = 1 }, 0.8),
        ]);
        var plan = EnforcementPlan.Compile(enforcement, RouteNetwork.Build(TwoCrossings, []));
        var schedule = plan.ConfiguredSchedule(60);
        Assert.Equal(5, schedule[19][1]);
        Assert.Equal(45, schedule[20][1]);
        Assert.Equal(8, schedule[20][2]); // +2, then set 7, then +1: events of one period apply in the order written
        Assert.Equal(45, schedule[39][1]);
        Assert.Equal(0, schedule[40][1]);

        var state = new EnforcementState(plan);
        for (int t = 0; t <= 20; t++) state.ApplyEvents(t);
        Assert.Equal(0.8, state.Effectiveness);
    }

    /// <summary>docs/model.md section 6 by hand: E = (10, 0), I = (3, 1), phi = 0.5.</summary>
    [Fact]
    public void Adaptation_moves_a_fraction_toward_recent_interdictions()
    {
        var state = State(new Enforcement(1, new Dictionary<string, double> { ["A"] = 10 }, new AdaptivePolicy(5, 0.5, 0, []), []));
        state.Adapt(new long[] { 0, 3, 1, 0 });
        Assert.Equal(5 + 0.5 * 10 * 4 / 6, state.Resources[1], 12);
        Assert.Equal(0.5 * 10 * 2 / 6, state.Resources[2], 12);
        Assert.Equal(10, state.Resources[1] + state.Resources[2], 12);
    }

    [Fact]
    public void Adaptation_lifts_to_the_floor_and_rescales_the_rest_to_keep_the_total()
    {
        var state = State(new Enforcement(1, new Dictionary<string, double> { ["A"] = 10 }, new AdaptivePolicy(5, 0.5, 2, ["A", "B"]), []));
        state.Adapt(new long[] { 0, 3, 1, 0 });
        Assert.Equal(2, state.Resources[2], 12);
        Assert.Equal(8, state.Resources[1], 12);
    }

    [Fact]
    public void Adaptation_is_due_when_t_is_a_positive_multiple_of_every()
    {
        var state = State(new Enforcement(1, new Dictionary<string, double>(), new AdaptivePolicy(5, 0.5, 0, []), []));
        Assert.Equal(new[] { 5, 10, 15 }, Enumerable.Range(0, 16).Where(state.AdaptationDue));
        Assert.False(State(Enforcement.None).AdaptationDue(5));
    }

    /// <summary>In a run, adaptation moves resources to where interdictions happen, raising interdictions there.</summary>
    [Fact]
    public void Adaptive_enforcement_changes_the_run_only_from_its_first_adaptation()
    {
        Scenario With(AdaptivePolicy? adaptive) => Parallel(
            [Crossing("A", b: 0.3), Crossing("B", cost: 1.2, b: 0.01)], Org(2000), Drugs(),
            new Enforcement(0.5, new Dictionary<string, double> { ["B"] = 30 }, adaptive, []), periods: 12);
        var fixedRun = Runs.All(With(null), 3);
        var adaptive = Runs.All(With(new AdaptivePolicy(6, 1.0, 0, [])), 3);
        for (int r = 0; r < 3; r++)
        {
            Assert.Equal(fixedRun[r].Routes[..(6 * 2)], adaptive[r].Routes[..(6 * 2)]);
            Assert.NotEqual(fixedRun[r].Routes[(6 * 2)..], adaptive[r].Routes[(6 * 2)..]);
        }
    }
}
