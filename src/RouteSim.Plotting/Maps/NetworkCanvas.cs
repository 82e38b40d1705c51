using System.Globalization;
using RouteSim.Results.Reading;
using ScottPlot;

namespace RouteSim.Plotting.Maps;

/// <summary>
/// The layout shared by the map and the network figure: a figure <see cref="Width"/> pixels wide with a title, a
/// drawing panel on the left, and a legend panel on the right that explains every mark. Plot coordinates are
/// linear in pixels (<see cref="ToData(double, double)"/>), so the canvas knows where each mark and label lands.
/// </summary>
internal sealed class NetworkCanvas
{
    // No wider than report.html's column (1,150 px less its padding): an inlined SVG wider than that is cut, not shrunk.
    public const int Width = 1100, LegendWidth = 290, Pad = 12, TitleHeight = 44, PanelWidth = Width - LegendWidth - 2 * Pad;
    public const float NodeSize = 10, LabelSize = 12, NoteSize = 11;
    public static readonly Color Ink = Color.FromHex("#222222"), Muted = Color.FromHex("#5A5A5A");

    /// <param name="panelHeight">Height of the drawing panel, pixels.</param>
    /// <param name="left">Plot x at the panel's left edge.</param>
    /// <param name="top">Plot y at the panel's top edge.</param>
    /// <param name="unitsPerPixel">Plot units per pixel, the same both ways.</param>
    public NetworkCanvas(int panelHeight, double left, double top, double unitsPerPixel)
    {
        Panel = new PixelBox(Pad, TitleHeight, Pad + PanelWidth, TitleHeight + panelHeight);
        Height = TitleHeight + panelHeight + Pad;
        Left = left;
        Top = top;
        UnitsPerPixel = unitsPerPixel;
        Plot = FigureStyle.New("", "", "");
        Plot.Layout.Frameless();
        Plot.FigureBackground.Color = Colors.White;
        Plot.DataBackground.Color = Colors.White;
        Plot.HideGrid();
        Plot.Axes.SetLimits(ToData(0, 0).X, ToData(Width, 0).X, ToData(0, Height).Y, ToData(0, 0).Y);
    }

    public Plot Plot { get; }

    /// <summary>The drawing panel, figure pixels.</summary>
    public PixelBox Panel { get; }

    /// <summary>Figure height, pixels.</summary>
    public int Height { get; }

    public double Left { get; }

    public double Top { get; }

    public double UnitsPerPixel { get; }

    /// <summary>Plot coordinates of a figure pixel.</summary>
    public Coordinates ToData(double px, double py) => new(Left + (px - Panel.Left) * UnitsPerPixel, Top - (py - Panel.Top) * UnitsPerPixel);

    public Coordinates ToData((double X, double Y) pixel) => ToData(pixel.X, pixel.Y);

    /// <summary>A filled rectangle given in pixels.</summary>
    public ScottPlot.Plottables.Rectangle Box(PixelBox box, Color fill, float line = 0, Color? lineColour = null)
    {
        var r = Plot.Add.Rectangle(ToData(box.Left, 0).X, ToData(box.Right, 0).X, ToData(0, box.Bottom).Y, ToData(0, box.Top).Y);
        r.FillColor = fill;
        r.LineWidth = line;
        if (lineColour is { } c) r.LineColor = c;
        return r;
    }

    /// <summary>Draws the edges (widest first, so narrow ones stay visible) between node pixels.</summary>
    public void Edges(MapContent content, IReadOnlyDictionary<string, (double X, double Y)> at, double largest)
    {
        foreach (var e in content.Edges.Where(e => at.ContainsKey(e.From) && at.ContainsKey(e.To)).OrderByDescending(e => e.Size))
        {
            var line = Plot.Add.Line(ToData(at[e.From]), ToData(at[e.To]));
            line.LineWidth = MapFigure.EdgeWidth(e.Size, largest);
            line.LineColor = e.Colour.WithAlpha(0.85);
        }
    }

