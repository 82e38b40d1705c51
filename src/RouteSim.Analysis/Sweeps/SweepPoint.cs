using RouteSim.Core.Engine;

namespace RouteSim.Analysis.Sweeps;

/// <summary>One point of a sweep made ready to run: its model, its counterfactual's model if any, and the outcomes bound to them.</summary>
public sealed record SweepPoint(CompiledScenario Model, CompiledScenario? Baseline, IReadOnlyList<CompiledOutcome> Outcomes)
{
    /// <summary>Binds the outcomes to the point's models.</summary>
    public static SweepPoint Create(CompiledScenario model, CompiledScenario? baseline, IReadOnlyList<Outcome> outcomes) =>
        new(model, baseline, outcomes.Select(o => CompiledOutcome.Compile(o, model, baseline)).ToArray());
}
