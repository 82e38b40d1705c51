using ScottPlot;

namespace RouteSim.Plotting;

/// <summary>
/// Interval whiskers drawn from the interval's own ends, low to high, with caps. ScottPlot's bar error is one
/// half-width drawn symmetrically about the bar's value, which misplaces every interval that is not symmetric
/// about its estimate (bootstrap percentiles, ratios): Sobol S1 with interval [0.104, 0.682] was drawn as
/// [0.067, 0.645]. Every figure draws its intervals here.
/// </summary>
public static class Whiskers
{
    /// <summary>Width of the caps, in units of the bar axis.</summary>
    public const double CapWidth = 0.12;

    /// <summary>Adds whiskers (position, low, high) over what is already drawn: call after the bars.</summary>
    public static void Add(Plot plot, IEnumerable<(double Position, double Low, double High)> whiskers)
    {
        foreach (var (position, low, high) in whiskers) Add(plot, position, low, high);
    }

    /// <summary>Adds a whisker at <paramref name="position"/> from <paramref name="low"/> to <paramref name="high"/>; nothing when either end is not a number.</summary>
    public static void Add(Plot plot, double position, double low, double high)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high)) return;
        var strokes = new[]
        {
            (position, low, position, high),
            (position - CapWidth / 2, low, position + CapWidth / 2, low),
            (position - CapWidth / 2, high, position + CapWidth / 2, high),
        };
        // A white halo under a dark stroke: the whisker shows over a black bar as over the white background.
        foreach (var (width, color) in new[] { (4f, Colors.White), (1.5f, Colors.Black) })
            foreach (var (x1, y1, x2, y2) in strokes)
            {
                var line = plot.Add.Line(x1, y1, x2, y2);
                line.LineWidth = width;
                line.LineColor = color;
            }
    }
}
