using RouteSim.Core.Engine;

namespace RouteSim.Analysis.Counterfactuals;

/// <summary>Runs a baseline and an intervention with the same seeds (common random numbers) and compares them.</summary>
public static class CounterfactualRun
{
    /// <summary>
    /// The intervention's targeted crossings T of docs/model.md section 8, with why each is targeted: crossings whose
    /// configured enforcement (allocation and events, adaptation aside) or deterrence cost (section 9) is higher in
    /// the intervention than in the baseline in some period of the window. Keys are location indices, ascending.
    /// </summary>
    public static IReadOnlyDictionary<int, TargetReason> Targets(CompiledScenario baseline, CompiledScenario intervention, Window window)
    {
        var b = baseline.Enforcement.ConfiguredSchedule(baseline.Scenario.Periods);
        var x = intervention.Enforcement.ConfiguredSchedule(intervention.Scenario.Periods);
        var bCost = baseline.Enforcement.ConfiguredDeterrenceCost(baseline.Scenario.Periods);
        var xCost = intervention.Enforcement.ConfiguredDeterrenceCost(intervention.Scenario.Periods);
        var targets = new SortedDictionary<int, TargetReason>();
        for (int l = 0; l < baseline.LocationCount; l++)
        {
            if (baseline.Scenario.Nodes[l].Kind != Core.Model.NodeKind.Crossing) continue;
            var reason = TargetReason.None;
            for (int t = window.From; t < window.To; t++)
            {
                if (x[t][l] > b[t][l]) reason |= TargetReason.Resources;
                if (xCost[t][l] > bCost[t][l]) reason |= TargetReason.DeterrenceCost;
            }
            if (reason != TargetReason.None) targets[l] = reason;
        }
        return targets;
    }

    /// <summary>
    /// Runs both arms (baseline first) and computes the comparison. Each arm's replications also go to its
    /// observer, in order, so callers can write them out.
    /// </summary>
    public static Comparison Run(
        CompiledScenario baseline,
        CompiledScenario intervention,
        RunSettings settings,
        Window window,
        Action<ReplicationResult>? observeBaseline = null,
        Action<ReplicationResult>? observeIntervention = null,
        Action<int>? progress = null,
        CancellationToken cancellation = default)
    {
        var b = new List<ArmTotals>();
        var x = new List<ArmTotals>();
        var reduceBaseline = new ArmReduction(baseline, intervention, window);
        var reduceIntervention = new ArmReduction(intervention, intervention, window);
        Ensemble.Run(baseline, settings, r =>
        {
            observeBaseline?.Invoke(r);
            b.Add(reduceBaseline.Reduce(r));
        }, done => progress?.Invoke(done), cancellation);
        Ensemble.Run(intervention, settings, r =>
        {
            observeIntervention?.Invoke(r);
            x.Add(reduceIntervention.Reduce(r));
        }, done => progress?.Invoke(settings.Replications + done), cancellation);
        return Comparison.Compute(baseline.Scenario.Nodes, baseline.Scenario.Commodities, Targets(baseline, intervention, window), b, x, window);
    }
}
