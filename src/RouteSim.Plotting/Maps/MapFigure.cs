using System.Globalization;
using NetTopologySuite.Geometries;
using RouteSim.Results.Reading;
using ScottPlot;

namespace RouteSim.Plotting.Maps;

/// <summary>
/// The network on a map: a Natural Earth basemap (land, coastlines, international boundaries) clipped to the
/// network's extent with a margin, in a projection suited to that extent (<see cref="MapProjection"/>), the edges
/// as wide as their size on a stated linear scale and coloured by what happened on them, nodes by kind, names
/// placed so none collide or leave the map (<see cref="LabelPlacement"/>), a scale bar, and a legend panel in the
/// figure that explains every mark.
/// </summary>
public static class MapFigure
{
    /// <summary>Widest edge, in pixels (the largest size on the map).</summary>
    public const float MaxWidth = 14;

    /// <summary>Narrowest edge with any size, in pixels.</summary>
    public const float MinWidth = 1.5f;

    private static readonly Color Land = Color.FromHex("#F2EFE9"), Sea = Color.FromHex("#D6E5F0"), Coast = Color.FromHex("#7F97AD"),
        Boundary = Color.FromHex("#303030"), CountryInk = Color.FromHex("#8E8E8E");

    // Solid lines only: SVG output cannot draw dash patterns.
    private const float BoundaryWidth = 1.8f, CoastWidth = 0.9f;

    /// <summary>The map, or null when some node has no coordinates.</summary>
    public static Figure? Draw(RunFolder run, MapContent content, string name, string caption)
    {
        if (run.Nodes.Any(n => double.IsNaN(n.Lat) || double.IsNaN(n.Lon))) return null;
        var view = MapView.For(run.Nodes.Select(n => (n.Lon, n.Lat)).ToArray());
        var canvas = view.Canvas;
        var countryNames = DrawBasemap(canvas, view);
        var at = run.Nodes.ToDictionary(n => n.Id, n => view.Pixel(n.Lon, n.Lat), StringComparer.Ordinal);
        double largest = content.Edges.Count == 0 ? 0 : content.Edges.Max(e => e.Size);
        canvas.Edges(content, at, largest);
        // The border is the subject of these maps: it goes over the edges, on a light casing, under the places.
        var boundaries = Clip(Basemap.NaturalEarth.Boundaries, view.ClipBox);
        DrawLines(canvas, view, boundaries, Colors.White.WithAlpha(0.8), BoundaryWidth + 2.5f);
        DrawLines(canvas, view, boundaries, Boundary, BoundaryWidth);
        var obstacles = canvas.Nodes(run, content, at);
        obstacles.Add(DrawScaleBar(canvas, view));
        var labels = canvas.Labels(run, content, at, obstacles,
            countryNames.Select(c => new LabelRequest(CountryNames(c.Name), c.X, c.Y, 0, Centred: true)).ToArray(), NetworkCanvas.Style(13, CountryInk));
        canvas.Frame(content.Title);
        canvas.Legend(run, content, largest,
            [("international boundary", BoundaryWidth, Boundary), ("coastline", CoastWidth, Coast)], "Map",
            [$"Projection: {view.Projection.Description}. Scale bar true at the map's centre.", Basemap.Credit + "."]);
        return new Figure(name, caption, canvas.Plot, NetworkCanvas.Width, canvas.Height) { LabelBoxes = labels };
    }

    /// <summary>Edge width in pixels for a size, linear from <see cref="MinWidth"/> (just above 0) to <see cref="MaxWidth"/> (the largest); 1 for no size.</summary>
    public static float EdgeWidth(double size, double largest) =>
        size <= 0 || largest <= 0 ? 1f : (float)(MinWidth + (MaxWidth - MinWidth) * Math.Min(1, size / largest));

