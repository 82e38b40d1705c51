using RouteSim.Core.Engine;

namespace RouteSim.Analysis.Counterfactuals;

/// <summary>Runs a baseline and an intervention with the same seeds (common random numbers) and compares them.</summary>
public static class CounterfactualRun
{
    /// <summary>Crossings whose configured enforcement (allocation and events, adaptation aside) is higher in the intervention in some period of the window.</summary>
    public static IReadOnlySet<int> TargetedCrossings(CompiledScenario baseline, CompiledScenario intervention, Window window)
    {
        var b = baseline.Enforcement.ConfiguredSchedule(baseline.Scenario.Periods);
        var x = intervention.Enforcement.ConfiguredSchedule(intervention.Scenario.Periods);
        var targeted = new SortedSet<int>();
        for (int l = 0; l < baseline.LocationCount; l++)
        {
            if (baseline.Scenario.Nodes[l].Kind != Core.Model.NodeKind.Crossing) continue;
            for (int t = window.From; t < window.To; t++)
                if (x[t][l] > b[t][l])
                {
                    targeted.Add(l);
                    break;
                }
        }
        return targeted;
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
        return Comparison.Compute(baseline.Scenario.Nodes, baseline.Scenario.Commodities, TargetedCrossings(baseline, intervention, window), b, x, window);
    }
}
