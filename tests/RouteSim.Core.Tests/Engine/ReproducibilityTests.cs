using RouteSim.Core.Engine;
using RouteSim.Core.Model;
using RouteSim.Core.Tests.Support;
using static RouteSim.Core.Tests.Support.TestScenarios;

namespace RouteSim.Core.Tests.Engine;

public class ReproducibilityTests
{
    private static Scenario Sample(int agents = 3000, Enforcement? enforcement = null) => Parallel(
        [Crossing("X1", danger: 0.01), Crossing("X2", cost: 2), Crossing("X3", cost: 3, b: 0.01, danger: 0.05)],
        Org(agents, riskSigma: 0.5, activity: 0.8, incapacitation: 2),
        Migrants(),
        enforcement ?? new Enforcement(0.5, new Dictionary<string, double> { ["X1"] = 5 }, new AdaptivePolicy(4, 0.3, 1, []), []),
        periods: 12);

    [Fact]
    public void Same_seed_same_numbers_on_rerun()
    {
        SameCounts.Assert(Runs.All(Sample(), 6, seed: 42), Runs.All(Sample(), 6, seed: 42));
    }

    [Fact]
    public void Different_seeds_differ()
    {
        Assert.NotEqual(Runs.All(Sample(), 1, seed: 1)[0].Routes, Runs.All(Sample(), 1, seed: 2)[0].Routes);
    }

    [Fact]
    public void Replications_differ_from_each_other()
    {
        var results = Runs.All(Sample(), 2);
        Assert.NotEqual(results[0].Routes, results[1].Routes);
    }

    [Fact]
    public void Thread_count_does_not_change_any_number_across_replications()
    {
        SameCounts.Assert(Runs.All(Sample(), 5, threads: 1), Runs.All(Sample(), 5, threads: 2));
        SameCounts.Assert(Runs.All(Sample(), 5, threads: 1), Runs.All(Sample(), 5, threads: 3));
    }

    /// <summary>One replication larger than a chunk runs its agents on several threads, with the same numbers.</summary>
    [Fact]
    public void Thread_count_does_not_change_any_number_inside_one_replication()
    {
        var big = Sample(agents: ReplicationRunner.ChunkSize * 2 + 1234);
        SameCounts.Assert(Runs.All(big, 1, threads: 1), Runs.All(big, 1, threads: 2));
    }

    /// <summary>Common random numbers: an intervention from period 5 on leaves periods 0-4 identical, agent for agent.</summary>
    [Fact]
    public void Baseline_and_intervention_share_population_and_luck_until_they_differ()
    {
        var baseline = Sample(enforcement: Allocation(0.5, ("X1", 5)));
        var intervention = Sample(enforcement: new Enforcement(0.5, new Dictionary<string, double> { ["X1"] = 5 }, null,
            [new EnforcementEvent(5, new Dictionary<string, double>(), new Dictionary<string, double> { ["X1"] = 40 })]));
        var a = Runs.All(baseline, 3);
        var b = Runs.All(intervention, 3);
        for (int r = 0; r < 3; r++)
        {
            int cut = 5 * a[r].Layout.Routes;
            Assert.Equal(a[r].Routes[..cut], b[r].Routes[..cut]);
            Assert.Equal(a[r].Locations[..(5 * a[r].Layout.LocationCellsPerPeriod)], b[r].Locations[..(5 * a[r].Layout.LocationCellsPerPeriod)]);
            Assert.NotEqual(a[r].Locations[(5 * a[r].Layout.LocationCellsPerPeriod)..], b[r].Locations[(5 * a[r].Layout.LocationCellsPerPeriod)..]);
        }
    }

    [Fact]
    public void Results_arrive_in_replication_order()
    {
        var order = new List<int>();
        Ensemble.Run(CompiledScenario.Build(Sample(agents: 200)), new RunSettings(3, 16, 2), r => order.Add(r.Replication));
        Assert.Equal(Enumerable.Range(0, 16), order);
    }
}
