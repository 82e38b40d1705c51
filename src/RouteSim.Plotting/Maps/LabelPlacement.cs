namespace RouteSim.Plotting.Maps;

/// <summary>A rectangle in figure pixels, y down.</summary>
public readonly record struct PixelBox(double Left, double Top, double Right, double Bottom)
{
    /// <summary>Width in pixels.</summary>
    public double Width => Right - Left;

    /// <summary>Height in pixels.</summary>
    public double Height => Bottom - Top;

    /// <summary>True when the two boxes share area (touching edges do not count).</summary>
    public bool Overlaps(PixelBox other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

    /// <summary>True when this box lies wholly inside another.</summary>
    public bool Inside(PixelBox other) => Left >= other.Left && Right <= other.Right && Top >= other.Top && Bottom <= other.Bottom;

    /// <summary>A box around a point.</summary>
    public static PixelBox Around(double x, double y, double radius) => new(x - radius, y - radius, x + radius, y + radius);
}

/// <summary>
/// A label to place: its texts from the preferred (longest) to the shortest acceptable, the point it names
/// (figure pixels), how far from the point the text must keep (the marker's radius, pixels), and whether it may
/// sit centred on the point (a country name) rather than beside it (a place).
/// </summary>
public sealed record LabelRequest(IReadOnlyList<string> Texts, double X, double Y, double Clearance, bool Centred = false);

/// <summary>A line drawn on the figure (pixels) that labels should avoid where they can: its ends and its width.</summary>
public readonly record struct PixelSegment(double X1, double Y1, double X2, double Y2, double Width)
{
    /// <summary>True when the line, as wide as it is drawn, touches a box (Liang-Barsky clipping against the box grown by half the width).</summary>
    public bool Crosses(PixelBox box)
    {
        double grow = Width / 2, left = box.Left - grow, right = box.Right + grow, top = box.Top - grow, bottom = box.Bottom + grow;
        double dx = X2 - X1, dy = Y2 - Y1, t0 = 0, t1 = 1;
        foreach (var (p, q) in new[] { (-dx, X1 - left), (dx, right - X1), (-dy, Y1 - top), (dy, bottom - Y1) })
        {
            if (p == 0)
            {
                if (q < 0) return false;
                continue;
            }
            double t = q / p;
            if (p < 0) t0 = Math.Max(t0, t);
            else t1 = Math.Min(t1, t);
            if (t0 > t1) return false;
        }
        return true;
    }
}

/// <summary>A label as placed: the text chosen and its box (figure pixels).</summary>
public sealed record PlacedLabel(int Request, string Text, PixelBox Box);

/// <summary>
/// Point-feature label placement, greedy over fixed candidate positions (the standard baseline of
/// Christensen, Marks and Shieber 1995, ACM Transactions on Graphics 14(3), with Imhof's 1975 order of
/// preference: right, above right, below right, left, ...). Requests come in order of importance; each takes
/// the first text and position whose box stays inside the area and clear of every placed label and obstacle,
/// preferring positions that cover no drawn line; when a full text fits nowhere a shorter one is tried, and a
/// label that fits in no form is dropped. No .NET
/// label-placement library is published on NuGet, so this is the library-less standard algorithm.
/// </summary>
public static class LabelPlacement
{
    /// <summary>Gap between a point's clearance and its label, pixels.</summary>
    public const double Gap = 3;

    /// <summary>Places the labels; the result lists those placed, in request order.</summary>
    /// <param name="requests">Labels in order of importance (most important first).</param>
    /// <param name="measure">Width and height in pixels of a request's text as drawn (request index, text).</param>
    /// <param name="area">Where labels may go.</param>
    /// <param name="obstacles">Boxes no label may cover (markers, legend, scale bar).</param>
    /// <param name="lines">Lines a label should not cover where another position serves (the edges).</param>
    public static IReadOnlyList<PlacedLabel> Place(IReadOnlyList<LabelRequest> requests, Func<int, string, (double Width, double Height)> measure,
        PixelBox area, IReadOnlyList<PixelBox> obstacles, IReadOnlyList<PixelSegment>? lines = null)
    {
        var placed = new List<PlacedLabel>();
        for (int r = 0; r < requests.Count; r++)
        {
            var request = requests[r];
            foreach (var text in request.Texts.Distinct())
            {
                var (w, h) = measure(r, text);
                var free = Candidates(request, w, h).Where(box =>
                    box.Inside(area) && !placed.Any(p => p.Box.Overlaps(box)) && !obstacles.Any(o => o.Overlaps(box))).ToArray();
                var found = free.Where(box => lines is null || !lines.Any(l => l.Crosses(box))).Concat(free).FirstOrDefault(new PixelBox(double.NaN, 0, 0, 0));
                if (double.IsNaN(found.Left)) continue;
                placed.Add(new PlacedLabel(r, text, found));
                break;
            }
        }
        return placed;
    }

    private static IEnumerable<PixelBox> Candidates(LabelRequest r, double w, double h)
    {
        double x = r.X, y = r.Y, d = r.Clearance + Gap;
        if (r.Centred)
        {
            foreach (var shift in new[] { 0.0, -1.0, 1.0, -2.0, 2.0 })
                yield return new PixelBox(x - w / 2, y - h / 2 + shift * h, x + w / 2, y + h / 2 + shift * h);
            yield break;
        }
        // right, above right, below right, left, above left, below left, above, below
        yield return new PixelBox(x + d, y - h / 2, x + d + w, y + h / 2);
        yield return new PixelBox(x + d * 0.7, y - d * 0.7 - h, x + d * 0.7 + w, y - d * 0.7);
        yield return new PixelBox(x + d * 0.7, y + d * 0.7, x + d * 0.7 + w, y + d * 0.7 + h);
        yield return new PixelBox(x - d - w, y - h / 2, x - d, y + h / 2);
        yield return new PixelBox(x - d * 0.7 - w, y - d * 0.7 - h, x - d * 0.7, y - d * 0.7);
        yield return new PixelBox(x - d * 0.7 - w, y + d * 0.7, x - d * 0.7, y + d * 0.7 + h);
        yield return new PixelBox(x - w / 2, y - d - h, x + w / 2, y - d);
        yield return new PixelBox(x - w / 2, y + d, x + w / 2, y + d + h);
    }
}
