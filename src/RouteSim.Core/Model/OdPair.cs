namespace RouteSim.Core.Model;

/// <summary>An origin-destination pair an organization serves, with its share weight.</summary>
public sealed record OdPair(string Origin, string Destination, double Weight);
