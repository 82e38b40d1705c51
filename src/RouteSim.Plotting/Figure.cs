using RouteSim.Plotting.Maps;
using ScottPlot;

namespace RouteSim.Plotting;

/// <summary>A figure ready to save: its file name (without extension), a caption for the report, and the plot.</summary>
public sealed record Figure(string Name, string Caption, Plot Plot, int Width = 960, int Height = 540)
{
    /// <summary>Where the figure's placed labels are, in figure pixels (maps and network figures; empty for others).</summary>
    public IReadOnlyList<PixelBox> LabelBoxes { get; init; } = [];
}
