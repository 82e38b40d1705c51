using RouteSim.Core.Engine;
using RouteSim.Core.Model;

namespace RouteSim.Server;

/// <summary>
/// One arm's flow and deaths per period, averaged over replications, for the page's time-series charts: flow is
/// traversals at every crossing, all commodities; deaths are counted wherever they happened.
/// </summary>
public sealed class ArmSeries(CompiledScenario model)
{
    private readonly double[] _flow = new double[model.Scenario.Periods];
    private readonly double[] _deaths = new double[model.Scenario.Periods];
    private readonly int[] _crossings = Enumerable.Range(0, model.LocationCount).Where(l => model.Scenario.Nodes[l].Kind == NodeKind.Crossing).ToArray();
    private int _replications;

    /// <summary>Adds one replication (called in order, never concurrently).</summary>
    public void Add(ReplicationResult result)
    {
        var layout = result.Layout;
        for (int t = 0; t < layout.Periods; t++)
        {
            double flow = 0, deaths = 0;
            foreach (int l in _crossings)
                for (int k = 0; k < layout.Commodities; k++)
                    flow += result.Locations[layout.Location(t, l, k, LocationMetric.Traversals)];
            for (int l = 0; l < layout.Locations; l++)
                for (int k = 0; k < layout.Commodities; k++)
                    deaths += result.Locations[layout.Location(t, l, k, LocationMetric.Deaths)];
            _flow[t] += flow;
            _deaths[t] += deaths;
        }
        _replications++;
    }

    /// <summary>Mean flow per period over the replications added.</summary>
    public double[] Flow => Mean(_flow);

    /// <summary>Mean deaths per period over the replications added.</summary>
    public double[] Deaths => Mean(_deaths);

    private double[] Mean(double[] sums) => sums.Select(s => _replications == 0 ? 0 : s / _replications).ToArray();
}
