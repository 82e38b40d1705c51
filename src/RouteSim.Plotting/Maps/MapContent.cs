using RouteSim.Results.Reading;
using ScottPlot;

namespace RouteSim.Plotting.Maps;

/// <summary>An edge to draw: its width comes from <paramref name="Size"/> (in the map's stated unit), its colour says what happened on it.</summary>
public sealed record MapEdge(string From, string To, double Size, Color Colour);

/// <summary>A legend entry for an edge colour.</summary>
public sealed record EdgeColourKey(string Text, Color Colour);

/// <summary>A kind of node on the map: legend text, which nodes belong, marker colour and shape.</summary>
public sealed record NodeClass(string Text, Func<NodeRow, bool> Has, Color Colour, MarkerShape Shape);

/// <summary>What a map shows: its edges, what their widths measure, what their colours mean, the node classes, and each node's importance for naming.</summary>
public sealed record MapContent(string Title, IReadOnlyList<MapEdge> Edges, string WidthMeaning, IReadOnlyList<EdgeColourKey> Colours,
    IReadOnlyList<NodeClass> NodeClasses, Func<NodeRow, double> Importance);
