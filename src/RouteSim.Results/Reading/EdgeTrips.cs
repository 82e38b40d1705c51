using RouteSim.Analysis.Counterfactuals;
using RouteSim.Core.Statistics;

namespace RouteSim.Results.Reading;

/// <summary>
/// Flow on each directed edge of the network: trips started on the routes that use the edge, summed over a window
/// of periods, per replication (routes.csv and the route catalogue's paths; a trip counts on every edge of its
/// route, whether or not it was stopped before reaching it).
/// </summary>
public static class EdgeTrips
{
    /// <summary>Per replication, trips on each edge over periods [from, to): edge to values[replication].</summary>
    /// <param name="routeTrips">Trips by route as [replication][period][route], as <see cref="RunFolder.RouteSeries"/> gives.</param>
    public static Dictionary<(string From, string To), double[]> PerReplication(RunFolder run, double[][][] routeTrips, Window window)
    {
        var flows = run.Edges.Distinct().ToDictionary(e => e, _ => new double[routeTrips.Length]);
        for (int r = 0; r < run.Routes.Count; r++)
        {
            var path = run.Routes[r].Path;
            for (int rep = 0; rep < routeTrips.Length; rep++)
            {
                double trips = 0;
                for (int t = window.From; t < window.To; t++) trips += routeTrips[rep][t][r];
                if (trips == 0) continue;
                for (int i = 1; i < path.Length; i++)
                {
                    if (!flows.TryGetValue((path[i - 1], path[i]), out var values)) flows[(path[i - 1], path[i])] = values = new double[routeTrips.Length];
                    values[rep] += trips;
                }
            }
        }
        return flows;
    }

    /// <summary>Mean trips per replication on each edge over a window, with its 95% Student-t interval.</summary>
    public static Dictionary<(string From, string To), Summary> Summaries(RunFolder run, double[][][] routeTrips, Window window) =>
        PerReplication(run, routeTrips, window).ToDictionary(p => p.Key, p => PairedEstimate.Mean(p.Value));

    /// <summary>
    /// Per edge over a comparison's window: flow in each arm and the paired change, intervention minus baseline
    /// (replication i of both arms shares its random numbers), each a mean with its 95% interval.
    /// </summary>
    public static IReadOnlyList<EdgeChange> Changes(ComparisonFolder comparison)
    {
        var window = Window.Parse(comparison.Manifest.Window, comparison.Manifest.Periods, out var problem)
            ?? throw new ResultsReadException($"{comparison.Path}: manifest window {comparison.Manifest.Window}: {problem}");
        var baseline = PerReplication(comparison.Baseline, comparison.Baseline.RouteSeries(), window);
        var intervention = PerReplication(comparison.Intervention, comparison.Intervention.RouteSeries(), window);
        int n = comparison.Manifest.Replications;
        double[] Of(Dictionary<(string, string), double[]> arm, (string, string) e) => arm.TryGetValue(e, out var v) ? v : new double[n];
        return baseline.Keys.Union(intervention.Keys).Select(e =>
        {
            var b = Of(baseline, e);
            var x = Of(intervention, e);
            return new EdgeChange(e.From, e.To, PairedEstimate.Mean(b), PairedEstimate.Mean(x), PairedEstimate.Mean(x.Select((v, i) => v - b[i]).ToArray()));
        }).ToArray();
    }
}

/// <summary>An edge's flow over a comparison's window in each arm and the paired change (trips, mean per replication with 95% intervals).</summary>
public sealed record EdgeChange(string From, string To, Summary Baseline, Summary Intervention, Summary Change);
