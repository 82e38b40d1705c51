using NetTopologySuite.Geometries;
using RouteSim.Plotting.Maps;

namespace RouteSim.Plotting.Tests;

public class MapProjectionTests
{
    [Fact]
    public void A_mid_latitude_extent_gets_a_conic_projection_true_to_scale_on_its_standard_parallels()
    {
        var projection = MapProjection.For(new Envelope(-117, -97, 20, 32)); // northern Mexico
        Assert.Equal("Lambert conformal conic, standard parallels 22°N and 30°N", projection.Description);
        // One kilometre east along a standard parallel measures one kilometre on the map, up to the ellipsoid's
        // difference from the mean sphere the ground distance uses (under 0.5% at these latitudes).
        var (x0, y0) = projection.Project(-107, 30);
        var (x1, y1) = projection.Project(-107 + 1 / (111.32 * Math.Cos(30 * Math.PI / 180)), 30);
        double onMap = Math.Sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
        double ground = MapProjection.GroundMetres(-107, 30, -107 + 1 / (111.32 * Math.Cos(30 * Math.PI / 180)), 30);
        Assert.InRange(onMap / ground, 0.995, 1.005);
    }

    [Fact]
    public void Projecting_and_unprojecting_returns_the_point()
    {
        var projection = MapProjection.For(new Envelope(-125, -66, 14, 50));
        foreach (var (lon, lat) in new[] { (-117.03, 32.54), (-92.26, 14.9), (-73.46, 45.0), (-122.75, 49.0) })
        {
            var (x, y) = projection.Project(lon, lat);
            var (lon2, lat2) = projection.Unproject(x, y);
            Assert.Equal(lon, lon2, 6);
            Assert.Equal(lat, lat2, 6);
        }
    }

    [Fact]
    public void An_extent_at_the_equator_gets_mercator()
    {
        Assert.StartsWith("Mercator", MapProjection.For(new Envelope(-80, -60, -5, 10)).Description);
    }

    [Fact]
    public void Ground_distance_matches_a_known_one()
    {
        // San Diego to El Paso, about 1,015 km along the great circle.
        Assert.InRange(MapProjection.GroundMetres(-117.16, 32.72, -106.44, 31.76) / 1000, 1000, 1030);
    }
}
