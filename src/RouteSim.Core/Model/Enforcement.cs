namespace RouteSim.Core.Model;

/// <summary>Where enforcement resources stand, how effective they are, and how they change over time.</summary>
/// <param name="Effectiveness">eta (> 0) in the detection law.</param>
/// <param name="Allocation">Resources E_l at period 0, by location id; absent locations have none.</param>
/// <param name="Adaptive">Adaptive reallocation, or null when off (the default).</param>
/// <param name="Events">Scheduled changes, applied in the order given within a period.</param>
public sealed record Enforcement(
    double Effectiveness,
    IReadOnlyDictionary<string, double> Allocation,
    AdaptivePolicy? Adaptive,
    IReadOnlyList<EnforcementEvent> Events)
{
    /// <summary>No enforcement at all.</summary>
    public static Enforcement None { get; } =
        new(1.0, new Dictionary<string, double>(), null, []);
}
