using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using RouteSim.Core.Engine;
using RouteSim.Core.Statistics;

namespace RouteSim.Results;

/// <summary>
/// Writes a run's tidy CSVs: per-replication rows as replications arrive (in order), then the route catalogue,
/// the summary over replications and the manifest. Location rows cover every (location, commodity) that some
/// route of an organization carrying the commodity passes; all other cells are zero by construction.
/// </summary>
public sealed class RunWriter : IDisposable
{
    private readonly CompiledScenario _model;
    private readonly string _directory;
    private readonly Utf8CsvWriter _locations, _organizations, _routes;
    private readonly byte[][] _locationIds, _commodityIds, _organizationIds;
    private readonly byte[][][] _summaryRouteKeys; // "organization/route" by organization and route
    private readonly CountTable _locationRows, _organizationRows, _routeRows;

    /// <summary>Opens the per-replication CSVs in a folder being written (see <see cref="ResultFolder"/>) and writes their headers.</summary>
    public RunWriter(CompiledScenario model, string directory)
    {
        _model = model;
        _directory = directory;
        Directory.CreateDirectory(directory);
        _locations = new Utf8CsvWriter(File("locations.csv"), LocationsHeader);
        _organizations = new Utf8CsvWriter(File("organizations.csv"), OrganizationsHeader);
        _routes = new Utf8CsvWriter(File("routes.csv"), RoutesHeader);
        _locationIds = model.LocationIds.Select(Utf8CsvWriter.Field).ToArray();
        _commodityIds = model.CommodityIds.Select(Utf8CsvWriter.Field).ToArray();
        _organizationIds = model.Organizations.Select(o => Utf8CsvWriter.Field(o.Organization.Id)).ToArray();
        _summaryRouteKeys = model.Organizations.Select(o => o.Routes.Select(r => Utf8CsvWriter.Field($"{o.Organization.Id}/{r.Id}")).ToArray()).ToArray();
        _locationRows = LocationRows(model, _locations);
        var organizationFirsts = new int[model.Organizations.Length];
        for (int g = 0; g < organizationFirsts.Length; g++) organizationFirsts[g] = model.Layout.OrganizationCell(0, g);
        _organizationRows = new CountTable(_organizations, _organizationIds, organizationFirsts, Metrics.OrganizationCount, model.Layout.OrganizationCellsPerPeriod);
        _routeRows = RouteRows(model, _routes);
    }

    /// <summary>Header of locations.csv: keys, then the location metrics in column order.</summary>
    public static readonly string LocationsHeader = Header("replication,period,location,commodity", Metrics.Location);

    /// <summary>Header of organizations.csv: keys, then the organization metrics in column order.</summary>
    public static readonly string OrganizationsHeader = Header("replication,period,organization", Metrics.Organization);

    /// <summary>Header of routes.csv: keys, then the route metrics in column order.</summary>
    public static readonly string RoutesHeader = Header("replication,period,organization,route", Metrics.Route);

    private static string Header(string keys, IEnumerable<Metric> metrics) => string.Join(',', metrics.Select(m => m.Name).Prepend(keys));

    // Plain loops below, not LINQ over tuples: routesim compiles every generic instantiation fully optimised
    // on first use, and this runs on the writing thread while the first replications need both cores.

    /// <summary>Location rows: every (location, commodity) some route carrying the commodity passes; other cells are zero.</summary>
    private static CountTable LocationRows(CompiledScenario model, Utf8CsvWriter writer)
    {
        var layout = model.Layout;
        var keys = new List<byte[]>();
        var firsts = new List<int>();
        for (int l = 0; l < layout.Locations; l++)
            for (int k = 0; k < layout.Commodities; k++)
            {
                if (!model.LocationCarries[l * layout.Commodities + k]) continue;
                keys.Add(Encoding.UTF8.GetBytes(Csv.Text(model.LocationIds[l]) + "," + Csv.Text(model.CommodityIds[k])));
                firsts.Add(layout.LocationCell(0, l, k));
            }
        return new CountTable(writer, [.. keys], [.. firsts], Metrics.LocationCount, layout.LocationCellsPerPeriod);
    }

    /// <summary>Route rows: every route of every organization, in the order of the route counts.</summary>
    private static CountTable RouteRows(CompiledScenario model, Utf8CsvWriter writer)
    {
        var keys = new List<byte[]>();
        var firsts = new List<int>();
        foreach (var plan in model.Organizations)
            for (int r = 0; r < plan.Routes.Length; r++)
            {
                keys.Add(Encoding.UTF8.GetBytes(Csv.Text(plan.Organization.Id) + "," + Csv.Text(plan.Routes[r].Id)));
                firsts.Add(model.Layout.Route(0, plan.RouteOffset + r));
            }
        return new CountTable(writer, [.. keys], [.. firsts], Metrics.Route.Count, model.Layout.Routes);
    }

