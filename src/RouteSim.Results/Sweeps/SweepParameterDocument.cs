namespace RouteSim.Results.Sweeps;

/// <summary>One parameter as sweep.json records it: enough to rebuild the design.</summary>
public sealed record SweepParameterDocument(string Name, string Path, double Min, double Max, IReadOnlyList<double>? Values, string Scale, bool Integer);
