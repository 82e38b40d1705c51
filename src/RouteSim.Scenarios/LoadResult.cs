using RouteSim.Core.Engine;
using RouteSim.Core.Model;

namespace RouteSim.Scenarios;

/// <summary>What loading a scenario gives: the scenario and its compiled form, or every problem found.</summary>
public sealed record LoadResult(Scenario? Scenario, CompiledScenario? Model, IReadOnlyList<ScenarioError> Errors)
{
    /// <summary>True when the scenario loaded with no problem.</summary>
    public bool Ok => Errors.Count == 0 && Scenario is not null && Model is not null;
}
