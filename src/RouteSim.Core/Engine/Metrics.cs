namespace RouteSim.Core.Engine;

/// <summary>
/// The table of every count a run records (docs/model.md section 7): each metric once, with its name in the
/// CSVs and in sweep and calibration files, its unit and what it counts. Every count is per period (a day in a
/// daily scenario). The engine, the writers, the readers of results, comparisons, sweep and calibration
/// outcomes, the console and the report take names, order and number of metrics from here.
/// </summary>
/// <remarks>
/// Adding a count: a member of its scope's enum and its row below, in the enum's order (a member's value is its
/// column; MetricsTests checks the rows follow the enums), then the line in ReplicationRunner.Record that
/// computes it. Columns of the CSVs, summary rows and the choices of the files' metric key follow. The two
/// independent implementations of the model must count it too: the plain baseline
/// (benchmarks/RouteSim.Baselines/PlainAgentModel.cs, whose totals are sized from this table, so
/// IndependentImplementationTests fails on a count it leaves at zero) and the NumPy reference
/// (benchmarks/reference/routesim_numpy.py, its ORG_METRICS and LOCATION_METRICS, compared by agreement.py).
/// </remarks>
public static class Metrics
{
    /// <summary>Counts per period, location and commodity, in column order.</summary>
    public static IReadOnlyList<Metric<LocationMetric>> Location { get; } =
    [
        new(LocationMetric.Traversals, "traversals", MetricScope.Location, "trips", "Trips that reached the location, the one where the trip ended included (model section 4, step 4)."),
        new(LocationMetric.Interdictions, "interdictions", MetricScope.Location, "trips", "Trips interdicted at the location (model section 4, step 4)."),
        new(LocationMetric.Deaths, "deaths", MetricScope.Location, "trips", "Trips that ended in a death at the location; only a commodity that carries people has any (model section 4, step 4)."),
    ];

    /// <summary>Counts per period and organization, in column order.</summary>
    public static IReadOnlyList<Metric<OrganizationMetric>> Organization { get; } =
    [
        new(OrganizationMetric.Acting, "acting", MetricScope.Organization, "agents", "Agents that acted: free and drawn active (model section 4, step 2)."),
        new(OrganizationMetric.Abstentions, "abstentions", MetricScope.Organization, "agents", "Acting agents that chose the outside option, not smuggling this period (model section 4, step 3)."),
        new(OrganizationMetric.Attempts, "attempts", MetricScope.Organization, "trips", "Trips started: acting agents that chose a route (model section 4, step 3)."),
        new(OrganizationMetric.Successes, "successes", MetricScope.Organization, "trips", "Trips that passed every node of their route (model section 4, step 4)."),
        new(OrganizationMetric.Interdictions, "interdictions", MetricScope.Organization, "trips", "Trips interdicted, at any location (model section 4, step 4)."),
        new(OrganizationMetric.Deaths, "deaths", MetricScope.Organization, "trips", "Trips that ended in a death, at any location (model section 4, step 4)."),
    ];

    /// <summary>Counts per period and organization route, in column order.</summary>
    public static IReadOnlyList<Metric<RouteMetric>> Route { get; } =
    [
        new(RouteMetric.Trips, "trips", MetricScope.Route, "trips", "Trips started on the route (model section 4, step 3)."),
    ];

    /// <summary>Columns of a period's location block: metrics per (location, commodity).</summary>
    public static readonly int LocationCount = Location.Count;

    /// <summary>Columns of a period's organization block: metrics per organization.</summary>
    public static readonly int OrganizationCount = Organization.Count;

    /// <summary>Every metric: location ones, then organization ones, then route ones.</summary>
    public static IReadOnlyList<Metric> All { get; } = [.. Location, .. Organization, .. Route];

    /// <summary>
    /// The distinct names of <see cref="All"/>, in its order: what the metric key of a sweep's outcome or a
    /// calibration's target may say (interdictions and deaths are both location and organization counts).
    /// </summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(m => m.Name).Distinct().ToArray();

    /// <summary>The organization counts a run's headline shows (console and report), in their order.</summary>
    public static IReadOnlyList<Metric<OrganizationMetric>> Headline { get; } =
        [Of(OrganizationMetric.Attempts), Of(OrganizationMetric.Successes), Of(OrganizationMetric.Interdictions), Of(OrganizationMetric.Deaths), Of(OrganizationMetric.Abstentions)];

    /// <summary>The metrics of one scope, in column order.</summary>
    public static IReadOnlyList<Metric> Of(MetricScope scope) => scope switch
    {
        MetricScope.Location => Location,
        MetricScope.Organization => Organization,
        _ => Route,
    };

    /// <summary>The row of a location metric.</summary>
    public static Metric<LocationMetric> Of(LocationMetric metric) => Location[(int)metric];

    /// <summary>The row of an organization metric.</summary>
    public static Metric<OrganizationMetric> Of(OrganizationMetric metric) => Organization[(int)metric];

    /// <summary>The row of a route metric.</summary>
    public static Metric<RouteMetric> Of(RouteMetric metric) => Route[(int)metric];

    /// <summary>The metric of this scope with this name; null when the scope has none.</summary>
    public static Metric? Find(MetricScope scope, string name) => Of(scope).FirstOrDefault(m => m.Name == name);

    /// <summary>The metric of this scope with this name; null when the scope has none.</summary>
    public static Metric<TId>? Find<TId>(IReadOnlyList<Metric<TId>> table, string name) where TId : struct, Enum =>
        table.FirstOrDefault(m => m.Name == name);
}

/// <summary>A location count: its value is its column in a (location, commodity) cell (see <see cref="Metrics.Location"/>).</summary>
public enum LocationMetric
{
    /// <summary>See <see cref="Metrics.Location"/>.</summary>
    Traversals,

    /// <summary>See <see cref="Metrics.Location"/>.</summary>
    Interdictions,

    /// <summary>See <see cref="Metrics.Location"/>.</summary>
    Deaths,
}

/// <summary>An organization count: its value is its column in an organization's cell (see <see cref="Metrics.Organization"/>).</summary>
public enum OrganizationMetric
{
    /// <summary>See <see cref="Metrics.Organization"/>.</summary>
    Acting,

    /// <summary>See <see cref="Metrics.Organization"/>.</summary>
    Abstentions,

    /// <summary>See <see cref="Metrics.Organization"/>.</summary>
    Attempts,

    /// <summary>See <see cref="Metrics.Organization"/>.</summary>
    Successes,

    /// <summary>See <see cref="Metrics.Organization"/>.</summary>
    Interdictions,

    /// <summary>See <see cref="Metrics.Organization"/>.</summary>
    Deaths,
}

/// <summary>A route count (see <see cref="Metrics.Route"/>).</summary>
public enum RouteMetric
{
    /// <summary>See <see cref="Metrics.Route"/>.</summary>
    Trips,
}
