using ScottPlot;
using ScottPlot.Plottables;

namespace RouteSim.Plotting.Tests.Support;

/// <summary>What a figure draws, read back from its plottables.</summary>
public static class PlotInspection
{
    public static Scatter[] Lines(Plot plot) => plot.GetPlottables().OfType<Scatter>().ToArray();

    public static FillY[] Bands(Plot plot) => plot.GetPlottables().OfType<FillY>().ToArray();

    public static Bar[] Bars(Plot plot) => plot.GetPlottables().OfType<BarPlot>().SelectMany(b => b.Bars).ToArray();

    /// <summary>The vertical whisker strokes (x, low, high), caps and white halos left out.</summary>
    public static (double X, double Low, double High)[] Whiskers(Plot plot) =>
        plot.GetPlottables().OfType<LinePlot>().Where(l => l.Start.X == l.End.X && l.LineColor != Colors.White)
            .Select(l => (l.Start.X, Math.Min(l.Start.Y, l.End.Y), Math.Max(l.Start.Y, l.End.Y))).ToArray();

    public static double[] Ys(Scatter line) => line.Data.GetScatterPoints().Select(p => p.Y).ToArray();

    public static double[] Xs(Scatter line) => line.Data.GetScatterPoints().Select(p => p.X).ToArray();
}