    /// <summary>Draws the nodes by class; returns the box of each marker.</summary>
    public List<PixelBox> Nodes(RunFolder run, MapContent content, IReadOnlyDictionary<string, (double X, double Y)> at)
    {
        var boxes = new List<PixelBox>();
        foreach (var c in content.NodeClasses)
        {
            var members = run.Nodes.Where(c.Has).ToArray();
            if (members.Length == 0) continue;
            var markers = Plot.Add.Markers(members.Select(n => ToData(at[n.Id])).ToArray(), c.Shape, NodeSize, c.Colour);
            markers.MarkerStyle.OutlineColor = Colors.White;
            markers.MarkerStyle.OutlineWidth = 1;
            boxes.AddRange(members.Select(n => PixelBox.Around(at[n.Id].X, at[n.Id].Y, NodeSize / 2 + 1)));
        }
        return boxes;
    }

    /// <summary>
    /// Names the nodes (most important first, shortened or dropped rather than overlapping), then any extra
    /// centred names (country names) in their own style; returns the boxes of the labels drawn.
    /// </summary>
    public List<PixelBox> Labels(RunFolder run, MapContent content, IReadOnlyDictionary<string, (double X, double Y)> at, IReadOnlyList<PixelBox> obstacles,
        IReadOnlyList<LabelRequest>? extra = null, LabelStyle? extraStyle = null)
    {
        var named = run.Nodes.OrderByDescending(content.Importance).ThenBy(n => n.Id, StringComparer.Ordinal).ToArray();
        var requests = named.Select(n => new LabelRequest(MapFigure.Abbreviations(n), at[n.Id].X, at[n.Id].Y, NodeSize / 2 + 1)).Concat(extra ?? []).ToArray();
        var nodeStyle = Style(LabelSize, Ink);
        double largest = content.Edges.Count == 0 ? 0 : content.Edges.Max(e => e.Size);
        var lines = content.Edges.Where(e => at.ContainsKey(e.From) && at.ContainsKey(e.To))
            .Select(e => new PixelSegment(at[e.From].X, at[e.From].Y, at[e.To].X, at[e.To].Y, MapFigure.EdgeWidth(e.Size, largest))).ToArray();
        var placed = LabelPlacement.Place(requests, (r, text) => Grown(Measure(text, r >= named.Length ? extraStyle! : nodeStyle)), Panel.Inset(2), obstacles, lines);
        var boxes = new List<PixelBox>();
        foreach (var p in placed)
        {
            bool node = p.Request < named.Length;
            Text(p.Text, p.Box.Left + LabelMargin, p.Box.Top + LabelMargin, node ? nodeStyle : extraStyle!);
            boxes.Add(p.Box);
        }
        return boxes;
    }

    /// <summary>White over whatever spilled outside the panel, a frame round it, and the title.</summary>
    public void Frame(string title)
    {
        var m = Panel;
        foreach (var (l, t, r, b) in new[] { (0.0, 0.0, (double)Width, m.Top), (0, m.Bottom, Width, Height), (0, 0, m.Left, Height), (m.Right, 0, Width, Height) })
            Box(new PixelBox(l, t, r, b), Colors.White);
        Box(m, Colors.Transparent, 1, Muted);
        Text(title, Pad, 12, Style(17, Ink, bold: true));
    }

