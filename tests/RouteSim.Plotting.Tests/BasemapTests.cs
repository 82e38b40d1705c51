using NetTopologySuite.Geometries;
using RouteSim.Plotting.Maps;
using RouteSim.Plotting.Tests.Support;
using RouteSim.Results.Reading;

namespace RouteSim.Plotting.Tests;

public class BasemapTests
{
    /// <summary>
    /// Natural Earth 1:110m is generalised for maps at 1:110,000,000, where a quarter of a millimetre, a usual
    /// generalisation tolerance, is 27.5 km on the ground: its vertices lie within that of the true line.
    /// </summary>
    private const double ToleranceKm = 0.25e-3 * 110_000_000 / 1000;

    [Theory]
    [InlineData("US-Mexico", -180, 180)]
    [InlineData("US-Canada (lower 48)", -125, -95.2)] // the 49th parallel, west of the Lake of the Woods
    public void The_bundled_boundary_follows_the_coarse_reference_copy(string border, double west, double east)
    {
        var path = Path.Combine(ResultFolders.RepoRoot(), "tests", "RouteSim.Plotting.Tests", "Data", "border_lines_naturalearth_110m.csv");
        // Comment lines give the source; the rest is a CSV table read by the project's one reader.
        var rows = CsvTable.Parse(string.Join('\n', File.ReadLines(path).Where(l => !l.StartsWith('#'))), path).Rows;
        var boundaries = Basemap.NaturalEarth.Boundaries;
        var points = rows.Where(r => r[0] == border).Select(r => (Lon: CsvTable.Number(r[2]), Lat: CsvTable.Number(r[3])))
            .Where(p => p.Lon >= west && p.Lon <= east).ToArray();
        Assert.True(points.Length >= 10, $"{border}: {points.Length} reference points");
        var factory = new GeometryFactory();
        foreach (var (lon, lat) in points)
        {
            var near = boundaries.Intersection(factory.ToGeometry(new Envelope(lon - 1, lon + 1, lat - 1, lat + 1)));
            var closest = NetTopologySuite.Operation.Distance.DistanceOp.NearestPoints(near, factory.CreatePoint(new Coordinate(lon, lat)))[0];
            double km = MapProjection.GroundMetres(lon, lat, closest.X, closest.Y) / 1000;
            Assert.True(km <= ToleranceKm, $"{border}: the 1:110m vertex ({lon}, {lat}) is {km:0.0} km from the bundled boundary");
        }
    }

    [Fact]
    public void The_embedded_file_is_the_bundled_source_file()
    {
        using var embedded = Basemap.OpenGeoJson();
        using var copy = new MemoryStream();
        embedded.CopyTo(copy);
        var source = File.ReadAllBytes(Path.Combine(ResultFolders.RepoRoot(), "src", "RouteSim.Plotting", "Basemap", "naturalearth-basemap.geojson"));
        Assert.Equal(source, copy.ToArray());
    }

    [Fact]
    public void The_basemap_has_its_countries_coasts_and_boundaries()
    {
        var basemap = Basemap.NaturalEarth;
        Assert.Contains(basemap.Countries, c => c.Name == "Mexico");
        Assert.Contains(basemap.Countries, c => c.Name == "Canada");
        Assert.True(basemap.Boundaries.NumPoints > 50_000, "1:10m boundaries");
        Assert.True(basemap.Coastlines.Length > 0);
        // Mexico City is in Mexico's polygon, El Paso in the United States'.
        var factory = new GeometryFactory();
        Assert.True(basemap.Countries.Single(c => c.Name == "Mexico").Shape.Contains(factory.CreatePoint(new Coordinate(-99.13, 19.43))));
        Assert.True(basemap.Countries.Single(c => c.Name == "United States of America").Shape.Contains(factory.CreatePoint(new Coordinate(-106.44, 31.80))));
    }
}