    /// <summary>Appends one replication's rows.</summary>
    public void Add(ReplicationResult result)
    {
        Span<byte> prefix = stackalloc byte[2 * Utf8CsvWriter.MaxIntegerBytes + 2];
        for (int t = 0; t < result.Layout.Periods; t++)
        {
            // "replication,period," starts every row of the period: formatted once.
            var start = Prefix(prefix, result.Replication, t);
            _locationRows.WritePeriod(start, result.Locations, t);
            _organizationRows.WritePeriod(start, result.Organizations, t);
            _routeRows.WritePeriod(start, result.Routes, t);
        }
    }

    private static ReadOnlySpan<byte> Prefix(Span<byte> into, int replication, int period)
    {
        int a = Utf8CsvWriter.Count(into, replication);
        into[a++] = (byte)',';
        a += Utf8CsvWriter.Count(into[a..], period);
        into[a++] = (byte)',';
        return into[..a];
    }

    /// <summary>Writes the catalogue, the summary and the manifest, and closes the files.</summary>
    public void Finish(RunSummary summary, RunManifest manifest)
    {
        _locations.Dispose();
        _organizations.Dispose();
        _routes.Dispose();
        WriteCatalog();
        WriteNetwork();
        WriteSummary(summary, Math.Max(1, manifest.Threads ?? 1));
        manifest.Write(_directory);
    }

    private void WriteCatalog()
    {
        using var w = new StreamWriter(File("route_catalog.csv"), false, new UTF8Encoding(false)) { NewLine = "\n" };
        w.WriteLine("organization,route,origin,destination,path,cost,danger");
        foreach (var plan in _model.Organizations)
            foreach (var route in plan.Routes)
                w.WriteLine(Csv.Row(Csv.Text(plan.Organization.Id), Csv.Text(route.Id), Csv.Text(_model.LocationIds[route.Origin]),
                    Csv.Text(_model.LocationIds[route.Destination]), Csv.Text(route.PathText(_model.LocationIds)),
                    Csv.Number(route.Cost), Csv.Number(route.Danger)));
    }

