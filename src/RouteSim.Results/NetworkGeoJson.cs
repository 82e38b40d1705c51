using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using RouteSim.Analysis.Counterfactuals;
using RouteSim.Core.Statistics;
using RouteSim.Results.Reading;

namespace RouteSim.Results;

/// <summary>
/// network.geojson: the network and its flows as a GeoJSON FeatureCollection (RFC 7946: WGS84 longitude, latitude)
/// that QGIS, kepler.gl, ArcGIS and web maps open. Nodes are Points (id, label, kind, enforcement); edges are
/// LineStrings with their flow (trips started on routes using the edge, mean per replication, 95% interval), and in
/// a comparison the flow in each arm and the paired change over the window. Written through NetTopologySuite's
/// GeoJSON writer, only for a network whose every node has coordinates. A foreign member "routesim" records the
/// scenario, its SHA-256, seed, replications, window and version (RFC 7946 section 6.1: readers ignore it).
/// Property names: README.md, "Maps and network.geojson".
/// </summary>
public static class NetworkGeoJson
{
    /// <summary>The file's name in a results folder.</summary>
    public const string FileName = "network.geojson";

    private const string Flow = "trips over the window started on routes that use the edge: mean per replication, 95% Student-t interval";

    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    /// <summary>True when every node has a latitude and longitude.</summary>
    public static bool HasCoordinates(RunFolder run) => run.Nodes.All(n => !double.IsNaN(n.Lat) && !double.IsNaN(n.Lon));

    /// <summary>Writes a run's network.geojson into its folder (flows over the whole run); false, writing nothing, when some node has no coordinates.</summary>
    public static bool Write(RunFolder run)
    {
        if (!HasCoordinates(run)) return false;
        var window = Window.All(run.Manifest.Periods);
        var features = Nodes(run, n => Table(("enforcement", MostConfigured(run, n.Id, window)))).ToList();
        foreach (var (edge, flow) in EdgeTrips.Summaries(run, run.RouteSeries(), window).OrderBy(e => e.Key.From, StringComparer.Ordinal).ThenBy(e => e.Key.To, StringComparer.Ordinal))
        {
            var a = EdgeAttributes(edge, window);
            Add(a, "flow", flow);
            a.Add("n", flow.N);
            features.Add(new Feature(Line(run, edge), a));
        }
        var m = run.Manifest;
        Save(run.Path, features, new JsonObject
        {
            ["scenario"] = m.Scenario, ["scenario_sha256"] = m.ScenarioSha256, ["seed"] = m.Seed, ["replications"] = m.Replications,
            ["periods"] = m.Periods, ["period_unit"] = m.PeriodUnit, ["window"] = window.ToString(), ["routesim_version"] = m.RoutesimVersion,
            ["flow"] = Flow,
        });
        return true;
    }

