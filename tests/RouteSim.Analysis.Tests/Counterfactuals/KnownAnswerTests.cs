using RouteSim.Analysis.Counterfactuals;
using static RouteSim.Analysis.Tests.Counterfactuals.Arms;

namespace RouteSim.Analysis.Tests.Counterfactuals;

public class KnownAnswerTests
{
    /// <summary>Two identical crossings, nobody abstains: whatever leaves one goes to the other.</summary>
    [Fact]
    public void Identical_parallel_crossings_displace_everything_and_deter_nothing()
    {
        var crossings = new[] { Crossing("A"), Crossing("B") };
        var c = Compare(Parallel(crossings, At(("A", 2), ("B", 2)), value: 400), Parallel(crossings, At(("A", 40), ("B", 2)), value: 400));
        Assert.Equal(["A"], c.Targeted);
        Assert.True(c["targeted_drop"].Value!.Value.CiLow > 0);
        Covers(c["displacement_ratio"], 1);
        Assert.InRange(c["displacement_ratio"].Value!.Value.Mean, 0.99, 1.01);
        Covers(c["deterrence"], 0);
        Assert.InRange(c["deterrence"].Value!.Value.Mean, -1e-3, 1e-3);
        Assert.InRange(c["reappearance_ratio"].Value!.Value.Mean, 0.99, 1.01);
    }

    /// <summary>A single crossing: nothing can be displaced; deterrence and delivered reduction rise with enforcement.</summary>
    [Fact]
    public void A_crossing_without_alternative_displaces_nothing_and_deters_more_with_more_enforcement()
    {
        var only = new[] { Crossing("X", b: 0.02) };
        var baseline = Parallel(only, At(("X", 1)), value: 6, temperature: 1.5);
        double lastDeterrence = 0, lastReduction = 0;
        foreach (var level in new[] { 10.0, 25.0, 60.0 })
        {
            var c = Compare(baseline, Parallel(only, At(("X", level)), value: 6, temperature: 1.5));
            Assert.Equal(0, c["displaced_increase"].Value!.Value.Mean);
            Assert.Contains("by construction", c["displaced_increase"].Note);
            Assert.False(c["displacement_ratio"].Defined, "with no other crossing the ratio cannot tell 'nothing moved' from 'nowhere to move'");
            Assert.Contains("no other crossing", c["displacement_ratio"].Note);
            var deterrence = c["deterrence"].Value!.Value;
            var reduction = c["delivered_reduction"].Value!.Value;
            Assert.True(deterrence.CiLow > lastDeterrence, $"deterrence at {level}: {deterrence.CiLow} should exceed {lastDeterrence}");
            Assert.True(reduction.CiLow > lastReduction, $"delivered reduction at {level}: {reduction.CiLow} should exceed {lastReduction}");
            Assert.True(reduction.Mean > deterrence.Mean, "interdiction stops some of what still goes");
            lastDeterrence = deterrence.CiHigh;
            lastReduction = reduction.CiHigh;
        }
    }

    /// <summary>Pushing flow onto a more dangerous alternative raises deaths per 1,000 attempts.</summary>
    [Fact]
    public void A_more_dangerous_alternative_raises_deaths_per_attempt()
    {
        var crossings = new[] { Crossing("SAFE"), Crossing("DEADLY", cost: 1.5, danger: 0.05) };
        var c = Compare(Parallel(crossings, At(("SAFE", 2))), Parallel(crossings, At(("SAFE", 50))));
        var change = c["deaths_per_1000_attempts_change"].Value!.Value;
        Assert.True(change.CiLow > 0, $"change {change.Mean} [{change.CiLow}, {change.CiHigh}]");
        Assert.True(c["deaths_per_1000_attempts_intervention"].Value!.Value.Mean > c["deaths_per_1000_attempts_baseline"].Value!.Value.Mean);
    }

    [Fact]
    public void Without_a_targeted_crossing_the_ratio_is_undefined_and_says_why()
    {
        var crossings = new[] { Crossing("A"), Crossing("B") };
        var c = Compare(Parallel(crossings, At(("A", 10))), Parallel(crossings, At(("A", 5))), replications: 5);
        Assert.Empty(c.Targeted);
        Assert.False(c["displacement_ratio"].Defined);
        Assert.Contains("undefined", c["displacement_ratio"].Note);
        Assert.False(c["targeted_drop"].Defined);
    }

    [Fact]
    public void Identical_arms_have_no_targeted_drop()
    {
        var crossings = new[] { Crossing("A"), Crossing("B") };
        var s = Parallel(crossings, At(("A", 10)));
        var c = Compare(s, s, replications: 5);
        Assert.False(c["displacement_ratio"].Defined);
        Assert.Equal(0, c["deterrence"].Value!.Value.Mean);
        Assert.Equal(0, c["deaths_per_1000_attempts_change"].Value!.Value.Mean);
    }

    /// <summary>Only enforcement during the window makes a crossing targeted.</summary>
    [Fact]
    public void Targets_are_found_within_the_window_only()
    {
        var crossings = new[] { Crossing("A"), Crossing("B") };
        var later = new RouteSim.Core.Model.Enforcement(0.5, new Dictionary<string, double>(), null,
            [new RouteSim.Core.Model.EnforcementEvent(30, new Dictionary<string, double>(), new Dictionary<string, double> { ["B"] = 20 })]);
        var b = Parallel(crossings, At());
        var x = Parallel(crossings, later);
        Assert.Empty(Compare(b, x, replications: 3, window: new Window(0, 30)).Targeted);
        Assert.Equal(["B"], Compare(b, x, replications: 3, window: new Window(25, 40)).Targeted);
    }
}
