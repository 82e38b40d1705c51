namespace RouteSim.Core.Model;

/// <summary>What an organization smuggles (docs/model.md section 1).</summary>
/// <param name="Value">Payoff V of a delivered load (> 0).</param>
/// <param name="Penalty">Further loss F when interdicted (>= 0).</param>
/// <param name="Detectability">Multiplier kappa on enforcement's detection power (> 0).</param>
/// <param name="DangerWeight">Weight omega of route danger in the utility (>= 0).</param>
/// <param name="CarriesPeople">Only people-carrying trips can die.</param>
public sealed record Commodity(
    string Id,
    double Value,
    double Penalty,
    double Detectability,
    double DangerWeight,
    bool CarriesPeople);