    /// <summary>Writes a comparison's network.geojson into its folder (both arms and the change over the window); false, writing nothing, when some node has no coordinates.</summary>
    public static bool Write(ComparisonFolder comparison)
    {
        var run = comparison.Intervention;
        if (!HasCoordinates(run)) return false;
        var window = Window.Parse(comparison.Manifest.Window, comparison.Manifest.Periods, out var problem)
            ?? throw new ResultsReadException($"{comparison.Path}: manifest window {comparison.Manifest.Window}: {problem}");
        var locations = comparison.Locations.ToDictionary(l => l.Location, StringComparer.Ordinal);
        // targeted_by as in comparison_locations.csv: only when a deterrence cost targets some crossing.
        bool why = comparison.Locations.Any(l => l.TargetedBy.HasFlag(Analysis.Counterfactuals.TargetReason.DeterrenceCost));
        var features = Nodes(run, n =>
        {
            var a = Table(("enforcement", MostConfigured(comparison.Intervention, n.Id, window)),
                ("enforcement_baseline", MostConfigured(comparison.Baseline, n.Id, window)));
            if (locations.TryGetValue(n.Id, out var l))
            {
                a.Add("targeted", l.Targeted);
                if (why) a.Add("targeted_by", Analysis.Counterfactuals.TargetReasons.Name(l.TargetedBy));
                a.Add("flow_baseline", Finite(l.Baseline));
                a.Add("flow_baseline_ci_low", Finite(l.BaselineLow));
                a.Add("flow_baseline_ci_high", Finite(l.BaselineHigh));
                a.Add("flow_intervention", Finite(l.Intervention));
                a.Add("flow_intervention_ci_low", Finite(l.InterventionLow));
                a.Add("flow_intervention_ci_high", Finite(l.InterventionHigh));
                a.Add("change", Finite(l.Change));
                a.Add("change_ci_low", Finite(l.ChangeLow));
                a.Add("change_ci_high", Finite(l.ChangeHigh));
            }
            return a;
        }).ToList();
        foreach (var e in EdgeTrips.Changes(comparison).OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal))
        {
            var a = EdgeAttributes((e.From, e.To), window);
            Add(a, "flow_baseline", e.Baseline);
            Add(a, "flow_intervention", e.Intervention);
            Add(a, "change", e.Change);
            a.Add("n", e.Change.N);
            features.Add(new Feature(Line(run, (e.From, e.To)), a));
        }
        var m = comparison.Manifest;
        Save(comparison.Path, features, new JsonObject
        {
            ["baseline"] = m.Baseline, ["baseline_sha256"] = m.BaselineSha256, ["intervention"] = m.Intervention, ["intervention_sha256"] = m.InterventionSha256,
            ["seed"] = m.Seed, ["replications"] = m.Replications, ["periods"] = m.Periods, ["period_unit"] = m.PeriodUnit, ["window"] = m.Window,
            ["routesim_version"] = m.RoutesimVersion, ["flow"] = Flow, ["change"] = "intervention minus baseline, paired by replication",
        });
        return true;
    }

    private static IEnumerable<IFeature> Nodes(RunFolder run, Func<NodeRow, AttributesTable> more) =>
        run.Nodes.Select(n =>
        {
            var a = Table(("feature", "node"), ("id", n.Id), ("label", n.Label), ("kind", n.Kind));
            var extra = more(n);
            foreach (var name in extra.GetNames()) a.Add(name, extra[name]);
            return (IFeature)new Feature(Wgs84.CreatePoint(new Coordinate(n.Lon, n.Lat)), a);
        });

    private static AttributesTable EdgeAttributes((string From, string To) edge, Window window) =>
        Table(("feature", "edge"), ("from", edge.From), ("to", edge.To), ("window", window.ToString()));

    private static AttributesTable Table(params (string Name, object? Value)[] attributes)
    {
        var table = new AttributesTable();
        foreach (var (name, value) in attributes) table.Add(name, value);
        return table;
    }

    private static LineString Line(RunFolder run, (string From, string To) edge)
    {
        var from = run.Nodes[run.LocationIndex[edge.From]];
        var to = run.Nodes[run.LocationIndex[edge.To]];
        return Wgs84.CreateLineString([new Coordinate(from.Lon, from.Lat), new Coordinate(to.Lon, to.Lat)]);
    }

    private static void Add(AttributesTable a, string name, Summary s)
    {
        a.Add(name, Finite(s.Mean));
        a.Add(name + "_ci_low", Finite(s.CiLow));
        a.Add(name + "_ci_high", Finite(s.CiHigh));
    }

    /// <summary>JSON has no NaN: an undefined number is null.</summary>
    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    /// <summary>The most resources configured at a location during a window (0 where none are).</summary>
    private static double MostConfigured(RunFolder run, string location, Window window)
    {
        var rows = run.Schedule.Where(s => s.Location == location).OrderBy(s => s.Period).ToArray();
        double atStart = rows.LastOrDefault(s => s.Period <= window.From)?.Resources ?? 0;
        return rows.Where(s => s.Period > window.From && s.Period < window.To).Select(s => s.Resources).Append(atStart).Max();
    }

    private static void Save(string folder, List<IFeature> features, JsonObject about)
    {
        var collection = new FeatureCollection();
        foreach (var f in features) collection.Add(f);
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        var path = Path.Combine(folder, FileName);
        var temporary = path + ".partial";
        var json = JsonSerializer.SerializeToNode(collection, options)!.AsObject();
        json.Insert(1, "routesim", about);
        File.WriteAllText(temporary, json.ToJsonString() + "\n", new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}