    /// <summary>nodes.csv, edges.csv and enforcement.csv: the network and the configured schedule, for maps and event marks.</summary>
    private void WriteNetwork()
    {
        var scenario = _model.Scenario;
        using (var w = new StreamWriter(File("nodes.csv"), false, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            w.WriteLine("id,label,kind,lat,lon,cost,base_detection,area,danger");
            foreach (var n in scenario.Nodes)
                w.WriteLine(Csv.Row(Csv.Text(n.Id), Csv.Text(n.Label ?? n.Id), n.Kind.ToString().ToLowerInvariant(), Csv.Number(n.Lat ?? double.NaN),
                    Csv.Number(n.Lon ?? double.NaN), Csv.Number(n.Cost), Csv.Number(n.BaseDetection), Csv.Number(n.Area), Csv.Number(n.Danger)));
        }
        using (var w = new StreamWriter(File("edges.csv"), false, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            w.WriteLine("from,to,cost");
            foreach (var e in scenario.Edges) w.WriteLine(Csv.Row(Csv.Text(e.From), Csv.Text(e.To), Csv.Number(e.Cost)));
        }
        using (var w = new StreamWriter(File("enforcement.csv"), false, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            // Configured resources (allocation and events, adaptation aside), one row where a level starts. A
            // scenario with deterrence events (docs/model.md section 9) also gets the deterrence cost X_l(t), and a
            // row where either starts; without them the file is as it always was.
            var plan = _model.Enforcement;
            bool deterrence = plan.HasDeterrenceCost;
            w.WriteLine(deterrence ? "period,location,resources,deterrence_cost" : "period,location,resources");
            var schedule = plan.ConfiguredSchedule(scenario.Periods);
            var cost = deterrence ? plan.ConfiguredDeterrenceCost(scenario.Periods) : null;
            for (int t = 0; t < schedule.Length; t++)
                for (int l = 0; l < schedule[t].Length; l++)
                {
                    bool starts = t == 0 ? schedule[t][l] != 0 : schedule[t][l] != schedule[t - 1][l];
                    if (cost is not null) starts |= t == 0 ? cost[t][l] != 0 : cost[t][l] != cost[t - 1][l];
                    if (!starts) continue;
                    var row = Csv.Row(t.ToString(System.Globalization.CultureInfo.InvariantCulture), Csv.Text(_model.LocationIds[l]), Csv.Number(schedule[t][l]));
                    w.WriteLine(cost is null ? row : row + "," + Csv.Number(cost[t][l]));
                }
        }
    }

    /// <summary>Header of summary.csv: one row per count, period and statistic.</summary>
    public const string SummaryHeader = "table,key,commodity,period,metric,mean,sd,ci_low,ci_high,n";

    /// <summary>Header of summary_totals.csv: the same counts summed over all periods, without a period column.</summary>
    public const string TotalsHeader = "table,key,commodity,metric,mean,sd,ci_low,ci_high,n";

    private void WriteSummary(RunSummary summary, int threads)
    {
        // Each period's rows are formatted on their own (in parallel: a summary has a row for every count of
        // every period, and formatting doubles is slow), then written in period order. The totals over all
        // periods go to a file of their own, so that summary.csv's period column holds only whole numbers.
        var layout = _model.Layout;
        var periods = Periods(layout.Periods).ToArray();
        var parts = new byte[periods.Length][];
        Parallel.For(0, periods.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, p =>
        {
            var buffer = new MemoryStream();
            using (var w = new Utf8CsvWriter(buffer, header: null)) SummaryRows(w, summary, periods[p]);
            parts[p] = buffer.ToArray();
        });
        using (var file = new Utf8CsvWriter(File("summary.csv"), SummaryHeader))
            for (int p = 0; p < layout.Periods; p++) file.Raw(parts[p]);
        using (var totals = new Utf8CsvWriter(File("summary_totals.csv"), TotalsHeader))
            totals.Raw(parts[^1]);
    }

    private void SummaryRows(Utf8CsvWriter w, RunSummary summary, int? period)
    {
        var layout = _model.Layout;
        // Optimised at once, like the writer's field methods: called hundreds of thousands of times, once.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void Row(ReadOnlySpan<byte> table, byte[] key, byte[] commodity, byte[] metric, Summary s)
        {
            w.Raw(table);
            w.Comma();
            w.Raw(key);
            w.Comma();
            w.Raw(commodity);
            w.Comma();
            if (period is { } t)
            {
                w.Number(t);
                w.Comma();
            }
            w.Raw(metric);
            w.Comma();
            w.Number(s.Mean);
            w.Comma();
            w.Number(s.Sd);
            w.Comma();
            w.Number(s.CiLow);
            w.Comma();
            w.Number(s.CiHigh);
            w.Comma();
            w.Number(s.N);
            w.EndRow();
        }

        for (int l = 0; l < layout.Locations; l++)
            for (int k = 0; k < layout.Commodities; k++)
            {
                if (!_model.LocationCarries[l * layout.Commodities + k]) continue;
                for (int m = 0; m < LocationMetrics.Length; m++)
                    Row("locations"u8, _locationIds[l], _commodityIds[k], LocationMetricNames[m], summary.Location(period, l, k, LocationMetrics[m].Id));
            }
        foreach (var plan in _model.Organizations)
        {
            var commodity = _commodityIds[plan.Commodity];
            for (int m = 0; m < OrganizationMetrics.Length; m++)
                Row("organizations"u8, _organizationIds[plan.Index], commodity, OrganizationMetricNames[m], summary.Organization(period, plan.Index, OrganizationMetrics[m].Id));
            for (int r = 0; r < plan.Routes.Length; r++)
                Row("routes"u8, _summaryRouteKeys[plan.Index][r], commodity, Trips, summary.Route(period, plan.RouteOffset + r));
        }
    }

    // The metrics as arrays, with their names encoded once (no generic code over value types: see above).
    private static readonly Metric<LocationMetric>[] LocationMetrics = [.. Metrics.Location];
    private static readonly Metric<OrganizationMetric>[] OrganizationMetrics = [.. Metrics.Organization];
    private static readonly byte[][] LocationMetricNames = Metrics.Location.Select(m => Encoding.UTF8.GetBytes(m.Name)).ToArray();
    private static readonly byte[][] OrganizationMetricNames = Metrics.Organization.Select(m => Encoding.UTF8.GetBytes(m.Name)).ToArray();
    private static readonly byte[] Trips = Encoding.UTF8.GetBytes(Metrics.Of(RouteMetric.Trips).Name);

    private string File(string name) => Path.Combine(_directory, name);

    /// <summary>Every period, then null for the total over all periods.</summary>
    private static IEnumerable<int?> Periods(int count)
    {
        for (int t = 0; t < count; t++) yield return t;
        yield return null;
    }

    /// <summary>Closes any file still open.</summary>
    public void Dispose()
    {
        _locations.Dispose();
        _organizations.Dispose();
        _routes.Dispose();
    }
}
