using System.Globalization;
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace RouteSim.Plotting.Maps;

/// <summary>
/// A projection chosen for a map's extent, from WGS84 longitude and latitude (degrees) to metres on the map
/// (ProjNET): Lambert conformal conic with standard parallels at one sixth and five sixths of the extent's
/// latitudes (the usual rule for conic maps, Snyder 1987, Map Projections: A Working Manual, p. 99), so shapes
/// are true and scale is within a percent or two over a country-sized map; Mercator for an extent that reaches
/// the equator, where a cone degenerates.
/// </summary>
public sealed class MapProjection
{
    private readonly MathTransform forward;
    private readonly MathTransform inverse;

    private MapProjection(string wkt, string description)
    {
        var factory = new CoordinateSystemFactory();
        var projected = (ProjectedCoordinateSystem)factory.CreateFromWkt(wkt);
        var transform = new CoordinateTransformationFactory().CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, projected);
        forward = transform.MathTransform;
        inverse = transform.MathTransform.Inverse();
        Description = description;
    }

    /// <summary>In words, for a figure's note: the projection and its parameters.</summary>
    public string Description { get; }

    /// <summary>The projection suited to an extent (longitudes as X, latitudes as Y, degrees).</summary>
    public static MapProjection For(Envelope extent)
    {
        double south = extent.MinY, north = extent.MaxY;
        double centralMeridian = Math.Round((extent.MinX + extent.MaxX) / 2, 1);
        double first = Math.Round(south + (north - south) / 6, 1), second = Math.Round(south + 5 * (north - south) / 6, 1);
        if (Math.Abs(first) < 5 || Math.Abs(second) < 5 || Math.Sign(first) != Math.Sign(second) || first == second && Math.Abs(first) < 10)
            return new MapProjection(Wkt("Mercator_1SP", [("latitude_of_origin", 0), ("central_meridian", centralMeridian), ("scale_factor", 1)]),
                $"Mercator, central meridian {Longitude(centralMeridian)}");
        if (first == second) second = first + 0.1; // a map of one latitude: the cone is tangent there
        return new MapProjection(Wkt("Lambert_Conformal_Conic_2SP", [("standard_parallel_1", first), ("standard_parallel_2", second),
                ("latitude_of_origin", Math.Round((south + north) / 2, 1)), ("central_meridian", centralMeridian)]),
            $"Lambert conformal conic, standard parallels {Latitude(first)} and {Latitude(second)}");
    }

    /// <summary>Metres on the map (easting, northing) of a longitude and latitude.</summary>
    public (double X, double Y) Project(double lon, double lat)
    {
        var (x, y) = forward.Transform(lon, lat);
        return (x, y);
    }

    /// <summary>Longitude and latitude of a point on the map.</summary>
    public (double Lon, double Lat) Unproject(double x, double y)
    {
        var (lon, lat) = inverse.Transform(x, y);
        return (lon, lat);
    }

    /// <summary>A geometry in degrees projected to metres (a copy).</summary>
    public Geometry Project(Geometry geometry)
    {
        var copy = geometry.Copy();
        copy.Apply(new Projecting(this));
        copy.GeometryChanged();
        return copy;
    }

    /// <summary>The distance on the ground, in metres, between two points given in degrees (great circle on the WGS84 mean sphere).</summary>
    public static double GroundMetres(double lon1, double lat1, double lon2, double lat2)
    {
        const double radius = 6_371_008.8; // IUGG mean Earth radius
        double p1 = lat1 * Math.PI / 180, p2 = lat2 * Math.PI / 180, dp = p2 - p1, dl = (lon2 - lon1) * Math.PI / 180;
        double a = Math.Sin(dp / 2) * Math.Sin(dp / 2) + Math.Cos(p1) * Math.Cos(p2) * Math.Sin(dl / 2) * Math.Sin(dl / 2);
        return 2 * radius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static string Wkt(string projection, (string Name, double Value)[] parameters)
    {
        string P(string name, double value) => string.Create(CultureInfo.InvariantCulture, $"PARAMETER[\"{name}\",{value}],");
        return "PROJCS[\"RouteSim map\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],"
            + "UNIT[\"degree\",0.0174532925199433]],"
            + $"PROJECTION[\"{projection}\"],{string.Concat(parameters.Select(p => P(p.Name, p.Value)))}"
            + "PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]";
    }

    private static string Latitude(double lat) => string.Create(CultureInfo.InvariantCulture, $"{Math.Abs(lat):0.#}°{(lat >= 0 ? "N" : "S")}");

    private static string Longitude(double lon) => string.Create(CultureInfo.InvariantCulture, $"{Math.Abs(lon):0.#}°{(lon >= 0 ? "E" : "W")}");

    private sealed class Projecting(MapProjection projection) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (int i = 0; i < seq.Count; i++)
            {
                var (x, y) = projection.Project(seq.GetX(i), seq.GetY(i));
                seq.SetX(i, x);
                seq.SetY(i, y);
            }
        }
    }
}
