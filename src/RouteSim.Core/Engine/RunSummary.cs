using System.Runtime.CompilerServices;
using RouteSim.Core.Statistics;

namespace RouteSim.Core.Engine;

/// <summary>
/// Accumulates replications, in order, into mean, sd and 95% interval of every per-period count and of its
/// total over all periods (MODEL.md section 7). Memory does not grow with the number of replications.
/// </summary>
/// <remarks>Its accessors are compiled optimised at once: writing a summary calls them for every cell, once.</remarks>
public sealed class RunSummary
{
    private readonly ResultLayout _layout;
    private readonly Welford _locations, _organizations, _routes;
    private readonly Welford _locationTotals, _organizationTotals, _routeTotals;

    /// <summary>Creates an empty summary for results of this layout.</summary>
    public RunSummary(ResultLayout layout)
    {
        _layout = layout;
        _locations = new Welford(layout.Periods * layout.LocationCellsPerPeriod);
        _organizations = new Welford(layout.Periods * layout.OrganizationCellsPerPeriod);
        _routes = new Welford(layout.Periods * layout.Routes);
        _locationTotals = new Welford(layout.LocationCellsPerPeriod);
        _organizationTotals = new Welford(layout.OrganizationCellsPerPeriod);
        _routeTotals = new Welford(layout.Routes);
    }

    /// <summary>Replications added so far.</summary>
    public int Count => _locations.Count;

    /// <summary>Adds one replication.</summary>
    public void Add(ReplicationResult result)
    {
        _locations.Add(result.Locations);
        _organizations.Add(result.Organizations);
        _routes.Add(result.Routes);
        _locationTotals.Add(Totals(result.Locations, _layout.LocationCellsPerPeriod));
        _organizationTotals.Add(Totals(result.Organizations, _layout.OrganizationCellsPerPeriod));
        _routeTotals.Add(Totals(result.Routes, _layout.Routes));
    }

    private double[] Totals(int[] counts, int cellsPerPeriod)
    {
        var totals = new double[cellsPerPeriod];
        for (int t = 0; t < _layout.Periods; t++)
            for (int c = 0; c < cellsPerPeriod; c++)
                totals[c] += counts[t * cellsPerPeriod + c];
        return totals;
    }

    /// <summary>Location metric at a period, or over all periods when period is null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Summary Location(int? period, int location, int commodity, int metric)
    {
        int cell = _layout.Location(0, location, commodity, metric);
        return period is { } t ? _locations.Summarize(t * _layout.LocationCellsPerPeriod + cell) : _locationTotals.Summarize(cell);
    }

    /// <summary>Organization metric at a period, or over all periods when period is null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Summary Organization(int? period, int organization, int metric)
    {
        int cell = _layout.Organization(0, organization, metric);
        return period is { } t ? _organizations.Summarize(t * _layout.OrganizationCellsPerPeriod + cell) : _organizationTotals.Summarize(cell);
    }

    /// <summary>Trips on a route at a period, or over all periods when period is null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Summary Route(int? period, int route) =>
        period is { } t ? _routes.Summarize(t * _layout.Routes + route) : _routeTotals.Summarize(route);
}
