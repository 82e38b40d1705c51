using RouteSim.Analysis.Counterfactuals;
using RouteSim.Core.Engine;

namespace RouteSim.Server;

/// <summary>Runs the baseline against a what-if with common random numbers, as <c>routesim compare</c> does, and shapes the answer for the page.</summary>
public static class WhatIfComparison
{
    /// <summary>
    /// Compares with <see cref="CounterfactualRun"/> (the same code, seeds and window as <c>routesim compare</c>),
    /// also averaging each arm's flow and deaths per period for the charts.
    /// </summary>
    /// <param name="progress">Replications finished so far, of 2 x replications.</param>
    public static ComparisonAnswer Run(BaselineScenario baseline, WhatIfScenario whatIf, WhatIfRequest request, int threads, Action<int>? progress, CancellationToken cancellation)
    {
        var settings = new RunSettings(baseline.Scenario.Seed, request.Replications, threads);
        var intervention = whatIf.Loaded.Model!;
        var seriesB = new ArmSeries(baseline.Model);
        var seriesX = new ArmSeries(intervention);
        var comparison = CounterfactualRun.Run(baseline.Model, intervention, settings, request.Window, seriesB.Add, seriesX.Add, progress, cancellation);
        return ComparisonAnswer.From(comparison, baseline, whatIf, WhatIfScenario.Describe(request.Events, baseline.Scenario.PeriodUnit), settings, seriesB, seriesX);
    }
}
