using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using RouteSim.Plotting.Tests.Support;
using RouteSim.Results;
using RouteSim.Results.Reading;

namespace RouteSim.Plotting.Tests;

public class NetworkGeoJsonTests
{
    private static FeatureCollection Read(string folder)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        using var stream = File.OpenRead(Path.Combine(folder, NetworkGeoJson.FileName));
        return JsonSerializer.Deserialize<FeatureCollection>(stream, options)!;
    }

    private static double Number(IFeature f, string name) => f.Attributes[name] is { } v ? Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture) : double.NaN;

    /// <summary>
    /// Equal up to the reader's rounding: NetTopologySuite's reader keeps JSON numbers as decimals, and a decimal
    /// turned back into a double can land one unit in the last place (2.2e-16 relative) from the double written.
    /// </summary>
    private static void Same(double expected, double actual, double relative = 1e-15) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(Math.Abs(expected), Math.Abs(actual)), $"expected {expected:R}, read {actual:R}");

    [Fact]
    public void A_comparison_reads_back_with_the_numbers_of_comparison_locations()
    {
        var folder = ResultFolders.Comparison;
        var collection = Read(folder);
        var csv = CsvTable.Read(Path.Combine(folder, "comparison_locations.csv"));
        var nodes = collection.Where(f => (string)f.Attributes["feature"] == "node").ToDictionary(f => (string)f.Attributes["id"]);
        var run = RunFolder.Open(Path.Combine(folder, "intervention"));
        Assert.Equal(run.Nodes.Select(n => n.Id).Order(), nodes.Keys.Order());
        foreach (var n in run.Nodes)
        {
            var point = Assert.IsType<Point>(nodes[n.Id].Geometry);
            Assert.Equal((n.Lon, n.Lat), (point.X, point.Y)); // RFC 7946: longitude first
            Assert.Equal(n.Kind, nodes[n.Id].Attributes["kind"]);
            Assert.Equal(n.Label, nodes[n.Id].Attributes["label"]);
        }
        string[] columns = ["flow_baseline", "flow_baseline_ci_low", "flow_baseline_ci_high", "flow_intervention", "flow_intervention_ci_low",
            "flow_intervention_ci_high", "change", "change_ci_low", "change_ci_high"];
        Assert.NotEmpty(csv.Rows);
        foreach (var row in csv.Rows)
        {
            var node = nodes[row[csv.Column("location")]];
            Assert.Equal(row[csv.Column("targeted")] == "true", node.Attributes["targeted"]);
            foreach (var c in columns) Same(CsvTable.Number(row[csv.Column(c)]), Number(node, c)); // the same doubles, written and read back
        }
        using (var raw = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, NetworkGeoJson.FileName))))
        {
            var about = raw.RootElement.GetProperty("routesim"); // what produced the numbers, as manifest.json says
            var manifest = ComparisonFolder.Open(folder).Manifest;
            Assert.Equal(manifest.Seed, about.GetProperty("seed").GetUInt64());
            Assert.Equal(manifest.Replications, about.GetProperty("replications").GetInt32());
            Assert.Equal("30:90", about.GetProperty("window").GetString());
            Assert.Equal(manifest.BaselineSha256, about.GetProperty("baseline_sha256").GetString());
        }
        Assert.Equal(45.0, Number(nodes["PORT"], "enforcement")); // 5 at the start, 40 more from day 30
        Assert.Equal(5.0, Number(nodes["PORT"], "enforcement_baseline"));

        // Each crossing of this network is reached by one edge from the origin, and a trip is counted at the
        // crossing on its route when it starts (no stop can come before), so that edge's numbers are the crossing's.
        var edges = collection.Where(f => (string)f.Attributes["feature"] == "edge").ToArray();
        Assert.All(edges, e => Assert.Equal("30:90", e.Attributes["window"]));
        foreach (var row in csv.Rows)
        {
            var into = Assert.Single(edges, e => (string)e.Attributes["to"] == row[csv.Column("location")]);
            Assert.IsType<LineString>(into.Geometry);
            foreach (var c in columns)
                Same(CsvTable.Number(row[csv.Column(c)]), Number(into, c), 1e-12); // summed in another order
        }
    }

    [Fact]
    public void A_run_with_coordinates_writes_its_flows_and_one_without_writes_none()
    {
        var run = RunFolder.Open(ResultFolders.RunWithCoordinates);
        var edges = Read(run.Path).Where(f => (string)f.Attributes["feature"] == "edge").ToArray();
        var means = Maps.MapContents.Run(run, run.RouteSeries()).Edges.ToDictionary(e => (e.From, e.To), e => e.Size);
        Assert.Equal(means.Count, edges.Length);
        foreach (var e in edges)
        {
            Same(means[((string)e.Attributes["from"], (string)e.Attributes["to"])], Number(e, "flow"));
            Assert.True(Number(e, "flow_ci_low") <= Number(e, "flow") && Number(e, "flow") <= Number(e, "flow_ci_high"));
        }
        Assert.False(File.Exists(Path.Combine(ResultFolders.Run, NetworkGeoJson.FileName))); // the three-crossings tutorial lacks coordinates
    }
}
