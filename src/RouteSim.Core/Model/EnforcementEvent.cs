namespace RouteSim.Core.Model;

/// <summary>
/// A scheduled change applied at the start of a period: set, then add, resources; optionally a new effectiveness;
/// optionally a deterrence cost added to locations (docs/model.md section 9).
/// </summary>
/// <param name="Period">The period (0-based) at whose start the change applies.</param>
/// <param name="Set">Locations whose resources are set to the given level.</param>
/// <param name="Add">Locations whose resources change by the given amount (after Set).</param>
/// <param name="Effectiveness">A new effectiveness eta, or null to keep it.</param>
/// <param name="DeterrenceCost">
/// Cost, in utility units (>= 0), added from this period on to every route through each location, on top of the
/// node's own cost; events add up. Null or empty: none (the reference model's behaviour).
/// </param>
public sealed record EnforcementEvent(
    int Period,
    IReadOnlyDictionary<string, double> Set,
    IReadOnlyDictionary<string, double> Add,
    double? Effectiveness = null,
    IReadOnlyDictionary<string, double>? DeterrenceCost = null);
