using RouteSim.Core.Engine;
using RouteSim.Core.Model;
using RouteSim.Core.Tests.Support;
using static RouteSim.Core.Tests.Support.TestScenarios;

namespace RouteSim.Core.Tests.Engine;

public class ResultPoolTests
{
    private static Scenario Sample() => Parallel(
        [Crossing("X1", danger: 0.01), Crossing("X2", cost: 2)],
        Org(800, riskSigma: 0.5, activity: 0.8),
        Migrants(),
        Allocation(0.5, ("X1", 5)),
        periods: 10);

    /// <summary>A consumer that hands each result back as soon as it has read it sees the numbers of fresh arrays.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Reused_arrays_give_the_numbers_of_fresh_ones(int threads)
    {
        var model = CompiledScenario.Build(Sample());
        var fresh = Runs.All(Sample(), 12, seed: 7);
        var pool = new ResultPool(model.Layout);
        var seen = new List<ReplicationResult>();
        var handedBack = new HashSet<ReplicationResult>(ReferenceEqualityComparer.Instance);
        long decisions = Ensemble.Run(model, new RunSettings(7, 12, threads), r =>
        {
            var copy = new ReplicationResult(r.Replication, r.Layout) { Decisions = r.Decisions };
            r.Locations.CopyTo(copy.Locations, 0);
            r.Organizations.CopyTo(copy.Organizations, 0);
            r.Routes.CopyTo(copy.Routes, 0);
            seen.Add(copy);
            handedBack.Add(r);
            pool.Return(r);
        }, results: pool);

        Assert.Equal(fresh.Sum(r => r.Decisions), decisions); // counted before each result went back to the pool

        // Arrays were reused (12 replications in at most threads + a few result objects), and reuse changed nothing.
        Assert.True(handedBack.Count < 12, $"{handedBack.Count} distinct result objects for 12 replications");
        SameCounts.Assert(fresh, seen);
    }

    [Fact]
    public void A_pool_takes_only_results_of_its_layout()
    {
        var model = CompiledScenario.Build(Sample());
        var other = new ResultLayout(3, 1, 1, 1, 1);
        Assert.Throws<ArgumentException>(() => new ResultPool(model.Layout).Return(new ReplicationResult(0, other)));
        Assert.Throws<ArgumentException>(() => Ensemble.Run(model, new RunSettings(1, 1, 1), _ => { }, results: new ResultPool(other)));
    }
}
