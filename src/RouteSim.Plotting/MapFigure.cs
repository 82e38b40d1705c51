using RouteSim.Results.Reading;
using ScottPlot;

namespace RouteSim.Plotting;

/// <summary>The network on a map: nodes at their coordinates, edges as wide as their flow, crossings coloured by enforcement.</summary>
public static class MapFigure
{
    /// <summary>Widest edge, in pixels.</summary>
    public const float MaxWidth = 14;

    /// <summary>The map of a run, or null when some node has no coordinates.</summary>
    /// <param name="flows">Mean trips per run on each directed edge.</param>
    /// <param name="title">Title; the default names the run's flows.</param>
    /// <param name="edgeColour">Colour of an edge; the default is grey.</param>
    public static Figure? Draw(RunFolder run, IReadOnlyDictionary<(string From, string To), double> flows, string title = "Where the flow goes",
        Func<(string From, string To), Color>? edgeColour = null, string name = "map", string? caption = null)
    {
        if (run.Nodes.Any(n => double.IsNaN(n.Lat) || double.IsNaN(n.Lon))) return null;
        var at = run.Nodes.ToDictionary(n => n.Id, n => new Coordinates(n.Lon, n.Lat), StringComparer.Ordinal);
        var plot = FigureStyle.New(title, "longitude (degrees)", "latitude (degrees)");
        double max = flows.Count == 0 ? 1 : Math.Max(1e-9, flows.Values.Max(Math.Abs));
        foreach (var (edge, flow) in flows.OrderBy(f => Math.Abs(f.Value)))
        {
            if (Math.Abs(flow) < max * 1e-3 || !at.ContainsKey(edge.From) || !at.ContainsKey(edge.To)) continue;
            var line = plot.Add.Line(at[edge.From], at[edge.To]);
            line.LineWidth = (float)(1 + (MaxWidth - 1) * Math.Abs(flow) / max);
            line.LineColor = (edgeColour?.Invoke(edge) ?? Colors.Gray).WithAlpha(0.6);
            line.LegendText = "";
        }

        // Crossings by the most resources they are ever configured to have.
        var peak = run.Schedule.GroupBy(s => s.Location).ToDictionary(g => g.Key, g => g.Max(s => s.Resources), StringComparer.Ordinal);
        double top = peak.Count == 0 ? 0 : peak.Values.Max();
        var groups = new (string Label, Func<NodeRow, bool> Has, Color Colour, MarkerShape Shape)[]
        {
            ("origin", n => n.Kind == "origin", FigureStyle.Color(3), MarkerShape.FilledSquare),
            ("destination", n => n.Kind == "destination", FigureStyle.Color(7), MarkerShape.FilledDiamond),
            ("crossing, no enforcement", n => n.Kind == "crossing" && peak.GetValueOrDefault(n.Id) == 0, FigureStyle.Color(2), MarkerShape.FilledCircle),
            ("crossing, enforced", n => n.Kind == "crossing" && peak.GetValueOrDefault(n.Id) > 0 && peak[n.Id] < top / 2, FigureStyle.Color(1), MarkerShape.FilledCircle),
            ("crossing, most enforced", n => n.Kind == "crossing" && top > 0 && peak.GetValueOrDefault(n.Id) >= top / 2, FigureStyle.Color(6), MarkerShape.FilledCircle),
            ("transit", n => n.Kind == "transit", Colors.DimGray, MarkerShape.OpenCircle),
        };
        foreach (var (label, has, colour, shape) in groups)
        {
            var members = run.Nodes.Where(has).ToArray();
            if (members.Length == 0) continue;
            var markers = plot.Add.Markers(members.Select(n => at[n.Id]).ToArray(), shape, 9, colour);
            markers.LegendText = label;
        }

        // Name the origins, destinations and the busiest crossings; more names would hide the map.
        var throughput = run.Nodes.ToDictionary(n => n.Id, n => flows.Where(f => f.Key.To == n.Id).Sum(f => Math.Abs(f.Value)), StringComparer.Ordinal);
        var named = run.Nodes.Where(n => n.Kind is "origin" or "destination")
            .Concat(run.Nodes.Where(n => n.Kind == "crossing").OrderByDescending(n => throughput[n.Id]).Take(6));
        double lonSpan = run.Nodes.Max(n => n.Lon) - run.Nodes.Min(n => n.Lon), latSpan = run.Nodes.Max(n => n.Lat) - run.Nodes.Min(n => n.Lat);
        var placed = new List<Coordinates>();
        foreach (var n in named.Distinct())
        {
            // Skip a name that would sit on one already written.
            var c = at[n.Id];
            if (placed.Any(p => Math.Abs(p.X - c.X) < 0.12 * Math.Max(lonSpan, 1e-9) && Math.Abs(p.Y - c.Y) < 0.03 * Math.Max(latSpan, 1e-9))) continue;
            placed.Add(c);
            var text = plot.Add.Text(n.Label, at[n.Id]);
            text.LabelFontSize = 11;
            text.LabelFontName = FigureStyle.FontName;
            text.OffsetY = -6;
        }
        plot.Axes.Margins(0.15, 0.06); // room for the names at the edges
        FigureStyle.LegendOutside(plot);
        return new Figure(name, caption ?? "The network at its coordinates; each edge as wide as its mean trips over the run; crossings coloured by the most enforcement they are configured to have.", plot, 960, 720);
    }
}
