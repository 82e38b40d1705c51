using RouteSim.Core.Model;

namespace RouteSim.Core.Network;

/// <summary>The routes each organization may choose from, per origin-destination pair, enumerated once at load.</summary>
public sealed class RouteCatalog
{
    private RouteCatalog(RouteNetwork network, IReadOnlyList<OrganizationRoutes> organizations)
    {
        Network = network;
        Organizations = organizations;
    }

    /// <summary>The network the routes run on.</summary>
    public RouteNetwork Network { get; }

    /// <summary>One entry per organization, in scenario order.</summary>
    public IReadOnlyList<OrganizationRoutes> Organizations { get; }

    /// <summary>Enumerates routes for every od pair of every organization (each distinct pair once).</summary>
    public static RouteCatalog Build(Scenario scenario, RouteNetwork network)
    {
        var cache = new Dictionary<(int, int), Route[]>();
        var ids = network.Nodes.Select(n => n.Id).ToArray();
        var organizations = new List<OrganizationRoutes>();
        foreach (var organization in scenario.Organizations)
        {
            var pairs = new List<OdRoutes>();
            foreach (var od in organization.Od)
            {
                int o = network.IndexOf(od.Origin), d = network.IndexOf(od.Destination);
                if (!cache.TryGetValue((o, d), out var routes))
                {
                    routes = network.CandidateRoutes(o, d, scenario.Routing)
                        .Select((p, rank) => new Route($"{ids[o]}:{ids[d]}#{rank + 1}", o, d, p.Nodes, p.Cost, Danger(network, p.Nodes)))
                        .ToArray();
                    cache[(o, d)] = routes;
                }
                pairs.Add(new OdRoutes(od, routes));
            }
            organizations.Add(new OrganizationRoutes(organization, pairs));
        }
        return new RouteCatalog(network, organizations);
    }

    /// <summary>D_r = 1 - prod(1 - d) over the route's nodes.</summary>
    public static double Danger(RouteNetwork network, IEnumerable<int> nodes)
    {
        double survive = 1;
        foreach (var n in nodes) survive *= 1 - network.Nodes[n].Danger;
        return 1 - survive;
    }
}

/// <summary>The candidate routes of one od pair.</summary>
public sealed record OdRoutes(OdPair Pair, Route[] Routes);

/// <summary>An organization's od pairs and their routes; its route list is the pairs' routes in order.</summary>
public sealed record OrganizationRoutes(Organization Organization, IReadOnlyList<OdRoutes> Pairs)
{
    /// <summary>Every route the organization may take, od pair by od pair.</summary>
    public IReadOnlyList<Route> Routes { get; } = Pairs.SelectMany(p => p.Routes).ToArray();
}
