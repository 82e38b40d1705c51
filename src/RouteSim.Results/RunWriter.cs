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
    private readonly SimulationModel _model;
    private readonly string _directory;
    private readonly StreamWriter _locations, _organizations, _routes;
    private readonly string[] _routeIds;

    /// <summary>Opens the per-replication CSVs in a folder being written (see <see cref="ResultFolder"/>) and writes their headers.</summary>
    public RunWriter(SimulationModel model, string directory)
    {
        _model = model;
        _directory = directory;
        Directory.CreateDirectory(directory);
        _locations = Open("locations.csv", "replication,period,location,commodity,traversals,interdictions,deaths");
        _organizations = Open("organizations.csv", "replication,period,organization,acting,abstentions,attempts,successes,interdictions,deaths");
        _routes = Open("routes.csv", "replication,period,organization,route,trips");
        _routeIds = model.Organizations.SelectMany(o => o.Routes.Select(r => r.Id)).ToArray();
    }

    private StreamWriter Open(string name, string header)
    {
        var writer = new StreamWriter(File(name), append: false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.WriteLine(header);
        return writer;
    }

    /// <summary>Appends one replication's rows.</summary>
    public void Add(ReplicationResult result)
    {
        var layout = result.Layout;
        string rep = result.Replication.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var locationIds = _model.LocationIds.Select(Csv.Text).ToArray();
        var commodityIds = _model.CommodityIds.Select(Csv.Text).ToArray();
        for (int t = 0; t < layout.Periods; t++)
        {
            for (int l = 0; l < layout.Locations; l++)
                for (int k = 0; k < layout.Commodities; k++)
                {
                    if (!_model.LocationCarries[l * layout.Commodities + k]) continue;
                    int i = layout.Location(t, l, k, 0);
                    _locations.Write($"{rep},{t},{locationIds[l]},{commodityIds[k]},{result.Locations[i]},{result.Locations[i + 1]},{result.Locations[i + 2]}\n");
                }

            foreach (var plan in _model.Organizations)
            {
                int i = layout.Organization(t, plan.Index, 0);
                var c = result.Organizations;
                _organizations.Write($"{rep},{t},{Csv.Text(plan.Organization.Id)},{c[i]},{c[i + 1]},{c[i + 2]},{c[i + 3]},{c[i + 4]},{c[i + 5]}\n");
                for (int r = 0; r < plan.Routes.Length; r++)
                    _routes.Write($"{rep},{t},{Csv.Text(plan.Organization.Id)},{Csv.Text(plan.Routes[r].Id)},{result.Routes[layout.Route(t, plan.RouteOffset + r)]}\n");
            }
        }
    }

    /// <summary>Writes the catalogue, the summary and the manifest, and closes the files.</summary>
    public void Finish(RunSummary summary, RunManifest manifest)
    {
        _locations.Dispose();
        _organizations.Dispose();
        _routes.Dispose();
        WriteCatalog();
        WriteNetwork();
        WriteSummary(summary);
        System.IO.File.WriteAllText(File("manifest.json"), manifest.ToJson(), new UTF8Encoding(false));
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
            // Configured resources (allocation and events, adaptation aside), one row where a level starts.
            w.WriteLine("period,location,resources");
            var schedule = _model.Enforcement.ConfiguredSchedule(scenario.Periods);
            for (int t = 0; t < schedule.Length; t++)
                for (int l = 0; l < schedule[t].Length; l++)
                    if (t == 0 ? schedule[t][l] != 0 : schedule[t][l] != schedule[t - 1][l])
                        w.WriteLine(Csv.Row(t.ToString(System.Globalization.CultureInfo.InvariantCulture), Csv.Text(_model.LocationIds[l]), Csv.Number(schedule[t][l])));
        }
    }

    private void WriteSummary(RunSummary summary)
    {
        using var w = new StreamWriter(File("summary.csv"), false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        w.WriteLine("table,key,commodity,period,metric,mean,sd,ci_low,ci_high,n");
        var layout = _model.Layout;
        void Row(string table, string key, string commodity, int? period, string metric, Summary s) =>
            w.Write($"{table},{Csv.Text(key)},{Csv.Text(commodity)},{(period is { } t ? t.ToString(System.Globalization.CultureInfo.InvariantCulture) : "all")},{metric}," +
                    $"{Csv.Number(s.Mean)},{Csv.Number(s.Sd)},{Csv.Number(s.CiLow)},{Csv.Number(s.CiHigh)},{s.N}\n");

        foreach (int? period in Periods(layout.Periods))
        {
            for (int l = 0; l < layout.Locations; l++)
                for (int k = 0; k < layout.Commodities; k++)
                {
                    if (!_model.LocationCarries[l * layout.Commodities + k]) continue;
                    for (int m = 0; m < ResultLayout.LocationMetrics.Length; m++)
                        Row("locations", _model.LocationIds[l], _model.CommodityIds[k], period, ResultLayout.LocationMetrics[m], summary.Location(period, l, k, m));
                }
            foreach (var plan in _model.Organizations)
            {
                string commodity = _model.CommodityIds[plan.Commodity];
                for (int m = 0; m < ResultLayout.OrganizationMetrics.Length; m++)
                    Row("organizations", plan.Organization.Id, commodity, period, ResultLayout.OrganizationMetrics[m], summary.Organization(period, plan.Index, m));
                for (int r = 0; r < plan.Routes.Length; r++)
                    Row("routes", $"{plan.Organization.Id}/{plan.Routes[r].Id}", commodity, period, "trips", summary.Route(period, plan.RouteOffset + r));
            }
        }
    }

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
