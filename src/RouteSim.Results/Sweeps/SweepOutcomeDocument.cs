namespace RouteSim.Results.Sweeps;

/// <summary>One outcome as sweep.json records it.</summary>
public sealed record SweepOutcomeDocument(string Name, string Scope, string Metric, string? Location, string? Organization, string? Route, string? Commodity, int From, int? To, string Stat);
