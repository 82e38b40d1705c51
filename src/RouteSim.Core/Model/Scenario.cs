namespace RouteSim.Core.Model;

/// <summary>
/// A validated scenario: the network, the organizations, the enforcement and the run settings, as records (the
/// entities of docs/model.md section 1; the engine runs them compiled, as <see cref="Engine.CompiledScenario"/>).
/// </summary>
/// <param name="Periods">Number of periods simulated (>= 1).</param>
/// <param name="PeriodUnit">What one period stands for (day, week, ...), used in labels.</param>
/// <param name="Replications">Default number of Monte Carlo replications.</param>
/// <param name="Seed">Default master seed.</param>
/// <param name="StartDate">The calendar day period 0 starts on, if the periods are days, weeks, months or years; null when not given.</param>
public sealed record Scenario(
    string Name,
    string Description,
    IReadOnlyList<string> Sources,
    int Periods,
    string PeriodUnit,
    int Replications,
    ulong Seed,
    Routing Routing,
    IReadOnlyList<Node> Nodes,
    IReadOnlyList<Edge> Edges,
    IReadOnlyList<Commodity> Commodities,
    IReadOnlyList<Organization> Organizations,
    Enforcement Enforcement,
    DateOnly? StartDate = null);
