using RouteSim.Analysis.Counterfactuals;
using RouteSim.Cli.Tests.Support;
using RouteSim.Plotting.Text;
using RouteSim.Results.Reading;

namespace RouteSim.Cli.Tests;

/// <summary>
/// Comparisons of the three-crossings tutorial without events against the same tutorial with deterrence costs,
/// resources, or both, over days 20-59 (20 replications, the file's own): the crossings a deterrence cost makes
/// costlier are targets, and every number the headline gives means what its words say. Each route passes exactly
/// one crossing, so flow at the crossings is the trips attempted, and the identities below hold exactly.
/// </summary>
public sealed class DeterrenceComparisonTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("routesim-deterrence-cmp-").FullName;
    private const string Events = "  events:\n    - { period: 20, add: { X1: 40 } }\n    - { period: 40, set: { X1: 0 } }\n";

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Scenario(string name, string events)
    {
        var text = File.ReadAllText(Routesim.Tutorial);
        Assert.Contains(Events, text);
        var path = Path.Combine(_dir, name + ".yaml");
        File.WriteAllText(path, text.Replace(Events, events));
        return path;
    }

    private (ComparisonFolder Folder, string[] Lines) Compare(string events)
    {
        var target = Path.Combine(_dir, "cmp-" + Guid.NewGuid().ToString("N"));
        var result = Routesim.Run("compare", Scenario("b0", "  events: []\n"), Scenario("x", events), "--window", "20:60", "--out", target);
        Assert.True(result.Exit == 0, result.Error);
        return (ComparisonFolder.Open(target), result.Out.Split('\n'));
    }

    private static double Estimate(ComparisonFolder c, string name) => c[name].Estimate;

    [Fact]
    public void A_deterrence_cost_alone_targets_its_crossing_and_a_rise_in_attempts_is_called_a_negative_deterrence()
    {
        var (c, lines) = Compare("  events:\n    - { period: 20, deterrence_cost: { X1: 3 } }\n");
        Assert.Equal(["X1"], c.Manifest.TargetedCrossings);
        Assert.Equal([TargetReason.DeterrenceCost, TargetReason.None, TargetReason.None], c.Locations.Select(l => l.TargetedBy));
        Assert.Equal("deterrence_cost", File.ReadAllLines(Path.Combine(c.Path, "comparison_locations.csv"))[1].Split(',')[^1]);
        var x1 = c.Locations[0];
        Assert.Equal(-x1.Change, Estimate(c, "targeted_drop"), 6);
        Assert.True(c["targeted_drop"].CiLow > 0);
        // Whatever left X1 went to X2 and X3, and so did the extra trips attempted: dO - dT = attempts(X) - attempts(B).
        Assert.Equal(Estimate(c, "attempts_intervention") - Estimate(c, "attempts_baseline"), Estimate(c, "displaced_increase") - Estimate(c, "targeted_drop"), 6);

        Assert.Contains(lines, l => l.StartsWith("At the one targeted crossing, X1 (made costlier by a deterrence cost), flow fell by a net", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("reinforces no crossing", StringComparison.Ordinal));
        var attempts = Assert.Single(lines, l => l.StartsWith("Trips attempted", StringComparison.Ordinal));
        Assert.True(c["deterrence"].CiHigh < 0, "the cost moves trips to crossings without X1's enforcement, so fewer are caught and more attempted");
        Assert.StartsWith("Trips attempted rose by", attempts);
        Assert.Contains("negative: the intervention deterred no trips overall", attempts);
        Assert.DoesNotContain("(deterrence)", attempts);
        // The other crossings gained more than X1 lost: not "of that".
        var displaced = Assert.Single(lines, l => l.Contains("displacement ratio of", StringComparison.Ordinal));
        Assert.StartsWith("Against that drop, the 2 crossings that were not targeted gained", displaced);
        Assert.Contains("more than the targeted crossing lost, as more trips were attempted", displaced);
        Assert.Contains(lines, l => l.Contains("│ X1 ", StringComparison.Ordinal) && l.Contains("yes: deterrence cost", StringComparison.Ordinal));
    }

    [Fact]
    public void A_net_displacement_names_the_falls_at_the_other_crossings()
    {
        // Adaptive enforcement moves resources from X1 to X2 from day 30, so X2 loses while X3 gains more than X1 lost.
        var (c, lines) = Compare("  events:\n    - { period: 20, add: { X1: 40 } }\n");
        var byId = c.Locations.ToDictionary(l => l.Location);
        Assert.True(byId["X2"].ChangeHigh < 0 && byId["X3"].Change > Estimate(c, "targeted_drop"), "the case: X2 falls, X3 gains more than the whole drop");
        Assert.Equal(byId["X2"].Change + byId["X3"].Change, Estimate(c, "displaced_increase"), 6);
        var sentence = Assert.Single(lines, l => l.Contains("displacement ratio of", StringComparison.Ordinal));
        Assert.StartsWith($"Of that, a net {Quantities.Count(Estimate(c, "displaced_increase"))} ", sentence);
        Assert.Contains($"the gains at X3 ({Quantities.Count(byId["X3"].Change, signed: true)}) less the falls at X2 ({Quantities.Count(byId["X2"].Change, signed: true)})", sentence);
        // Resources alone: the words and the file stay those of a reinforcement.
        Assert.Contains("crossings that were not reinforced", sentence);
        // X2's fall is adaptation's doing, counted as displacement: the reader is told enforcement moves itself.
        Assert.Contains(lines, l => l.StartsWith("Enforcement adapts in both arms (every 30 days, among X1, X2;", StringComparison.Ordinal));
        Assert.Equal("location,targeted,flow_baseline,flow_baseline_ci_low,flow_baseline_ci_high,flow_intervention,flow_intervention_ci_low,flow_intervention_ci_high,change,change_ci_low,change_ci_high,n",
            File.ReadLines(Path.Combine(c.Path, "comparison_locations.csv")).First());
    }

    [Fact]
    public void A_mixed_intervention_says_the_crossings_flow_could_move_to_were_made_costlier()
    {
        var (c, lines) = Compare("  events:\n    - { period: 20, add: { X1: 40 } }\n    - { period: 20, deterrence_cost: { X2: 3, X3: 3 } }\n");
        Assert.Equal(["X1", "X2", "X3"], c.Manifest.TargetedCrossings);
        Assert.Equal([TargetReason.Resources, TargetReason.DeterrenceCost, TargetReason.DeterrenceCost], c.Locations.Select(l => l.TargetedBy));
        Assert.True(double.IsNaN(Estimate(c, "displacement_ratio")), "no crossing is left untargeted");
        var byId = c.Locations.ToDictionary(l => l.Location);
        Assert.Contains(lines, l => l.StartsWith("At the 3 targeted crossings together (X1 reinforced; X2 and X3 made costlier by a deterrence cost)", StringComparison.Ordinal));
        var note = Assert.Single(lines, l => l.StartsWith("The intervention is mixed", StringComparison.Ordinal));
        Assert.Contains("flow leaving X1 finds X2 and X3 costlier too", note);
        Assert.Contains($"X1 changed by {Quantities.Count(byId["X1"].Change, signed: true)}", note);
        Assert.Contains($"X2 and X3 by {Quantities.Count(byId["X2"].Change + byId["X3"].Change, signed: true)}", note);
    }

    [Fact]
    public void A_mixed_intervention_that_leaves_a_crossing_alone_measures_displacement_there_only_and_says_so()
    {
        var (c, lines) = Compare("  events:\n    - { period: 20, add: { X1: 40 } }\n    - { period: 20, deterrence_cost: { X2: 3 } }\n");
        Assert.Equal(["X1", "X2"], c.Manifest.TargetedCrossings);
        var x3 = c.Locations.Single(l => l.Location == "X3");
        Assert.Equal(x3.Change, Estimate(c, "displaced_increase"), 6);
        var note = Assert.Single(lines, l => l.StartsWith("The intervention is mixed", StringComparison.Ordinal));
        Assert.Contains("flow leaving X1 finds X2 costlier too and only X3 as before", note);
        Assert.EndsWith("the displacement ratio counts only X3.", note.TrimEnd());
        var displaced = Assert.Single(lines, l => l.Contains("displacement ratio of", StringComparison.Ordinal));
        Assert.DoesNotContain("not targeted, X3 gained", displaced);
    }

    /// <summary>
    /// The tutorial's own deployment (X1 reinforced on days 20-39, then set to 0) against no events over days 20-59:
    /// X1 gains more flow after day 40 than it lost before, so the targeted drop is below 0. The reference model's
    /// ratio dO / dT is still written, but its note and the headline say it is no share of stopped flow, and the
    /// sentence does not call the other crossings' fall a fall "as well".
    /// </summary>
    [Fact]
    public void A_targeted_gain_makes_the_displacement_ratio_no_share_of_stopped_flow_and_says_so()
    {
        var (c, lines) = Compare(Events);
        Assert.True(c["targeted_drop"].Estimate < 0, "the case: flow rose at the reinforced crossing over the window");
        Assert.False(double.IsNaN(Estimate(c, "displacement_ratio")));
        Assert.StartsWith("caution: the targeted crossings gained flow over the window", c["displacement_ratio"].Note);
        Assert.Contains(lines, l => l.StartsWith("At the one reinforced crossing, X1, flow rose by a net", StringComparison.Ordinal));
        var sentence = Assert.Single(lines, l => l.Contains("displacement ratio of", StringComparison.Ordinal));
        Assert.DoesNotContain("as well", sentence);
        Assert.Contains("no stopped flow moved", sentence);
        Assert.StartsWith(Estimate(c, "displaced_increase") < 0 ? "Flow fell at the 2 crossings that were not reinforced," : "Flow rose at the 2 crossings that were not reinforced too,", sentence);
    }
}
