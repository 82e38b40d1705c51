using RouteSim.Core.Engine;
using RouteSim.Plotting.Maps;
using RouteSim.Results.Reading;
using ScottPlot;

namespace RouteSim.Plotting;

/// <summary>The figures of one run: flows, interdictions and deaths over time, route shares, and the map.</summary>
public static class RunFigures
{
    /// <summary>How many crossings a flow figure names; the rest are summed as "other".</summary>
    public const int Busiest = 6;

    /// <summary>Every figure of a run, in report order.</summary>
    public static IReadOnlyList<Figure> All(RunFolder run)
    {
        var traversals = run.LocationSeries(LocationMetric.Traversals);
        var routes = run.RouteSeries();
        var figures = new List<Figure>
        {
            Flows(run, traversals),
            InterdictionsAndDeaths(run),
        };
        figures.AddRange(run.Organizations.Select(o => RouteShares(run, routes, o)));
        figures.Add(Map(run, routes));
        return figures;
    }

    /// <summary>The run's flows on a map, or as a layered network figure when some node has no coordinates.</summary>
    public static Figure Map(RunFolder run, double[][][] routeTrips)
    {
        var content = MapContents.Run(run, routeTrips);
        const string flows = "each edge as wide as the trips started on routes that use it over the run (mean per replication; scale in the legend)";
        return MapFigure.Draw(run, content, "map", $"The network at its coordinates; {flows}; crossings coloured by the most enforcement they are configured to have.")
            ?? NetworkFigure.Draw(run, content, "network", $"The network laid out in route order, origins left and destinations right (some nodes have no coordinates, so no map); {flows}; crossings coloured by the most enforcement they are configured to have.");
    }

    /// <summary>Trips crossing at each of the busiest crossings per period (mean and 95% band), the rest summed as "other".</summary>
    public static Figure Flows(RunFolder run, double[][][] traversals)
    {
        string unit = run.Manifest.PeriodUnit;
        var crossings = Enumerable.Range(0, run.Nodes.Count).Where(l => run.Nodes[l].Kind == "crossing").ToArray();
        var ranked = crossings.OrderByDescending(l => traversals.Sum(rep => rep.Sum(p => p[l]))).ToArray();
        var named = ranked.Take(Busiest).ToArray();
        var other = ranked.Skip(Busiest).ToArray();

        var plot = FigureStyle.New("Flow at each crossing", $"time ({unit}s)", $"crossings per {unit}");
        int colour = 0;
        foreach (var l in named) AddBand(plot, Band.From(traversals.Select(rep => rep.Select(p => p[l]).ToArray()).ToArray()), run.Nodes[l].Label, FigureStyle.Color(colour++));
        // The other crossings' sum is not drawn: on one axis with them, it would flatten the named crossings to lines
        // along the bottom (Mexico: about 3,500 a day against 200 to 600); the caption gives its share instead.
        string rest = "";
        if (other.Length > 0)
        {
            double all = traversals.Average(rep => rep.Sum(p => crossings.Sum(l => p[l]))), theirs = traversals.Average(rep => rep.Sum(p => other.Sum(l => p[l])));
            rest = FormattableString.Invariant($" The other {other.Length} crossings, not drawn, carried {100 * (all > 0 ? theirs / all : 0):0}% of the crossings over the run ({theirs / run.Manifest.Periods:#,0} per {unit} together).");
        }
        MarkEvents(plot, run);
        FigureStyle.LegendOutside(plot);
        return new Figure("flows", $"Trips crossing at the {Math.Min(Busiest, crossings.Length)} busiest crossings per {unit}: mean over {run.Manifest.Replications} replications with its 95% band; dashed lines mark changes of configured enforcement.{rest}", plot);
    }

    /// <summary>Interdictions and deaths per period over all organizations (mean and 95% band).</summary>
    public static Figure InterdictionsAndDeaths(RunFolder run)
    {
        string unit = run.Manifest.PeriodUnit;
        var plot = FigureStyle.New("Interdictions and deaths", $"time ({unit}s)", $"events per {unit}");
        AddBand(plot, Band.From(run.OrganizationSeries(OrganizationMetric.Interdictions).Select(rep => rep.Select(p => p.Sum()).ToArray()).ToArray()), "interdictions", FigureStyle.Color(0));
        AddBand(plot, Band.From(run.OrganizationSeries(OrganizationMetric.Deaths).Select(rep => rep.Select(p => p.Sum()).ToArray()).ToArray()), "deaths", FigureStyle.Color(5));
        MarkEvents(plot, run);
        FigureStyle.LegendOutside(plot);
        return new Figure("interdictions-deaths", $"Interdictions and deaths per {unit}, all organizations: mean with its 95% band.", plot);
    }

