using System.Text;
using RouteSim.Core.Engine;

namespace RouteSim.Results.Reading;

/// <summary>A run's results folder read back: manifest, network, schedule, routes, and the per-replication tables as arrays.</summary>
public sealed class RunFolder
{
    private RunFolder(string path, RunManifest manifest)
    {
        Path = path;
        Manifest = manifest;
        var nodes = CsvTable.Read(System.IO.Path.Combine(path, "nodes.csv"));
        Nodes = nodes.Rows.Select(r => new NodeRow(r[nodes.Column("id")], r[nodes.Column("label")], r[nodes.Column("kind")],
            CsvTable.Number(r[nodes.Column("lat")]), CsvTable.Number(r[nodes.Column("lon")]))).ToArray();
        var edges = CsvTable.Read(System.IO.Path.Combine(path, "edges.csv"));
        Edges = edges.Rows.Select(r => (r[edges.Column("from")], r[edges.Column("to")])).ToArray();
        var schedule = CsvTable.Read(System.IO.Path.Combine(path, "enforcement.csv"));
        int cost = schedule.Has("deterrence_cost") ? schedule.Column("deterrence_cost") : -1;
        Schedule = schedule.Rows.Select(r => new ScheduleRow(int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture), r[1], CsvTable.Number(r[2]))
        {
            DeterrenceCost = cost >= 0 ? CsvTable.Number(r[cost]) : 0,
        }).ToArray();
        Events = ScheduleEvents(Schedule);
        var catalog = CsvTable.Read(System.IO.Path.Combine(path, "route_catalog.csv"));
        Routes = catalog.Rows.Select(r => new RouteRow(r[catalog.Column("organization")], r[catalog.Column("route")], r[catalog.Column("path")].Split('>'))).ToArray();
        LocationIndex = Nodes.Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        Organizations = Routes.Select(r => r.Organization).Distinct().ToArray();
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>Its manifest.</summary>
    public RunManifest Manifest { get; }

    /// <summary>Locations, in scenario order.</summary>
    public IReadOnlyList<NodeRow> Nodes { get; }

    /// <summary>Directed edges.</summary>
    public IReadOnlyList<(string From, string To)> Edges { get; }

    /// <summary>Configured enforcement: one row where a level starts.</summary>
    public IReadOnlyList<ScheduleRow> Schedule { get; }

    /// <summary>Route catalogue.</summary>
    public IReadOnlyList<RouteRow> Routes { get; }

    /// <summary>Organization ids, in order.</summary>
    public IReadOnlyList<string> Organizations { get; }

    /// <summary>Location index by id.</summary>
    public IReadOnlyDictionary<string, int> LocationIndex { get; }

    /// <summary>Periods after 0 at which configured enforcement changes (the events).</summary>
    public IEnumerable<int> EventPeriods => Events.Select(e => e.Period);

    /// <summary>The events after period 0, by period: whether resources change, a deterrence cost rises, or both.</summary>
    public IReadOnlyList<ScheduleEvent> Events { get; }

    private static ScheduleEvent[] ScheduleEvents(IReadOnlyList<ScheduleRow> schedule)
    {
        var resources = new Dictionary<string, double>(StringComparer.Ordinal);
        var cost = new Dictionary<string, double>(StringComparer.Ordinal);
        var events = new SortedDictionary<int, ScheduleEvent>();
        foreach (var row in schedule.OrderBy(r => r.Period))
        {
            bool resourcesChange = row.Resources != resources.GetValueOrDefault(row.Location);
            bool costChanges = row.DeterrenceCost != cost.GetValueOrDefault(row.Location);
            resources[row.Location] = row.Resources;
            cost[row.Location] = row.DeterrenceCost;
            if (row.Period == 0 || !(resourcesChange || costChanges)) continue;
            var e = events.GetValueOrDefault(row.Period, new ScheduleEvent(row.Period, false, false));
            events[row.Period] = e with { Resources = e.Resources || resourcesChange, DeterrenceCost = e.DeterrenceCost || costChanges };
        }
        return events.Values.ToArray();
    }

    /// <summary>Opens a results folder written by <c>routesim run</c>.</summary>
    public static RunFolder Open(string path)
    {
        var manifestPath = System.IO.Path.Combine(path, RunManifest.FileName);
        if (!Directory.Exists(path)) throw new ResultsReadException($"{path}: no such folder");
        if (!File.Exists(manifestPath)) throw new ResultsReadException($"{path}: no manifest.json, so not a finished RouteSim results folder");
        var manifest = RunManifest.FromJson(File.ReadAllText(manifestPath, Encoding.UTF8))
            ?? throw new ResultsReadException($"{manifestPath}: not a RouteSim manifest (invalid JSON, or a field missing or of the wrong type)");
        return new RunFolder(path, manifest);
    }

    /// <summary>A location metric summed over commodities, as [replication][period][location].</summary>
    public double[][][] LocationSeries(LocationMetric metric) => LocationSeries(Metrics.Of(metric).Name);

    /// <summary>An organization metric as [replication][period][organization].</summary>
    public double[][][] OrganizationSeries(OrganizationMetric metric) => OrganizationSeries(Metrics.Of(metric).Name);

