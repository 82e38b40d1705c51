using RouteSim.Core.Engine;

namespace RouteSim.Analysis.Counterfactuals;

/// <summary>One replication of one arm reduced to what a comparison needs, summed over a window.</summary>
/// <param name="Flow">Traversals by location, all commodities.</param>
/// <param name="Interdictions">Interdictions by location, all commodities.</param>
/// <param name="Deaths">Deaths by location.</param>
public sealed record ArmTotals(double[] Flow, double[] Interdictions, double[] Deaths, double Attempts, double Successes, double TotalDeaths)
{
    /// <summary>Sums a replication's counts over the window.</summary>
    public static ArmTotals From(ReplicationResult result, Window window)
    {
        var layout = result.Layout;
        var flow = new double[layout.Locations];
        var interdictions = new double[layout.Locations];
        var deaths = new double[layout.Locations];
        double attempts = 0, successes = 0, died = 0;
        for (int t = window.From; t < window.To; t++)
        {
            for (int l = 0; l < layout.Locations; l++)
                for (int k = 0; k < layout.Commodities; k++)
                {
                    flow[l] += result.Locations[layout.Location(t, l, k, 0)];
                    interdictions[l] += result.Locations[layout.Location(t, l, k, 1)];
                    deaths[l] += result.Locations[layout.Location(t, l, k, 2)];
                }
            for (int g = 0; g < layout.Organizations; g++)
            {
                attempts += result.Organizations[layout.Organization(t, g, 2)];
                successes += result.Organizations[layout.Organization(t, g, 3)];
                died += result.Organizations[layout.Organization(t, g, 5)];
            }
        }
        return new ArmTotals(flow, interdictions, deaths, attempts, successes, died);
    }
}
