using RouteSim.Plotting.Maps;
using RouteSim.Plotting.Tests.Support;
using RouteSim.Results.Reading;
using ScottPlot;

namespace RouteSim.Plotting.Tests;

public class MapFigureTests
{
    public static TheoryData<string> Comparisons => ["displacement", "mexico", "north-america"];

    private static ComparisonFolder Open(string which) => ComparisonFolder.Open(which switch
    {
        "displacement" => ResultFolders.Comparison,
        "mexico" => ResultFolders.Mexico,
        _ => ResultFolders.NorthAmerica,
    });

    /// <summary>
    /// Renders a figure and checks its placed labels as drawn: every label box holds the text drawn for it, no two
    /// boxes share a pixel, and each lies inside the drawing panel and so inside the figure.
    /// </summary>
    private static void LabelsAreClearAndInside(Figure figure)
    {
        Assert.NotEmpty(figure.LabelBoxes);
        figure.Plot.GetImage(figure.Width, figure.Height); // renders, so every text knows where it landed
        var drawn = figure.Plot.GetPlottables().OfType<ScottPlot.Plottables.Text>().Select(t => t.LabelStyle.LastRenderPixelRect).ToArray();
        var frame = new PixelBox(0, 0, figure.Width, figure.Height);
        for (int i = 0; i < figure.LabelBoxes.Count; i++)
        {
            var box = figure.LabelBoxes[i];
            Assert.True(box.Inside(frame), $"{figure.Name}: label {i} at {box} leaves the figure");
            Assert.Contains(drawn, r => r.Left >= box.Left && r.Right <= box.Right && r.Top >= box.Top && r.Bottom <= box.Bottom);
            for (int j = 0; j < i; j++)
                Assert.False(box.Overlaps(figure.LabelBoxes[j]), $"{figure.Name}: labels {j} and {i} overlap: {figure.LabelBoxes[j]} and {box}");
        }
        // Every text drawn, legend and title too, lies inside the figure.
        Assert.All(drawn, r => Assert.True(r.Left >= 0 && r.Top >= 0 && r.Right <= figure.Width && r.Bottom <= figure.Height, $"{figure.Name}: a text at {r} leaves the figure"));
        var panel = PanelOf(figure);
        Assert.All(figure.LabelBoxes, b => Assert.True(b.Inside(panel), $"{figure.Name}: label {b} leaves the drawing panel {panel}"));
    }

    /// <summary>The drawing panel: the frame rectangle drawn round it (the last rectangle outlined and unfilled).</summary>
    private static PixelBox PanelOf(Figure figure)
    {
        var frame = figure.Plot.GetPlottables().OfType<ScottPlot.Plottables.Rectangle>().Last(r => r.FillColor.Alpha == 0 && r.LineWidth > 0);
        var topLeft = figure.Plot.GetPixel(new Coordinates(frame.X1, Math.Max(frame.Y1, frame.Y2)));
        var bottomRight = figure.Plot.GetPixel(new Coordinates(frame.X2, Math.Min(frame.Y1, frame.Y2)));
        return new PixelBox(topLeft.X - 0.5, topLeft.Y - 0.5, bottomRight.X + 0.5, bottomRight.Y + 0.5);
    }

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void Change_maps_have_labels_that_neither_collide_nor_leave_the_figure(string which)
    {
        var comparison = Open(which);
        var map = ComparisonFigures.All(comparison).Single(f => f.Name == "change-map");
        LabelsAreClearAndInside(map);
        // Origins and destinations are named first, so each gets a label in some form.
        Assert.True(map.LabelBoxes.Count >= comparison.Intervention.Nodes.Count(n => n.Kind is "origin" or "destination"));
    }

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void Change_maps_draw_land_coasts_and_the_international_boundary(string which)
    {
        var map = ComparisonFigures.All(Open(which)).Single(f => f.Name == "change-map");
        var lines = map.Plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().ToArray();
        var land = map.Plot.GetPlottables().OfType<ScottPlot.Plottables.Polygon>().ToArray();
        Assert.NotEmpty(land);
        Assert.Contains(lines, l => l.LineColor == Color.FromHex("#303030")); // the boundary
        map.Plot.GetImage(map.Width, map.Height);
        var limits = map.Plot.Axes.GetLimits();
        // The boundary crosses the view: some of its points fall inside the drawing.
        Assert.Contains(lines.Where(l => l.LineColor == Color.FromHex("#303030")).SelectMany(l => l.Data.GetScatterPoints()),
            p => p.X > limits.Left && p.X < limits.Right && p.Y > limits.Bottom && p.Y < limits.Top);
    }