    /// <summary>
    /// A location metric (a column of locations.csv, see <see cref="Metrics.Location"/>) summed over commodities, as [replication][period][location].
    /// </summary>
    public double[][][] LocationSeries(string metric)
    {
        var table = CsvTable.Read(System.IO.Path.Combine(Path, "locations.csv"));
        int rep = table.Column("replication"), period = table.Column("period"), location = table.Column("location"), value = table.Column(metric);
        var series = New(Manifest.Replications, Manifest.Periods, Nodes.Count);
        foreach (var r in table.Rows)
            series[int.Parse(r[rep], System.Globalization.CultureInfo.InvariantCulture)][int.Parse(r[period], System.Globalization.CultureInfo.InvariantCulture)][LocationIndex[r[location]]] += CsvTable.Number(r[value]);
        return series;
    }

    /// <summary>An organization metric (a column of organizations.csv, see <see cref="Metrics.Organization"/>) as [replication][period][organization].</summary>
    public double[][][] OrganizationSeries(string metric)
    {
        var table = CsvTable.Read(System.IO.Path.Combine(Path, "organizations.csv"));
        int rep = table.Column("replication"), period = table.Column("period"), org = table.Column("organization"), value = table.Column(metric);
        var index = Organizations.Select((o, i) => (o, i)).ToDictionary(p => p.o, p => p.i, StringComparer.Ordinal);
        var series = New(Manifest.Replications, Manifest.Periods, Organizations.Count);
        foreach (var r in table.Rows)
            series[int.Parse(r[rep], System.Globalization.CultureInfo.InvariantCulture)][int.Parse(r[period], System.Globalization.CultureInfo.InvariantCulture)][index[r[org]]] += CsvTable.Number(r[value]);
        return series;
    }

    /// <summary>Trips by route, as [replication][period][route index in <see cref="Routes"/>].</summary>
    /// <remarks>
    /// routes.csv has a row per replication, period and route (half a million rows for a Mexico run of ten
    /// replications), so it is read line by line on spans; only a line with quotes goes through the general splitter.
    /// </remarks>
    public double[][][] RouteSeries()
    {
        var path = System.IO.Path.Combine(Path, "routes.csv");
        if (!File.Exists(path)) throw new ResultsReadException($"{path}: file not found (is this a RouteSim results folder?)");
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Routes.Count; i++) index[Routes[i].Organization + "," + Routes[i].Route] = i;
        var lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        var series = New(Manifest.Replications, Manifest.Periods, Routes.Count);
        using var reader = new StreamReader(path, Encoding.UTF8);
        if (reader.ReadLine() is not { } header || header != RunWriter.RoutesHeader)
            throw new ResultsReadException($"{path}: expected the header {RunWriter.RoutesHeader}");
        int number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0) continue;
            int rep, period, route;
            double trips;
            if (line.Contains('"'))
            {
                // A quoted field (an id with a comma) goes through the CSV library; plain rows take the fast path below.
                var f = CsvTable.Parse(header + "\n" + line, path).Rows[0];
                rep = int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture);
                period = int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture);
                route = index.TryGetValue(f[2] + "," + f[3], out var r) ? r : throw Unknown(path, number);
                trips = CsvTable.Number(f[4]);
            }
            else
            {
                var span = line.AsSpan();
                int a = span.IndexOf(','), b = a + 1 + span[(a + 1)..].IndexOf(','), d = span.LastIndexOf(',');
                rep = int.Parse(span[..a], System.Globalization.CultureInfo.InvariantCulture);
                period = int.Parse(span[(a + 1)..b], System.Globalization.CultureInfo.InvariantCulture);
                route = lookup.TryGetValue(span[(b + 1)..d], out var r) ? r : throw Unknown(path, number);
                trips = double.Parse(span[(d + 1)..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
            }
            series[rep][period][route] += trips;
        }
        return series;
    }

    private static ResultsReadException Unknown(string path, int line) => new($"{path}:{line}: route not in route_catalog.csv");

    private static double[][][] New(int a, int b, int c) =>
        Enumerable.Range(0, a).Select(_ => Enumerable.Range(0, b).Select(_ => new double[c]).ToArray()).ToArray();
}

/// <summary>A location as nodes.csv gives it.</summary>
public sealed record NodeRow(string Id, string Label, string Kind, double Lat, double Lon);

/// <summary>A configured enforcement level starting at a period, with the deterrence cost then standing there (utility units; 0 when enforcement.csv has no such column).</summary>
public sealed record ScheduleRow(int Period, string Location, double Resources)
{
    /// <summary>The deterrence cost X_l from this period on (docs/model.md section 9).</summary>
    public double DeterrenceCost { get; init; }
}

/// <summary>A period at which configured enforcement changes: its resources somewhere, a deterrence cost somewhere, or both.</summary>
public sealed record ScheduleEvent(int Period, bool Resources, bool DeterrenceCost);

/// <summary>A route of the catalogue.</summary>
public sealed record RouteRow(string Organization, string Route, string[] Path);
