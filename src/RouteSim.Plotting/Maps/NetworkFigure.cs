using GraphShape.Algorithms.Layout;
using QuikGraph;
using RouteSim.Results.Reading;
using ScottPlot;

namespace RouteSim.Plotting.Maps;

/// <summary>
/// The network without coordinates: a layered drawing, left to right along the edges, so origins come first, then
/// transit points and crossings in route order, then destinations (Sugiyama, Tagawa and Toda 1981, as GraphShape's
/// SugiyamaLayoutAlgorithm computes it: layers, crossing reduction, positions). Edges, marks, names and legend are
/// those of the map.
/// </summary>
public static class NetworkFigure
{
    /// <summary>The network figure of a run's nodes and edges.</summary>
    public static Figure Draw(RunFolder run, MapContent content, string name, string caption)
    {
        var positions = Layout(run);
        double minX = positions.Values.Min(p => p.X), maxX = positions.Values.Max(p => p.X);
        double minY = positions.Values.Min(p => p.Y), maxY = positions.Values.Max(p => p.Y);
        // Room left and right of the outer layers for names; layers spread over the panel's width.
        const double side = 130;
        double usable = NetworkCanvas.PanelWidth - 2 * side;
        double scale = maxX > minX ? usable / (maxX - minX) : 1;
        int height = (int)Math.Clamp((maxY - minY) * scale + 160, 520, 900); // 520: room for the legend
        if ((maxY - minY) * scale > height - 160) scale = (height - 160) / (maxY - minY);
        var canvas = new NetworkCanvas(height, 0, 0, 1);
        double offsetX = canvas.Panel.Left + NetworkCanvas.PanelWidth / 2.0 - (minX + maxX) / 2 * scale;
        double offsetY = canvas.Panel.Top + height / 2.0 - (minY + maxY) / 2 * scale;
        var at = positions.ToDictionary(p => p.Key, p => (offsetX + p.Value.X * scale, offsetY + p.Value.Y * scale), StringComparer.Ordinal);

        double largest = content.Edges.Count == 0 ? 0 : content.Edges.Max(e => e.Size);
        canvas.Edges(content, at, largest);
        var obstacles = canvas.Nodes(run, content, at);
        var labels = canvas.Labels(run, content, at, obstacles);
        canvas.Frame(content.Title);
        canvas.Legend(run, content, largest, [], null,
            ["Layout: layers in route order, origins left, destinations right; positions carry no geographic meaning (the scenario's nodes lack coordinates)."]);
        return new Figure(name, caption, canvas.Plot, NetworkCanvas.Width, canvas.Height) { LabelBoxes = labels };
    }

    /// <summary>Node positions from the layered layout (abstract units, y down).</summary>
    public static IReadOnlyDictionary<string, (double X, double Y)> Layout(RunFolder run)
    {
        var graph = new BidirectionalGraph<string, Edge<string>>(allowParallelEdges: false);
        graph.AddVertexRange(run.Nodes.Select(n => n.Id));
        graph.AddEdgeRange(run.Edges.Distinct().Where(e => e.From != e.To).Select(e => new Edge<string>(e.From, e.To)));
        var sizes = run.Nodes.ToDictionary(n => n.Id, _ => new GraphShape.Size(NetworkCanvas.NodeSize, NetworkCanvas.NodeSize));
        var parameters = new SugiyamaLayoutParameters { Direction = LayoutDirection.LeftToRight, LayerGap = 200, SliceGap = 60 };
        var layout = new SugiyamaLayoutAlgorithm<string, Edge<string>, BidirectionalGraph<string, Edge<string>>>(graph, sizes, parameters);
        layout.Compute();
        return layout.VerticesPositions.ToDictionary(p => p.Key, p => (p.Value.X, p.Value.Y), StringComparer.Ordinal);
    }
}