    /// <summary>
    /// The legend panel: node classes, edge colours, edge widths with their values, then any extra entries
    /// (line symbols) and notes.
    /// </summary>
    public void Legend(RunFolder run, MapContent content, double largest, IReadOnlyList<(string Text, float Width, Color Colour)> lines, string? linesHeading, IReadOnlyList<string> notes)
    {
        double x = Panel.Right + 18, y = Panel.Top, width = Width - Pad - x;
        var heading = Style(13, Ink, bold: true);
        var entry = Style(LabelSize, Ink);
        var note = Style(NoteSize, Muted);

        void Heading(string text)
        {
            foreach (var line in Wrap(text, heading, width))
            {
                Text(line, x, y, heading);
                y += Measure(line, heading).Height + 2;
            }
            y += 4;
        }
        void Entry(string text, Action<double> symbol)
        {
            symbol(y + Measure("Ag", entry).Height / 2);
            foreach (var line in Wrap(text, entry, width - 44))
            {
                Text(line, x + 44, y, entry);
                y += Measure(line, entry).Height + 1;
            }
            y += 5;
        }
        void Segment(double centre, float lineWidth, Color colour)
        {
            var line = Plot.Add.Line(ToData(x, centre), ToData(x + 34, centre));
            line.LineWidth = lineWidth;
            line.LineColor = colour;
        }

        Heading("Places");
        foreach (var c in content.NodeClasses.Where(c => run.Nodes.Any(c.Has)))
            Entry(c.Text, centre =>
            {
                var marker = Plot.Add.Marker(ToData(x + 17, centre), c.Shape, NodeSize, c.Colour);
                marker.MarkerStyle.OutlineColor = Colors.White;
            });
        y += 6;
        Heading("Edge colour");
        foreach (var k in content.Colours) Entry(k.Text, centre => Segment(centre, 5, k.Colour));
        y += 6;
        Heading($"Edge width: {content.WidthMeaning}");
        if (largest > 0)
            foreach (var value in MapFigure.WidthSamples(largest)) Entry(Format(value), centre => Segment(centre, MapFigure.EdgeWidth(value, largest), Muted));
        if (linesHeading is not null)
        {
            y += 6;
            Heading(linesHeading);
            foreach (var (text, w, colour) in lines) Entry(text, centre => Segment(centre, w, colour));
        }
        y += 4;
        foreach (var text in notes)
            foreach (var line in Wrap(text, note, width))
            {
                Text(line, x, y, note);
                y += Measure(line, note).Height + 1;
            }
    }

    /// <summary>
    /// Room kept round a label's measured text, pixels: glyphs of the bundled font reach a few pixels past the
    /// box ScottPlot measures (up to 3 measured), so a label's box is the text grown by this on every side.
    /// </summary>
    public const double LabelMargin = 4;

    private static (double Width, double Height) Grown((double Width, double Height) size) => (size.Width + 2 * LabelMargin, size.Height + 2 * LabelMargin);

    public static string Format(double value) => value.ToString(value < 10 && value != Math.Floor(value) ? "0.#" : "#,0", CultureInfo.InvariantCulture);

    public static IEnumerable<string> Wrap(string text, LabelStyle style, double width)
    {
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var next = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Measure(next, style).Width > width)
            {
                yield return line;
                line = word;
            }
            else line = next;
        }
        if (line.Length > 0) yield return line;
    }

    public static LabelStyle Style(float size, Color colour, bool bold = false) =>
        new() { FontName = FigureStyle.FontName, FontSize = size, ForeColor = colour, Bold = bold, Padding = 0 };

    /// <summary>Width and height in pixels of a text drawn in a style.</summary>
    public static (double Width, double Height) Measure(string text, LabelStyle style)
    {
        using var paint = Paint.NewDisposablePaint();
        var measured = style.Measure(text, paint);
        return (measured.Width, measured.Height);
    }

    /// <summary>A text whose upper left corner is at a figure pixel.</summary>
    public ScottPlot.Plottables.Text Text(string text, double left, double top, LabelStyle style)
    {
        var label = Plot.Add.Text(text, ToData(left, top));
        label.LabelStyle.FontName = style.FontName;
        label.LabelStyle.FontSize = style.FontSize;
        label.LabelStyle.ForeColor = style.ForeColor;
        label.LabelStyle.Bold = style.Bold;
        label.LabelStyle.Padding = 0;
        label.LabelStyle.Alignment = Alignment.UpperLeft;
        return label;
    }
}

internal static class PixelBoxExtensions
{
    public static PixelBox Inset(this PixelBox box, double by) => new(box.Left + by, box.Top + by, box.Right - by, box.Bottom - by);
}