    /// <summary>Each route's share of an organization's trips per period (the busiest routes named, the rest summed).</summary>
    public static Figure RouteShares(RunFolder run, double[][][] routeTrips, string organization)
    {
        string unit = run.Manifest.PeriodUnit;
        var mine = Enumerable.Range(0, run.Routes.Count).Where(r => run.Routes[r].Organization == organization).ToArray();
        int periods = run.Manifest.Periods;
        double[] Mean(int r) => Enumerable.Range(0, periods).Select(t => routeTrips.Average(rep => rep[t][r])).ToArray();
        var totals = Enumerable.Range(0, periods).Select(t => mine.Sum(r => routeTrips.Average(rep => rep[t][r]))).ToArray();
        var ranked = mine.OrderByDescending(r => Mean(r).Sum()).ToArray();
        var plot = FigureStyle.New($"Route shares: {organization}", $"time ({unit}s)", "share of the organization's trips");
        var xs = Enumerable.Range(0, periods).Select(t => (double)t).ToArray();
        int colour = 0;
        double highest = 0;
        foreach (var r in ranked.Take(Busiest))
        {
            var shares = Mean(r).Select((v, t) => totals[t] > 0 ? v / totals[t] : 0).ToArray();
            highest = Math.Max(highest, shares.Max());
            var line = plot.Add.ScatterLine(xs, shares, FigureStyle.Color(colour++));
            line.LineWidth = 2;
            line.LegendText = ShortPath(run.Routes[r]);
        }
        // The other routes' sum is not drawn: near 1 where an organization spreads over many routes, it would flatten
        // the named ones along the bottom of a 0-1 axis; the caption gives it, and the axis fits the named routes.
        string others = "";
        if (ranked.Length > Busiest)
        {
            var rest = ranked.Skip(Busiest).ToArray();
            double all = totals.Sum(), theirs = rest.Sum(r => Mean(r).Sum());
            others = FormattableString.Invariant($" The other {rest.Length} routes, not drawn, carried {100 * (all > 0 ? theirs / all : 0):0}% of its trips over the run.");
            plot.Axes.SetLimitsY(0, 1.1 * Math.Max(1e-9, highest));
        }
        else plot.Axes.SetLimitsY(0, 1);
        MarkEvents(plot, run);
        FigureStyle.LegendOutside(plot);
        return new Figure($"route-shares-{Slug(organization)}", $"Which routes carry {organization}'s trips: each route's share of its trips per {unit} (mean over replications); routes named by the crossings they use.{others}", plot);
    }

    /// <summary>A mean line over a translucent 95% band.</summary>
    public static void AddBand(Plot plot, Band band, string label, Color color)
    {
        var fill = plot.Add.FillY(band.Periods, band.Low, band.High);
        fill.FillColor = color.WithAlpha(0.25);
        fill.LineWidth = 0;
        var line = plot.Add.ScatterLine(band.Periods, band.Mean, color);
        line.LineWidth = 2;
        line.LegendText = label;
    }

    /// <summary>Calendar dates on the time axis where the scenario has them, and a labelled dashed line where configured enforcement changes.</summary>
    public static void MarkEvents(Plot plot, RunFolder run)
    {
        // The y axis from zero to a little above the data, so the labels of the marks sit inside the plot.
        plot.Axes.AutoScale();
        double top = Math.Max(1e-9, plot.Axes.GetLimits().Top);
        plot.Axes.SetLimitsY(0, top * 1.12);
        TimeAxis.Apply(plot, run.Manifest.Periods, run.Manifest.PeriodUnit, run.Manifest.StartDate);
        TimeAxis.MarkEvents(plot, run.Events, run.Manifest.PeriodUnit, run.Manifest.StartDate, top * 1.1);
    }

    /// <summary>A route named by its crossings, e.g. "O:D#2 via X2".</summary>
    public static string ShortPath(RouteRow route) =>
        route.Path.Length <= 2 ? route.Route : $"{route.Route} via {string.Join(", ", route.Path[1..^1])}";

    /// <summary>A file-name-safe version of an id.</summary>
    public static string Slug(string id) => new(id.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
}
