using RouteSim.Core.Engine;
using RouteSim.Core.Model;
using RouteSim.Core.Tests.Support;

namespace RouteSim.Core.Tests.Engine;

[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;

/// <summary>
/// The memory estimate against what a replication is measured to allocate (the process's allocation counter,
/// with no other test running): it must cover the measurement, within the margin, and not exceed it by more.
/// </summary>
[Collection(nameof(MemoryMeasurement))]
public class MemoryEstimateTests
{
    [Theory]
    [InlineData(400_000, 1, 3)]      // the tutorial's shape
    [InlineData(400_000, 40, 8)]     // many od pairs, full route sets: larger chunk scratch
    [InlineData(5_000, 200, 8)]      // few agents: the fixed arrays dominate
    public void The_estimate_covers_what_a_replication_allocates(int agents, int odPairs, int crossings)
    {
        var model = CompiledScenario.Build(Scenario(agents, odPairs, crossings));
        GC.Collect();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        new ReplicationRunner(model, 1, 0, threads: 1).Run();
        long measured = GC.GetTotalAllocatedBytes(precise: true) - before;

        long estimate = MemoryEstimate.ReplicationBytes(model);
        Assert.True(estimate * MemoryEstimate.Margin >= measured, $"estimate {estimate:N0} (with margin {estimate * MemoryEstimate.Margin:N0}) < measured {measured:N0}");
        Assert.True(estimate <= measured * MemoryEstimate.Margin, $"estimate {estimate:N0} > measured {measured:N0} plus the margin: the figures no longer follow the engine");
    }

    [Fact]
    public void Per_agent_cost_is_the_measured_36_bytes_not_24()
    {
        // The 400-million-agent run used about 39 bytes an agent; the old check counted 24.
        long small = MemoryEstimate.ReplicationBytes(CompiledScenario.Build(Scenario(100_000, 1, 3)));
        long large = MemoryEstimate.ReplicationBytes(CompiledScenario.Build(Scenario(1_100_000, 1, 3)));
        double perAgent = (large - small) / 1_000_000.0;
        Assert.InRange(perAgent, 34, 38);
    }

    private static Scenario Scenario(int agents, int odPairs, int crossings)
    {
        var nodes = new List<Node>();
        var edges = new List<Edge>();
        for (int o = 0; o < odPairs; o++) nodes.Add(new Node($"O{o}", NodeKind.Origin));
        for (int x = 0; x < crossings; x++) nodes.Add(TestScenarios.Crossing($"X{x}"));
        nodes.Add(new Node("D", NodeKind.Destination));
        for (int o = 0; o < odPairs; o++)
            for (int x = 0; x < crossings; x++) edges.Add(new Edge($"O{o}", $"X{x}", 1));
        for (int x = 0; x < crossings; x++) edges.Add(new Edge($"X{x}", "D", 1));
        var od = Enumerable.Range(0, odPairs).Select(o => new OdPair($"O{o}", "D", 1)).ToArray();
        var commodity = TestScenarios.Migrants();
        return new Scenario("memory", "", [], 5, "day", 1, 1, new Routing(8, 10), nodes, edges, [commodity],
            [TestScenarios.Org(agents, od: od)], Enforcement.None);
    }
}
