using RouteSim.Core.Engine;
using RouteSim.Core.Model;
using RouteSim.Core.Tests.Support;
using static RouteSim.Core.Tests.Support.TestScenarios;

namespace RouteSim.Core.Tests.Engine;

public class RunSummaryTests
{
    /// <summary>
    /// Two organizations with two commodities on different crossings, and a node no route passes, so some
    /// (location, commodity) cells are zero by construction.
    /// </summary>
    private static Scenario Sample() => new("t", "", [], 6, "day", 3, 1, new Routing(),
        [new Node("O", NodeKind.Origin), new Node("A", NodeKind.Crossing, 1, 0.1), new Node("B", NodeKind.Crossing, 2, 0.05, Danger: 0.01),
         new Node("C", NodeKind.Crossing, 1, 0.2), new Node("D", NodeKind.Destination), new Node("Q", NodeKind.Transit)],
        [new Edge("O", "A", 1), new Edge("A", "D", 1), new Edge("O", "B", 1), new Edge("B", "D", 1), new Edge("O", "C", 1), new Edge("C", "D", 2), new Edge("D", "Q", 1)],
        [new Commodity("drug", 10, 1, 1, 0, false), new Commodity("people", 5, 1, 1, 0.5, true)],
        [new Organization("g", "drug", 400, [new OdPair("O", "D", 1)], 1, 0.9, 5, 0.3, 1, 0.8),
         new Organization("h", "people", 300, [new OdPair("O", "D", 1)], 1, 0.9, 5, 0.3, 1, 0.8)],
        Allocation(0.5, ("A", 5)));

    [Fact]
    public void Keeping_only_the_cells_routes_can_reach_reports_every_cell_as_before()
    {
        var model = CompiledScenario.Build(Sample());
        Assert.Contains(false, model.LocationCarries); // the test needs cells that are zero by construction
        var full = new RunSummary(model.Layout);
        var kept = new RunSummary(model.Layout, model.LocationCarries);
        foreach (var result in Runs.All(Sample(), 7, seed: 3))
        {
            full.Add(result);
            kept.Add(result);
        }

        Assert.Equal(7, kept.Count);
        var layout = model.Layout;
        foreach (int? period in Enumerable.Range(0, layout.Periods).Select(t => (int?)t).Append(null))
            for (int l = 0; l < layout.Locations; l++)
                for (int k = 0; k < layout.Commodities; k++)
                    foreach (var m in Metrics.Location)
                        Assert.Equal(full.Location(period, l, k, m.Id), kept.Location(period, l, k, m.Id));
    }

    [Fact]
    public void A_mask_of_another_layout_or_a_result_of_another_layout_is_refused()
    {
        var model = CompiledScenario.Build(Sample());
        Assert.Throws<ArgumentException>(() => new RunSummary(model.Layout, new bool[1]));
        var other = new ResultLayout(1, 1, 1, 1, 1);
        Assert.Throws<ArgumentException>(() => new RunSummary(model.Layout).Add(new ReplicationResult(0, other)));
    }
}
