using RouteSim.Core.Model;
using RouteSim.Core.Network;

namespace RouteSim.Core.Engine;

/// <summary>One organization compiled for the engine: its parameters, agents and routes as arrays.</summary>
public sealed class OrganizationPlan
{
    internal OrganizationPlan(int index, OrganizationRoutes routes, int commodity, int agentStart, int routeOffset, int outcomeOffset)
    {
        var organization = routes.Organization;
        Index = index;
        Organization = organization;
        Commodity = commodity;
        AgentStart = agentStart;
        AgentCount = organization.Agents;
        RouteOffset = routeOffset;
        Routes = routes.Routes.ToArray();

        double total = organization.Od.Sum(p => p.Weight);
        OdCumulativeWeights = new double[organization.Od.Count];
        double cumulative = 0;
        for (int w = 0; w < OdCumulativeWeights.Length; w++)
        {
            cumulative += organization.Od[w].Weight / total;
            OdCumulativeWeights[w] = cumulative;
        }

        OdRouteStart = new int[routes.Pairs.Count + 1];
        for (int w = 0; w < routes.Pairs.Count; w++)
            OdRouteStart[w + 1] = OdRouteStart[w] + routes.Pairs[w].Routes.Length;

        // Each route's outcomes are laid out as: interdicted at node 0, died at node 0, interdicted at node 1, ..., success.
        OutcomeStart = new int[Routes.Length + 1];
        OutcomeStart[0] = outcomeOffset;
        for (int r = 0; r < Routes.Length; r++)
            OutcomeStart[r + 1] = OutcomeStart[r] + 2 * Routes[r].Nodes.Length + 1;
    }

    /// <summary>Position among the scenario's organizations.</summary>
    public int Index { get; }

    /// <summary>The organization as the scenario gives it.</summary>
    public Organization Organization { get; }

    /// <summary>Index of its commodity.</summary>
    public int Commodity { get; }

    /// <summary>Global index of its first agent.</summary>
    public int AgentStart { get; }

    /// <summary>Number of agents.</summary>
    public int AgentCount { get; }

    /// <summary>Index of its first route in the all-organizations route space.</summary>
    public int RouteOffset { get; }

    /// <summary>Its routes, od pair by od pair.</summary>
    public Route[] Routes { get; }

    /// <summary>Normalised cumulative od weights, for drawing an agent's od pair.</summary>
    public double[] OdCumulativeWeights { get; }

    /// <summary>Routes of od pair w are Routes[OdRouteStart[w] .. OdRouteStart[w+1]).</summary>
    public int[] OdRouteStart { get; }

    /// <summary>Outcomes of route r are [OutcomeStart[r], OutcomeStart[r+1]) in the global outcome space.</summary>
    public int[] OutcomeStart { get; }

    /// <summary>Number of distinct trip outcomes over its routes.</summary>
    public int OutcomeCount => OutcomeStart[^1] - OutcomeStart[0];
}
