using System.Runtime.CompilerServices;
using RouteSim.Core.Statistics;

namespace RouteSim.Core.Engine;

/// <summary>
/// Accumulates replications, in order, into mean, sd and 95% interval of every per-period count and of its
/// total over all periods (docs/model.md section 7). Memory does not grow with the number of replications.
/// </summary>
/// <remarks>Its accessors are compiled optimised at once: writing a summary calls them for every cell, once.</remarks>
public sealed class RunSummary
{
    private readonly ResultLayout _layout;
    private readonly Welford _locations, _organizations, _routes;
    private readonly Welford _locationTotals, _organizationTotals, _routeTotals;
    private readonly int[] _locationRow; // tracked row of (location, commodity), or -1 where the count is zero by construction
    private readonly int[] _trackedFirst; // first count of each tracked row within a period's block
    private readonly int[] _trackedLocations; // a replication's tracked counts, period by period (scratch, reused)

    /// <summary>Creates an empty summary for results of this layout.</summary>
    public RunSummary(ResultLayout layout)
        : this(layout, null)
    {
    }

    /// <summary>
    /// Creates an empty summary that keeps moments only for the (location, commodity) cells marked in
    /// <paramref name="locationCells"/> (index location * commodities + commodity): the others are zero in every
    /// replication by construction (no route of an organization carrying the commodity passes there), and
    /// report exactly what zeros would. Null keeps every cell.
    /// </summary>
    /// <remarks>
    /// On a year of daily periods most location cells are such zeros (Mexico: 114 of 291 per period); keeping
    /// them cost the writing thread half its time and the summary half its memory.
    /// </remarks>
    public RunSummary(ResultLayout layout, bool[]? locationCells)
    {
        int cells = layout.Locations * layout.Commodities;
        if (locationCells is not null && locationCells.Length != cells)
            throw new ArgumentException($"{locationCells.Length} location cells for a layout of {cells}", nameof(locationCells));
        _layout = layout;
        _locationRow = new int[cells];
        var first = new List<int>();
        for (int l = 0; l < layout.Locations; l++)
            for (int k = 0; k < layout.Commodities; k++)
            {
                int cell = l * layout.Commodities + k;
                if (locationCells is not null && !locationCells[cell])
                {
                    _locationRow[cell] = -1;
                    continue;
                }
                _locationRow[cell] = first.Count;
                first.Add(layout.LocationCell(0, l, k));
            }
        _trackedFirst = [.. first];
        _trackedLocations = new int[layout.Periods * TrackedPerPeriod];
        _locations = new Welford(_trackedLocations.Length);
        _organizations = new Welford(layout.Periods * layout.OrganizationCellsPerPeriod);
        _routes = new Welford(layout.Periods * layout.Routes);
        _locationTotals = new Welford(TrackedPerPeriod);
        _organizationTotals = new Welford(layout.OrganizationCellsPerPeriod);
        _routeTotals = new Welford(layout.Routes);
    }

    private int TrackedPerPeriod => _trackedFirst.Length * Metrics.LocationCount;

    /// <summary>Replications added so far.</summary>
    public int Count => _organizations.Count;

    /// <summary>Adds one replication.</summary>
    public void Add(ReplicationResult result)
    {
        if (result.Layout != _layout) throw new ArgumentException("a result of another layout", nameof(result));
        int metrics = Metrics.LocationCount, tracked = TrackedPerPeriod;
        for (int t = 0; t < _layout.Periods; t++)
        {
            var block = result.Locations.AsSpan(t * _layout.LocationCellsPerPeriod, _layout.LocationCellsPerPeriod);
            var into = _trackedLocations.AsSpan(t * tracked, tracked);
            for (int j = 0; j < _trackedFirst.Length; j++)
                block.Slice(_trackedFirst[j], metrics).CopyTo(into.Slice(j * metrics, metrics));
        }
        _locations.Add(_trackedLocations);
        _organizations.Add(result.Organizations);
        _routes.Add(result.Routes);
        _locationTotals.Add(Totals(_trackedLocations, tracked));
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
    public Summary Location(int? period, int location, int commodity, LocationMetric metric)
    {
        int row = _locationRow[location * _layout.Commodities + commodity];
        if (row < 0) return Summary.FromMoments(0, 0, Count); // zero in every replication
        int cell = row * Metrics.LocationCount + (int)metric;
        return period is { } t ? _locations.Summarize(t * TrackedPerPeriod + cell) : _locationTotals.Summarize(cell);
    }

    /// <summary>Organization metric at a period, or over all periods when period is null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Summary Organization(int? period, int organization, OrganizationMetric metric)
    {
        int cell = _layout.Organization(0, organization, metric);
        return period is { } t ? _organizations.Summarize(t * _layout.OrganizationCellsPerPeriod + cell) : _organizationTotals.Summarize(cell);
    }

    /// <summary>Trips on a route at a period, or over all periods when period is null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Summary Route(int? period, int route) =>
        period is { } t ? _routes.Summarize(t * _layout.Routes + route) : _routeTotals.Summarize(route);
}
