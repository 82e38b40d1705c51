using RouteSim.Core.Tests.Support;
using static RouteSim.Core.Tests.Support.TestScenarios;

namespace RouteSim.Core.Tests.Engine;

public class AgentLifecycleTests
{
    [Fact]
    public void Free_agents_act_with_the_activity_probability()
    {
        var scenario = Parallel([Crossing("X")], Org(2000, activity: 0.35), Drugs(), Allocation(0.5, ("X", 30)), periods: 10);
        var results = Runs.All(scenario, 10);
        Stat.Proportion(0.35, Runs.OrgTotal(results, "acting"), 2000L * 10 * 10, "acting per agent-period");
    }

    /// <summary>An agent interdicted at t has free_at = t + 1 + J: with activity 1 the count of acting agents is exact.</summary>
    [Fact]
    public void Interdicted_agents_sit_out_the_incapacitation_time()
    {
        const int j = 3, agents = 1500;
        var scenario = Parallel([Crossing("X", b: 0.2)], Org(agents, incapacitation: j, activity: 1, temperature: 0.5), Drugs(value: 40), Allocation(0.5, ("X", 10)), periods: 12);
        foreach (var r in Runs.All(scenario, 4))
            for (int t = 0; t < 12; t++)
            {
                int away = Enumerable.Range(Math.Max(0, t - j), Math.Min(t, j)).Sum(p => Runs.Org(r, p, "interdictions"));
                Assert.Equal(agents - away, Runs.Org(r, t, "acting"));
            }
    }

    [Fact]
    public void Counts_add_up_in_every_period()
    {
        var scenario = Parallel([Crossing("X1", danger: 0.05), Crossing("X2", cost: 2)], Org(1000, activity: 0.7, incapacitation: 1), Migrants(), Allocation(0.5, ("X1", 20)), periods: 15);
        foreach (var r in Runs.All(scenario, 3))
            for (int t = 0; t < 15; t++)
            {
                Assert.Equal(Runs.Org(r, t, "acting"), Runs.Org(r, t, "abstentions") + Runs.Org(r, t, "attempts"));
                Assert.Equal(Runs.Org(r, t, "attempts"), Runs.Org(r, t, "successes") + Runs.Org(r, t, "interdictions") + Runs.Org(r, t, "deaths"));
                Assert.Equal(Runs.Org(r, t, "attempts"), Runs.Location(r, t, 0, "traversals"));
                Assert.Equal(Runs.Org(r, t, "successes"), Runs.Location(r, t, 3, "traversals"));
                Assert.Equal(Runs.Org(r, t, "interdictions"), Enumerable.Range(0, 4).Sum(l => Runs.Location(r, t, l, "interdictions")));
            }
    }
}