    [Fact]
    public void The_widest_edge_is_the_one_with_most_trips_and_the_legend_states_the_scale()
    {
        var comparison = Open("displacement");
        var content = MapContents.Change(comparison);
        var map = MapFigure.Draw(comparison.Intervention, content, "change-map", "")!;
        var edges = map.Plot.GetPlottables().OfType<ScottPlot.Plottables.LinePlot>().ToArray();
        double largest = content.Edges.Max(e => e.Size);
        Assert.Equal(MapFigure.MaxWidth, edges.Max(e => e.LineWidth));
        var texts = map.Plot.GetPlottables().OfType<ScottPlot.Plottables.Text>().Select(t => t.LabelText).ToArray();
        Assert.Contains(texts, t => t.StartsWith("Edge width: trips over the window", StringComparison.Ordinal));
        foreach (var sample in MapFigure.WidthSamples(largest))
            Assert.Contains(sample.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture), texts);
        Assert.Contains(texts, t => t.StartsWith("Projection: Lambert conformal conic", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.EndsWith(" km", StringComparison.Ordinal)); // the scale bar
    }

    [Fact]
    public void Edge_colours_follow_the_change_relative_to_the_baseline_where_its_interval_excludes_zero()
    {
        RouteSim.Core.Statistics.Summary S(double mean, double low, double high) => new(mean, 1, low, high, 10);
        EdgeChange E(double baseline, double change, double low, double high) => new("A", "B", S(baseline, baseline, baseline), S(baseline + change, 0, 0), S(change, low, high));
        Assert.Equal(MapContents.Quiet, MapContents.ChangeColour(E(100, 30, -5, 65)));
        Assert.Equal(MapContents.Rose, MapContents.ChangeColour(E(100, 30, 10, 50)));
        Assert.Equal(MapContents.RoseHalf, MapContents.ChangeColour(E(100, 60, 40, 80)));
        Assert.Equal(MapContents.RoseHalf, MapContents.ChangeColour(E(0, 5, 1, 9)));
        Assert.Equal(MapContents.Fell, MapContents.ChangeColour(E(100, -30, -50, -10)));
        Assert.Equal(MapContents.FellHalf, MapContents.ChangeColour(E(100, -60, -80, -40)));
    }

    [Fact]
    public void A_scenario_without_coordinates_gets_a_layered_network_figure_in_route_order()
    {
        var run = RunFolder.Open(ResultFolders.Run);
        var figure = RunFigures.Map(run, run.RouteSeries());
        Assert.Equal("network", figure.Name);
        var at = NetworkFigure.Layout(run);
        Assert.True(at["O"].X < at["X1"].X && at["X1"].X < at["D"].X);
        Assert.Equal(at["X1"].X, at["X2"].X, 6);
        Assert.Equal(at["X1"].X, at["X3"].X, 6);
        Assert.Equal(at, NetworkFigure.Layout(run)); // the same figure every time
        LabelsAreClearAndInside(figure);
    }

    [Fact]
    public void A_comparison_without_coordinates_gets_a_change_network_figure()
    {
        var comparison = ComparisonFolder.Open(ResultFolders.ComparisonWithoutCoordinates);
        var figures = ComparisonFigures.All(comparison);
        Assert.DoesNotContain(figures, f => f.Name == "change-map");
        LabelsAreClearAndInside(figures.Single(f => f.Name == "change-network"));
        Assert.False(File.Exists(Path.Combine(comparison.Path, Results.NetworkGeoJson.FileName)));
    }

    [Fact]
    public void Labels_shorten_before_they_are_dropped()
    {
        var node = new NodeRow("TAPACHULA", "Tapachula, Chiapas (migrants from Central America)", "origin", 14.9, -92.26);
        Assert.Equal(["Tapachula, Chiapas (migrants from Central America)", "Tapachula, Chiapas", "Tapachula", "TAPACHULA"], MapFigure.Abbreviations(node));
    }
}
