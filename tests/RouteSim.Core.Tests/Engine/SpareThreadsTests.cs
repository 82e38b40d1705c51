using RouteSim.Core.Engine;
using RouteSim.Core.Model;
using RouteSim.Core.Tests.Support;
using static RouteSim.Core.Tests.Support.TestScenarios;

namespace RouteSim.Core.Tests.Engine;

public class SpareThreadsTests
{
    [Fact]
    public void Idle_workers_are_shared_out_among_the_replications_still_running()
    {
        var spare = new SpareThreads();
        Assert.Equal(0, spare.Extra);
        spare.Started();
        spare.Started();
        spare.Idle();
        Assert.Equal(0, spare.Extra); // one idle thread, two replications: neither gets a whole thread
        spare.Finished();
        Assert.Equal(1, spare.Extra);
        spare.Idle();
        Assert.Equal(2, spare.Extra);
    }

    /// <summary>A replication that gets a lent thread part way (here: from its first period) counts exactly as one run alone.</summary>
    [Fact]
    public void A_replication_helped_by_an_idle_worker_gives_the_same_numbers()
    {
        var scenario = Parallel(
            [Crossing("X1", danger: 0.01), Crossing("X2", cost: 2), Crossing("X3", cost: 3, b: 0.01)],
            Org(ReplicationRunner.ChunkSize * 3 + 500, riskSigma: 0.5, activity: 0.8, incapacitation: 2),
            Migrants(),
            new Enforcement(0.5, new Dictionary<string, double> { ["X1"] = 5 }, new AdaptivePolicy(3, 0.3, 1, []), []),
            periods: 8);
        var model = CompiledScenario.Build(scenario);
        var spare = new SpareThreads();
        spare.Idle();
        spare.Started();
        Assert.Equal(1, spare.Extra);

        var alone = new ReplicationRunner(model, 11, 2).Run();
        var helped = new ReplicationRunner(model, 11, 2, 1, null, null, spare).Run();

        SameCounts.Assert(alone, helped);
    }
}
