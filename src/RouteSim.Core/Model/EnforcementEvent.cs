namespace RouteSim.Core.Model;

/// <summary>A scheduled change applied at the start of a period: set, then add, resources; optionally a new effectiveness.</summary>
/// <param name="Period">The period (0-based) at whose start the change applies.</param>
/// <param name="Set">Locations whose resources are set to the given level.</param>
/// <param name="Add">Locations whose resources change by the given amount (after Set).</param>
/// <param name="Effectiveness">A new effectiveness eta, or null to keep it.</param>
public sealed record EnforcementEvent(
    int Period,
    IReadOnlyDictionary<string, double> Set,
    IReadOnlyDictionary<string, double> Add,
    double? Effectiveness = null);
