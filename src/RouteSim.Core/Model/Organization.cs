namespace RouteSim.Core.Model;

/// <summary>A smuggling organization: one commodity, a population of agents, and how it learns (docs/model.md section 1).</summary>
/// <param name="Temperature">Logit temperature tau (> 0).</param>
/// <param name="Memory">Memory factor gamma in (0,1]: 1 never forgets.</param>
/// <param name="PriorStrength">Prior strength m (> 0), in pseudo-traversals.</param>
/// <param name="RiskSigma">Spread sigma (>= 0) of the agents' log-normal risk multiplier.</param>
/// <param name="Incapacitation">Periods J (>= 0) an interdicted agent sits out.</param>
/// <param name="Activity">Probability a in (0,1] that a free agent acts in a period.</param>
public sealed record Organization(
    string Id,
    string Commodity,
    int Agents,
    IReadOnlyList<OdPair> Od,
    double Temperature,
    double Memory,
    double PriorStrength,
    double RiskSigma,
    int Incapacitation,
    double Activity);