    /// <summary>A node's names from the fullest to the shortest: the label, without its parenthesis, up to its first comma, and the id.</summary>
    public static IReadOnlyList<string> Abbreviations(NodeRow node)
    {
        var names = new List<string> { node.Label };
        int paren = node.Label.IndexOf(" (", StringComparison.Ordinal);
        string plain = paren > 0 ? node.Label[..paren] : node.Label;
        names.Add(plain);
        int comma = plain.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0) names.Add(plain[..comma]);
        names.Add(node.Id);
        return names.Where(n => n.Length > 0).Distinct().ToArray();
    }

    /// <summary>Three round sizes for the width key: the largest round number not above the largest size, and two smaller.</summary>
    public static IReadOnlyList<double> WidthSamples(double largest)
    {
        double top = NiceBelow(largest);
        return new[] { top, NiceBelow(top / 2.5), NiceBelow(top / 10) }.Where(v => v > 0).Distinct().ToArray();
    }

    /// <summary>The largest of 1, 2 or 5 times a power of ten that is not above a value (0 for none).</summary>
    public static double NiceBelow(double value)
    {
        if (value <= 0 || !double.IsFinite(value)) return 0;
        double power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 5, 2, 1 }.Select(m => m * power).First(v => v <= value * (1 + 1e-12));
    }

    /// <summary>A country's name in capitals, and shorter: "UNITED STATES OF AMERICA", "UNITED STATES".</summary>
    private static IReadOnlyList<string> CountryNames(string name)
    {
        var upper = name.ToUpperInvariant();
        int of = upper.IndexOf(" OF ", StringComparison.Ordinal);
        return of > 0 ? [upper, upper[..of]] : [upper];
    }

    /// <summary>Sea, land and coastlines; returns where to name the countries that show enough.</summary>
    private static List<(string Name, double X, double Y)> DrawBasemap(NetworkCanvas canvas, MapView view)
    {
        canvas.Box(canvas.Panel, Sea);
        var basemap = Basemap.NaturalEarth;
        var names = new List<(string Name, double X, double Y)>();
        double panelArea = canvas.Panel.Width * canvas.Panel.Height;
        foreach (var country in basemap.Countries.Where(c => c.Shape.EnvelopeInternal.Intersects(view.ClipBox.EnvelopeInternal)))
        {
            var part = Clip(country.Shape, view.ClipBox);
            if (part.IsEmpty) continue;
            var projected = view.Projection.Project(part);
            for (int i = 0; i < projected.NumGeometries; i++)
                if (projected.GetGeometryN(i) is Polygon polygon)
                {
                    var fill = canvas.Plot.Add.Polygon(polygon.ExteriorRing.Coordinates.Select(c => canvas.ToData(view.Pixel(c))).ToArray());
                    fill.FillColor = Land;
                    fill.LineWidth = 0;
                }
            // Name a country where enough of it shows, at a point inside its largest visible piece.
            var visible = Clip(projected, view.ProjectedPanel);
            if (visible.IsEmpty || visible.Area / (canvas.UnitsPerPixel * canvas.UnitsPerPixel) < 0.03 * panelArea) continue;
            var largest = Enumerable.Range(0, visible.NumGeometries).Select(visible.GetGeometryN).MaxBy(g => g.Area)!;
            var (x, y) = view.Pixel(largest.InteriorPoint.Coordinate);
            names.Add((country.Name, x, y));
        }
        DrawLines(canvas, view, Clip(basemap.Coastlines, view.ClipBox), Coast, CoastWidth);
        return names;
    }

    private static void DrawLines(NetworkCanvas canvas, MapView view, Geometry lines, Color colour, float width)
    {
        var projected = view.Projection.Project(lines);
        for (int i = 0; i < projected.NumGeometries; i++)
        {
            if (projected.GetGeometryN(i) is not LineString line || line.NumPoints < 2) continue;
            var scatter = canvas.Plot.Add.ScatterLine(line.Coordinates.Select(c => canvas.ToData(view.Pixel(c))).ToArray(), colour);
            scatter.LineWidth = width;
            scatter.MarkerSize = 0;
        }
    }

    /// <summary>The part of a geometry inside a box; an invalid piece of the bundled data is repaired first (buffer 0).</summary>
    private static Geometry Clip(Geometry geometry, Geometry box)
    {
        try
        {
            return geometry.Intersection(box);
        }
        catch (TopologyException)
        {
            return geometry.Buffer(0).Intersection(box);
        }
    }

    /// <summary>A scale bar in the map's lower left: ground kilometres at the map's centre; returns its box.</summary>
    private static PixelBox DrawScaleBar(NetworkCanvas canvas, MapView view)
    {
        double km = NiceBelow(canvas.Panel.Width * 0.25 * view.GroundMetresPerPixel / 1000);
        double length = km * 1000 / view.GroundMetresPerPixel;
        double left = canvas.Panel.Left + 16, bottom = canvas.Panel.Bottom - 14, top = bottom - 7;
        var style = NetworkCanvas.Style(NetworkCanvas.NoteSize, NetworkCanvas.Ink);
        string unit = NetworkCanvas.Format(km) + " km";
        var (unitWidth, textHeight) = NetworkCanvas.Measure(unit, style);
        var box = new PixelBox(left - 6, top - textHeight - 8, left + length + unitWidth / 2 + 6, bottom + 6);
        canvas.Box(box, Colors.White.WithAlpha(0.75));
        for (int half = 0; half < 2; half++)
            canvas.Box(new PixelBox(left + half * length / 2, top, left + (half + 1) * length / 2, bottom), half == 0 ? NetworkCanvas.Ink : Colors.White, 1, NetworkCanvas.Ink);
        foreach (var (text, x) in new[] { ("0", left), (NetworkCanvas.Format(km / 2), left + length / 2), (unit, left + length) })
            canvas.Text(text, x - NetworkCanvas.Measure(text, style).Width / 2, top - textHeight - 3, style);
        return box;
    }

    /// <summary>
    /// The map's projection, the view in projected metres (one scale both ways) and the lon-lat box of basemap it needs.
    /// </summary>
    private sealed class MapView
    {
        public required MapProjection Projection { get; init; }
        public required NetworkCanvas Canvas { get; init; }
        public required double GroundMetresPerPixel { get; init; }
        public required Geometry ClipBox { get; init; }
        public required Geometry ProjectedPanel { get; init; }

        public static MapView For(IReadOnlyList<(double Lon, double Lat)> points)
        {
            var extent = new Envelope(points.Min(p => p.Lon), points.Max(p => p.Lon), points.Min(p => p.Lat), points.Max(p => p.Lat));
            if (extent.Width < 0.2) extent.ExpandBy(0.1, 0);
            if (extent.Height < 0.2) extent.ExpandBy(0, 0.1);
            var projection = MapProjection.For(extent);
            var xy = points.Select(p => projection.Project(p.Lon, p.Lat)).ToArray();
            double minX = xy.Min(p => p.X), maxX = xy.Max(p => p.X), minY = xy.Min(p => p.Y), maxY = xy.Max(p => p.Y);
            double span = Math.Max(Math.Max(maxX - minX, maxY - minY), 20_000);
            // Room around the nodes for their names and the scale bar.
            minX -= 0.12 * span; maxX += 0.12 * span; minY -= 0.1 * span; maxY += 0.08 * span;
            const int width = NetworkCanvas.PanelWidth;
            int height = (int)Math.Clamp(width * (maxY - minY) / (maxX - minX), 600, 900);
            double mpp = Math.Max((maxX - minX) / width, (maxY - minY) / height);
            double cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
            double left = cx - width / 2.0 * mpp, top = cy + height / 2.0 * mpp;

            // The lon-lat box to clip the basemap with: what the panel's pixels cover, from its edges and inside.
            var covered = new List<(double Lon, double Lat)>();
            for (int i = 0; i <= 40; i++)
                for (int j = 0; j <= 40; j++)
                    covered.Add(projection.Unproject(left + i / 40.0 * width * mpp, top - j / 40.0 * height * mpp));
            var clip = new Envelope(covered.Min(c => c.Lon), covered.Max(c => c.Lon), covered.Min(c => c.Lat), covered.Max(c => c.Lat));
            clip.ExpandBy(1.0);
            var factory = new GeometryFactory();

            // Ground metres for a short step east at the centre: the map's scale there.
            var (lon0, lat0) = projection.Unproject(cx - 500, cy);
            var (lon1, lat1) = projection.Unproject(cx + 500, cy);
            double groundPerProjected = MapProjection.GroundMetres(lon0, lat0, lon1, lat1) / 1000;
            return new MapView
            {
                Projection = projection,
                Canvas = new NetworkCanvas(height, left, top, mpp),
                GroundMetresPerPixel = mpp * groundPerProjected,
                ClipBox = factory.ToGeometry(clip),
                ProjectedPanel = factory.ToGeometry(new Envelope(left, left + width * mpp, top - height * mpp, top)),
            };
        }

        /// <summary>Figure pixel of a longitude and latitude.</summary>
        public (double X, double Y) Pixel(double lon, double lat)
        {
            var (x, y) = Projection.Project(lon, lat);
            return Pixel(new Coordinate(x, y));
        }

        /// <summary>Figure pixel of a projected point.</summary>
        public (double X, double Y) Pixel(Coordinate projected) =>
            (Canvas.Panel.Left + (projected.X - Canvas.Left) / Canvas.UnitsPerPixel, Canvas.Panel.Top + (Canvas.Top - projected.Y) / Canvas.UnitsPerPixel);
    }
}
