namespace RouteSim.Core.Engine;

/// <summary>
/// The shape of one replication's counts and how to index them: by period, then location and commodity (or
/// organization, or route), then metric, the metrics in the order of <see cref="Metrics"/>.
/// </summary>
public sealed record ResultLayout(int Periods, int Locations, int Commodities, int Organizations, int Routes)
{
    /// <summary>Cells per period in the location table.</summary>
    public int LocationCellsPerPeriod => Locations * Commodities * Metrics.LocationCount;

    /// <summary>Cells per period in the organization table.</summary>
    public int OrganizationCellsPerPeriod => Organizations * Metrics.OrganizationCount;

    /// <summary>Index of (period, location, commodity, metric) in the location counts.</summary>
    public int Location(int period, int location, int commodity, LocationMetric metric) =>
        LocationCell(period, location, commodity) + (int)metric;

    /// <summary>Index of (period, organization, metric) in the organization counts.</summary>
    public int Organization(int period, int organization, OrganizationMetric metric) =>
        OrganizationCell(period, organization) + (int)metric;

    /// <summary>Index of the first of the <see cref="Metrics.LocationCount"/> counts of (period, location, commodity).</summary>
    public int LocationCell(int period, int location, int commodity) =>
        ((period * Locations + location) * Commodities + commodity) * Metrics.LocationCount;

    /// <summary>Index of the first of the <see cref="Metrics.OrganizationCount"/> counts of (period, organization).</summary>
    public int OrganizationCell(int period, int organization) =>
        (period * Organizations + organization) * Metrics.OrganizationCount;

    /// <summary>Index of (period, route) in the route counts.</summary>
    public int Route(int period, int route) => period * Routes + route;
}
