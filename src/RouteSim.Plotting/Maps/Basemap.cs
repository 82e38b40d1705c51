using System.Reflection;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace RouteSim.Plotting.Maps;

/// <summary>
/// The map under every map: Natural Earth 4.1.0 (public domain) countries and coastlines at 1:50m and
/// international boundaries at 1:10m, in WGS84 longitude and latitude (degrees), bundled as
/// Basemap/naturalearth-basemap.geojson (source, version and how it was built: Basemap/README.md).
/// </summary>
public sealed class Basemap
{
    /// <summary>The bundled file's resource name (a GeoJSON FeatureCollection, RFC 7946).</summary>
    public const string ResourceName = "RouteSim.Plotting.Basemap.naturalearth-basemap.geojson";

    /// <summary>Where the data comes from, for a figure's credit line.</summary>
    public const string Credit = "Basemap: Natural Earth 4.1.0 (public domain)";

    private static readonly Lazy<Basemap> Bundled = new(() =>
    {
        using var stream = OpenGeoJson();
        return Read(stream);
    });

    /// <summary>The bundled GeoJSON file as it is (3.8 MB), for a web page that draws the same basemap; the caller disposes it.</summary>
    public static Stream OpenGeoJson() => Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"{ResourceName} is not embedded");

    private Basemap(IReadOnlyList<Country> countries, Geometry coastlines, Geometry boundaries)
    {
        Countries = countries;
        Coastlines = coastlines;
        Boundaries = boundaries;
    }

    /// <summary>The bundled Natural Earth basemap, read once.</summary>
    public static Basemap NaturalEarth => Bundled.Value;

    /// <summary>Country polygons (1:50m), for the land fill and country names.</summary>
    public IReadOnlyList<Country> Countries { get; }

    /// <summary>Coastlines (1:50m): the country edges that no other country shares.</summary>
    public Geometry Coastlines { get; }

    /// <summary>International boundaries on land and through lakes (1:10m): the country edges two countries share.</summary>
    public Geometry Boundaries { get; }

    /// <summary>Reads a basemap GeoJSON: features with a "layer" of country (with "name"), coastline or boundary.</summary>
    /// <exception cref="InvalidDataException">A layer is missing.</exception>
    public static Basemap Read(Stream geoJson)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        var collection = JsonSerializer.Deserialize<FeatureCollection>(geoJson, options) ?? throw new InvalidDataException("basemap: empty file");
        string Layer(IFeature f) => f.Attributes["layer"]?.ToString() ?? "";
        var countries = collection.Where(f => Layer(f) == "country")
            .Select(f => new Country(f.Attributes["name"]?.ToString() ?? "", f.Geometry)).ToArray();
        Geometry One(string layer) => collection.SingleOrDefault(f => Layer(f) == layer)?.Geometry
            ?? throw new InvalidDataException($"basemap: no {layer} layer");
        return new Basemap(countries, One("coastline"), One("boundary"));
    }
}

/// <summary>A country of the basemap: its English name and its land (WGS84 degrees).</summary>
public sealed record Country(string Name, Geometry Shape);
