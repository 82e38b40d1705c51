using RouteSim.Core.Model;
using RouteSim.Core.Network;

namespace RouteSim.Core.Engine;

/// <summary>
/// A scenario compiled for the engine: its network and routes, and every parameter as a plain array indexed
/// by location, commodity, organization or route, so the hot path touches no dictionaries or strings.
/// </summary>
/// <remarks>
/// The scenario as validated (the entities of docs/model.md section 1, as records) is <see cref="Scenario"/> in
/// RouteSim.Core.Model; the laws applied to these arrays are <see cref="ModelLaws"/>.
/// </remarks>
public sealed class CompiledScenario
{
    private CompiledScenario(Scenario scenario, RouteCatalog catalog)
    {
        Scenario = scenario;
        Catalog = catalog;
        var nodes = catalog.Network.Nodes;
        LocationIds = nodes.Select(n => n.Id).ToArray();
        CommodityIds = scenario.Commodities.Select(c => c.Id).ToArray();
        BaseDetection = nodes.Select(n => n.BaseDetection).ToArray();
        Area = nodes.Select(n => n.Area).ToArray();
        NodeDanger = nodes.Select(n => n.Danger).ToArray();
        PriorMean = nodes.Select(n => n.PriorMean).ToArray();

        var commodityIndex = CommodityIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var plans = new OrganizationPlan[scenario.Organizations.Count];
        int agentStart = 0, routeOffset = 0, outcomeOffset = 0;
        for (int g = 0; g < plans.Length; g++)
        {
            var routes = catalog.Organizations[g];
            var plan = new OrganizationPlan(g, routes, commodityIndex[routes.Organization.Commodity], agentStart, routeOffset, outcomeOffset);
            plans[g] = plan;
            agentStart += plan.AgentCount;
            routeOffset += plan.Routes.Length;
            outcomeOffset += plan.OutcomeCount;
        }
        Organizations = plans;
        TotalAgents = agentStart;
        TotalOrganizationRoutes = routeOffset;
        TotalOutcomes = outcomeOffset;

        LocationCarries = new bool[LocationCount * CommodityCount];
        foreach (var plan in plans)
            foreach (var route in plan.Routes)
                foreach (var l in route.Nodes)
                    LocationCarries[l * CommodityCount + plan.Commodity] = true;

        Enforcement = EnforcementPlan.Compile(scenario.Enforcement, catalog.Network);
        Layout = new ResultLayout(scenario.Periods, LocationCount, CommodityCount, plans.Length, TotalOrganizationRoutes);
    }

    /// <summary>The scenario this model was compiled from.</summary>
    public Scenario Scenario { get; }

    /// <summary>The network and each organization's candidate routes.</summary>
    public RouteCatalog Catalog { get; }

    /// <summary>Location ids by index.</summary>
    public string[] LocationIds { get; }

    /// <summary>Commodity ids by index.</summary>
    public string[] CommodityIds { get; }

    /// <summary>b_l by location.</summary>
    public double[] BaseDetection { get; }

    /// <summary>A_l by location.</summary>
    public double[] Area { get; }

    /// <summary>d_l by location.</summary>
    public double[] NodeDanger { get; }

    /// <summary>q0_l by location.</summary>
    public double[] PriorMean { get; }

    /// <summary>Organizations compiled, in scenario order.</summary>
    public OrganizationPlan[] Organizations { get; }

    /// <summary>Enforcement compiled to location indices.</summary>
    public EnforcementPlan Enforcement { get; }

    /// <summary>Shape of a replication's counts.</summary>
    public ResultLayout Layout { get; }

    /// <summary>Agents over all organizations.</summary>
    public int TotalAgents { get; }

    /// <summary>Routes over all organizations: the index space of route counts.</summary>
    public int TotalOrganizationRoutes { get; }

    /// <summary>Trip outcomes over all organization routes: the index space of trip-ending counts.</summary>
    public int TotalOutcomes { get; }

    /// <summary>Number of locations.</summary>
    public int LocationCount => LocationIds.Length;

    /// <summary>Number of commodities.</summary>
    public int CommodityCount => CommodityIds.Length;

    /// <summary>True at [l * CommodityCount + k] when some route of an organization carrying k passes l; other cells are always zero.</summary>
    public bool[] LocationCarries { get; }

    /// <summary>Builds the network, enumerates routes and compiles a validated scenario.</summary>
    public static CompiledScenario Build(Scenario scenario)
    {
        var network = RouteNetwork.Build(scenario.Nodes, scenario.Edges);
        return new CompiledScenario(scenario, RouteCatalog.Build(scenario, network));
    }

    /// <summary>The same model under other enforcement (its locations must exist): routes are not enumerated again.</summary>
    public CompiledScenario WithEnforcement(Enforcement enforcement) =>
        new(Scenario with { Enforcement = enforcement }, Catalog);
}
