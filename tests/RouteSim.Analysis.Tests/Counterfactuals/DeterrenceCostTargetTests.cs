using RouteSim.Analysis.Counterfactuals;
using RouteSim.Core.Model;
using static RouteSim.Analysis.Tests.Counterfactuals.Arms;

namespace RouteSim.Analysis.Tests.Counterfactuals;

/// <summary>
/// A crossing whose deterrence cost (docs/model.md section 9) the intervention raises is one of its targets T
/// (section 8), like a reinforced one, and the comparison says why each crossing is targeted.
/// </summary>
public class DeterrenceCostTargetTests
{
    private static readonly Dictionary<string, double> None = new();

    private static Enforcement With(IReadOnlyDictionary<string, double> allocation, params EnforcementEvent[] events) =>
        new(0.5, allocation, null, events);

    private static EnforcementEvent Cost(int period, params (string Id, double Cost)[] costs) =>
        new(period, None, None, null, costs.ToDictionary(c => c.Id, c => c.Cost));

    /// <summary>Two identical crossings, nobody abstains: all that a deterrence cost pushes off one reaches the other.</summary>
    [Fact]
    public void A_deterrence_cost_targets_its_crossing_and_what_it_pushes_off_is_displaced()
    {
        var crossings = new[] { Crossing("A"), Crossing("B") };
        var allocation = new Dictionary<string, double> { ["A"] = 2, ["B"] = 2 };
        var c = Compare(Parallel(crossings, With(allocation), value: 400), Parallel(crossings, With(allocation, Cost(0, ("A", 3))), value: 400));
        Assert.Equal(["A"], c.Targeted);
        Assert.Equal(["B"], c.Unreinforced);
        Assert.Equal([TargetReason.DeterrenceCost, TargetReason.None], c.Locations.Select(l => l.TargetedBy));
        Assert.True(c["targeted_drop"].Value!.Value.CiLow > 0, "a cost of 3 utility units empties much of A");
        Covers(c["displacement_ratio"], 1);
        Assert.InRange(c["displacement_ratio"].Value!.Value.Mean, 0.99, 1.01);
    }

    [Fact]
    public void Resources_and_a_cost_at_once_are_both_reasons_and_a_cost_both_arms_share_is_none()
    {
        var crossings = new[] { Crossing("A"), Crossing("B"), Crossing("C") };
        var shared = Cost(0, ("C", 1));
        var b = Parallel(crossings, With(new Dictionary<string, double> { ["A"] = 2 }, shared), periods: 10);
        var x = Parallel(crossings, With(new Dictionary<string, double> { ["A"] = 20 }, shared, Cost(0, ("A", 1))), periods: 10);
        var c = Compare(b, x, replications: 3);
        Assert.Equal([TargetReason.Both, TargetReason.None, TargetReason.None], c.Locations.Select(l => l.TargetedBy));
        Assert.Equal(["A"], c.Targeted);
    }

    /// <summary>Resources at one crossing and a cost at another: both are targets, each for its own reason, and the third is the only other crossing.</summary>
    [Fact]
    public void A_mixed_intervention_targets_each_crossing_for_its_own_reason()
    {
        var crossings = new[] { Crossing("A"), Crossing("B"), Crossing("C") };
        var b = Parallel(crossings, With(new Dictionary<string, double> { ["A"] = 2 }), periods: 20);
        var x = Parallel(crossings, With(new Dictionary<string, double> { ["A"] = 2 },
            new EnforcementEvent(5, None, new Dictionary<string, double> { ["A"] = 30 }), Cost(5, ("B", 2))), periods: 20);
        Assert.Equal([TargetReason.Resources, TargetReason.DeterrenceCost, TargetReason.None], Compare(b, x, replications: 3).Locations.Select(l => l.TargetedBy));
        // A cost that starts after the window targets nothing in it.
        Assert.Empty(Compare(Parallel(crossings, With(None), periods: 20), Parallel(crossings, With(None, Cost(15, ("B", 2))), periods: 20),
            replications: 3, window: new Window(0, 15)).Targeted);
    }
}
