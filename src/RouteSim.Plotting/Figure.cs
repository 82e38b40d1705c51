using ScottPlot;

namespace RouteSim.Plotting;

/// <summary>A figure ready to save: its file name (without extension), a caption for the report, and the plot.</summary>
public sealed record Figure(string Name, string Caption, Plot Plot, int Width = 960, int Height = 540);
