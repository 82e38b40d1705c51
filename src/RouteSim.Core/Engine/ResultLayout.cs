namespace RouteSim.Core.Engine;

/// <summary>The shape of one replication's counts and how to index them.</summary>
public sealed record ResultLayout(int Periods, int Locations, int Commodities, int Organizations, int Routes)
{
    /// <summary>Per location and commodity: the metrics recorded, in column order.</summary>
    public static readonly string[] LocationMetrics = ["traversals", "interdictions", "deaths"];

    /// <summary>Per organization: the metrics recorded, in column order.</summary>
    public static readonly string[] OrganizationMetrics = ["acting", "abstentions", "attempts", "successes", "interdictions", "deaths"];

    /// <summary>Per route: the metrics recorded.</summary>
    public static readonly string[] RouteMetrics = ["trips"];

    /// <summary>Cells per period in the location table.</summary>
    public int LocationCellsPerPeriod => Locations * Commodities * LocationMetrics.Length;

    /// <summary>Cells per period in the organization table.</summary>
    public int OrganizationCellsPerPeriod => Organizations * OrganizationMetrics.Length;

    /// <summary>Index of (period, location, commodity, metric) in the location counts.</summary>
    public int Location(int period, int location, int commodity, int metric) =>
        ((period * Locations + location) * Commodities + commodity) * LocationMetrics.Length + metric;

    /// <summary>Index of (period, organization, metric) in the organization counts.</summary>
    public int Organization(int period, int organization, int metric) =>
        (period * Organizations + organization) * OrganizationMetrics.Length + metric;

    /// <summary>Index of (period, route) in the route counts.</summary>
    public int Route(int period, int route) => period * Routes + route;
}
