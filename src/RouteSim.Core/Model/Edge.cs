namespace RouteSim.Core.Model;

/// <summary>A directed edge between two locations, with the cost of taking it.</summary>
public sealed record Edge(string From, string To, double Cost);
