using RouteSim.Core.Engine;
using RouteSim.Core.Tests.Support;
using static RouteSim.Core.Tests.Support.TestScenarios;

namespace RouteSim.Core.Tests.Engine;

/// <summary>The detection law at work in the engine (the law itself is tested in ModelLawsTests).</summary>
public class DetectionLawTests
{
    /// <summary>A single route: interdiction at the crossing has exactly the law's probability, whatever the beliefs.</summary>
    [Fact]
    public void Interdiction_rate_on_a_single_route_is_the_detection_law()
    {
        var scenario = Parallel([Crossing("X", b: 0.1, area: 10)], Org(3000, commodity: "drugs"), Drugs(value: 50), Allocation(0.5, ("X", 20)));
        var results = Runs.All(scenario, replications: 20);
        long traversals = results.Sum(r => Enumerable.Range(0, 10).Sum(t => (long)Runs.Location(r, t, 1, "traversals")));
        long interdictions = results.Sum(r => Enumerable.Range(0, 10).Sum(t => (long)Runs.Location(r, t, 1, "interdictions")));
        Stat.Proportion(1 - 0.9 * Math.Exp(-1), interdictions, traversals, "interdictions per traversal at X");
        Assert.Equal(Runs.OrgTotal(results, "attempts"), results.Sum(r => Enumerable.Range(0, 10).Sum(t => (long)Runs.Location(r, t, 0, "traversals"))));
    }

    /// <summary>People die only after surviving interdiction: success = (1-p)(1-d), death = (1-p) d.</summary>
    [Fact]
    public void Walk_interdicts_then_kills_people_and_only_people()
    {
        double p = 1 - 0.9 * Math.Exp(-0.5), d = 0.08;
        var crossing = Crossing("X", b: 0.1, area: 10, danger: d);
        var people = Runs.All(Parallel([crossing], Org(3000), Migrants(value: 50), Allocation(0.5, ("X", 10))), 10);
        long attempts = Runs.OrgTotal(people, "attempts");
        Stat.Proportion((1 - p) * (1 - d), Runs.OrgTotal(people, "successes"), attempts, "success");
        Stat.Proportion((1 - p) * d, Runs.OrgTotal(people, "deaths"), attempts, "death");
        Stat.Proportion(p, Runs.OrgTotal(people, "interdictions"), attempts, "interdiction");

        var goods = Runs.All(Parallel([crossing], Org(3000, commodity: "drugs"), Drugs(value: 50), Allocation(0.5, ("X", 10))), 10);
        Assert.Equal(0, Runs.OrgTotal(goods, "deaths"));
        Stat.Proportion(1 - p, Runs.OrgTotal(goods, "successes"), Runs.OrgTotal(goods, "attempts"), "goods success");
    }
}
