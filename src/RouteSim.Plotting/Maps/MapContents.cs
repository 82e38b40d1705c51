using RouteSim.Analysis.Counterfactuals;
using RouteSim.Results.Reading;
using ScottPlot;

namespace RouteSim.Plotting.Maps;

/// <summary>What the map (or, without coordinates, the network figure) of a run and of a comparison shows.</summary>
public static class MapContents
{
    /// <summary>Colour of an edge that carries trips on a run's map.</summary>
    public static readonly Color Carries = Color.FromHex("#0072B2");

    /// <summary>Colour of an edge with no trips, or with no clear change.</summary>
    public static readonly Color Quiet = Color.FromHex("#A8A8A8");

    /// <summary>Edge colours of a change map, from the steepest fall to the steepest rise.</summary>
    public static readonly Color FellHalf = Color.FromHex("#0072B2"), Fell = Color.FromHex("#56B4E9"), Rose = Color.FromHex("#E69F00"), RoseHalf = Color.FromHex("#D55E00");

    /// <summary>A run: each edge as wide as its trips over the run, crossings by the most enforcement configured.</summary>
    public static MapContent Run(RunFolder run, double[][][] routeTrips)
    {
        var trips = EdgeTrips.Summaries(run, routeTrips, Window.All(run.Manifest.Periods));
        var edges = trips.Select(t => new MapEdge(t.Key.From, t.Key.To, t.Value.Mean, t.Value.Mean > 0 ? Carries : Quiet)).ToArray();
        var peak = run.Schedule.GroupBy(s => s.Location).ToDictionary(g => g.Key, g => g.Max(s => s.Resources), StringComparer.Ordinal);
        double top = peak.Count == 0 ? 0 : peak.Values.Max();
        var classes = new NodeClass[]
        {
            new("origin", n => n.Kind == "origin", FigureStyle.Color(3), MarkerShape.FilledSquare),
            new("destination", n => n.Kind == "destination", FigureStyle.Color(7), MarkerShape.FilledDiamond),
            new("crossing, no configured enforcement", n => n.Kind == "crossing" && peak.GetValueOrDefault(n.Id) == 0, FigureStyle.Color(2), MarkerShape.FilledCircle),
            new("crossing, enforced", n => n.Kind == "crossing" && peak.GetValueOrDefault(n.Id) > 0 && peak[n.Id] < top / 2, FigureStyle.Color(1), MarkerShape.FilledCircle),
            new("crossing, most enforced (at least half the top level)", n => n.Kind == "crossing" && top > 0 && peak.GetValueOrDefault(n.Id) >= top / 2, FigureStyle.Color(6), MarkerShape.FilledCircle),
            new("transit", n => n.Kind == "transit", Color.FromHex("#555555"), MarkerShape.OpenCircle),
        };
        var through = Throughput(edges);
        return new MapContent("Where the flow goes", edges, "trips over the run (mean per replication)",
            [new("carries trips", Carries), new("no trips", Quiet)], classes, n => Importance(n, through.GetValueOrDefault(n.Id)));
    }

    /// <summary>
    /// A comparison: each edge as wide as its trips over the window in the busier arm, coloured by the relative
    /// change intervention minus baseline where its 95% interval excludes zero, grey where it does not; crossings
    /// are named in order of how much their flow changed, reinforced or not.
    /// </summary>
    public static MapContent Change(ComparisonFolder comparison)
    {
        var changes = EdgeTrips.Changes(comparison);
        var edges = changes.Select(e => new MapEdge(e.From, e.To, Math.Max(e.Baseline.Mean, e.Intervention.Mean), ChangeColour(e))).ToArray();
        var targeted = comparison.Manifest.TargetedCrossings.ToHashSet(StringComparer.Ordinal);
        string kind = Text.ComparisonStory.TargetWord(comparison);
        var classes = new NodeClass[]
        {
            new("origin", n => n.Kind == "origin", FigureStyle.Color(3), MarkerShape.FilledSquare),
            new("destination", n => n.Kind == "destination", FigureStyle.Color(7), MarkerShape.FilledDiamond),
            // Crossings are triangles in black, filled where reinforced: the edge colours keep their one meaning (the change).
            new($"crossing {kind} in the intervention", n => n.Kind == "crossing" && targeted.Contains(n.Id), Colors.Black, MarkerShape.FilledTriangleUp),
            new($"crossing not {kind}", n => n.Kind == "crossing" && !targeted.Contains(n.Id), Colors.Black, MarkerShape.OpenTriangleUp),
            new("transit", n => n.Kind == "transit", Color.FromHex("#555555"), MarkerShape.OpenCircle),
        };
        var moved = changes.GroupBy(e => e.To).ToDictionary(g => g.Key, g => g.Sum(e => Math.Abs(e.Change.Mean)), StringComparer.Ordinal);
        return new MapContent("Where the flow moved", edges, "trips over the window in the busier arm (mean per replication)",
            [
                new("fell by half or more", FellHalf), new("fell by less than half", Fell), new("rose by less than half", Rose),
                new("rose by half or more, or new", RoseHalf), new("no clear change (95% interval of the change includes 0)", Quiet),
            ],
            classes, n => Importance(n, moved.GetValueOrDefault(n.Id)));
    }

    /// <summary>The colour of an edge's change: grey unless its 95% interval excludes zero, then by the change relative to the baseline.</summary>
    public static Color ChangeColour(EdgeChange e)
    {
        var c = e.Change;
        bool clear = c.N > 1 && double.IsFinite(c.CiLow) && (c.CiLow > 0 || c.CiHigh < 0);
        if (!clear) return Quiet;
        if (e.Baseline.Mean <= 0) return RoseHalf;
        double relative = c.Mean / e.Baseline.Mean;
        return relative <= -0.5 ? FellHalf : relative < 0 ? Fell : relative < 0.5 ? Rose : RoseHalf;
    }

    private static Dictionary<string, double> Throughput(IEnumerable<MapEdge> edges) =>
        edges.GroupBy(e => e.To).ToDictionary(g => g.Key, g => g.Sum(e => e.Size), StringComparer.Ordinal);

    /// <summary>Names go first to origins and destinations, then to crossings, then to transit points, each by how much passes.</summary>
    private static double Importance(NodeRow n, double through) =>
        (n.Kind is "origin" or "destination" ? 3e15 : n.Kind == "crossing" ? 2e15 : 0) + through;
}
