using RouteSim.Plotting.Tests.Support;
using RouteSim.Results.Reading;
using static RouteSim.Plotting.Tests.Support.PlotInspection;

namespace RouteSim.Plotting.Tests;

public class RunFiguresTests
{
    private static readonly RunFolder Run = RunFolder.Open(ResultFolders.Run);

    /// <summary>The mean per period of an organization metric, as summary.csv has it.</summary>
    private static double[] SummaryMeans(string table, string key, string metric)
    {
        var summary = CsvTable.Read(Path.Combine(Run.Path, "summary.csv"));
        return summary.Rows.Where(r => r[0] == table && r[1] == key && r[4] == metric)
            .OrderBy(r => int.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture)).Select(r => CsvTable.Number(r[5])).ToArray();
    }

    [Fact]
    public void Flows_draw_one_line_and_band_per_crossing_with_the_summary_means()
    {
        var figure = RunFigures.Flows(Run, Run.LocationSeries("traversals"));
        var lines = Lines(figure.Plot);
        Assert.Equal(3, lines.Length); // three crossings, none left for "other"
        Assert.Equal(3, Bands(figure.Plot).Length);
        Assert.Equal(["X1", "X2", "X3"], lines.Select(l => l.LegendText).Order());
        var x2 = lines.Single(l => l.LegendText == "X2");
        Assert.Equal(SummaryMeans("locations", "X2", "traversals"), Ys(x2), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal(Enumerable.Range(0, 60).Select(t => (double)t), Xs(x2));
        Assert.Equal("time (days)", figure.Plot.Axes.Bottom.Label.Text);
        Assert.Equal("crossings per day", figure.Plot.Axes.Left.Label.Text);
        Assert.Equal([20, 40], Run.EventPeriods); // the dashed marks
        Assert.Equal(2, figure.Plot.GetPlottables().OfType<ScottPlot.Plottables.VerticalLine>().Count());
    }

    /// <summary>
    /// Beyond the named crossings and routes (Mexico: 65 crossings, up to 134 routes an organization) the others' sum is
    /// not drawn, where it would flatten the named lines along the bottom; the caption gives its share, and the route
    /// shares' axis fits the named routes.
    /// </summary>
    [Fact]
    public void What_is_not_named_is_given_in_the_caption_not_drawn()
    {
        var run = RunFolder.Open(Path.Combine(ResultFolders.Mexico, "intervention"));
        var flows = RunFigures.Flows(run, run.LocationSeries("traversals"));
        Assert.Equal(RunFigures.Busiest, Lines(flows.Plot).Length);
        Assert.Matches(@"The other \d+ crossings, not drawn, carried \d+% of the crossings over the run \([\d,]+ per day together\)\.$", flows.Caption);

        var shares = RunFigures.RouteShares(run, run.RouteSeries(), "coyotes");
        var lines = Lines(shares.Plot);
        Assert.Equal(RunFigures.Busiest, lines.Length);
        Assert.Matches(@"The other \d+ routes, not drawn, carried \d+% of its trips over the run\.$", shares.Caption);
        var top = shares.Plot.Axes.GetLimits().Top;
        Assert.True(top < 1 && top >= lines.Max(l => Ys(l).Max()), $"the axis (to {top}) fits the named routes");
    }

    [Fact]
    public void Interdictions_and_deaths_follow_the_summary()
    {
        var figure = RunFigures.InterdictionsAndDeaths(Run);
        var lines = Lines(figure.Plot);
        Assert.Equal(["interdictions", "deaths"], lines.Select(l => l.LegendText));
        Assert.Equal(SummaryMeans("organizations", "org", "deaths"), Ys(lines[1]), (a, b) => Math.Abs(a - b) < 1e-9);
        var band = Bands(figure.Plot)[0];
        figure.Plot.Axes.AutoScale();
        Assert.True(figure.Plot.Axes.GetLimits().Top >= Ys(lines[0]).Max(), "the axis holds the data");
    }

    [Fact]
    public void Route_shares_sum_to_one_in_every_period()
    {
        var figure = RunFigures.RouteShares(Run, Run.RouteSeries(), "org");
        var lines = Lines(figure.Plot);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.LegendText == "O:D#1 via X1");
        for (int t = 0; t < 60; t++) Assert.Equal(1.0, lines.Sum(l => Ys(l)[t]), 9);
    }

    [Fact]
    public void The_map_draws_edges_as_wide_as_their_flow()
    {
        var run = ComparisonFolder.Open(ResultFolders.Comparison).Baseline; // the displacement tutorial has coordinates
        var content = Maps.MapContents.Run(run, run.RouteSeries());
        var figure = RunFigures.Map(run, run.RouteSeries());
        Assert.Equal("map", figure.Name);
        var trips = content.Edges.ToDictionary(e => (e.From, e.To), e => e.Size);
        var totals = run.RouteSeries();
        // An edge's size is the mean over replications of the trips on the routes through it.
        var viaPort = Enumerable.Range(0, run.Routes.Count).Where(r => run.Routes[r].Path.Contains("PORT")).ToArray();
        Assert.Equal(totals.Average(rep => viaPort.Sum(r => rep.Sum(p => p[r]))), trips[("O", "PORT")], 6);
        var edges = figure.Plot.GetPlottables().OfType<ScottPlot.Plottables.LinePlot>().ToArray();
        Assert.Equal(Maps.MapFigure.MaxWidth, edges.Max(e => e.LineWidth));
    }
}
