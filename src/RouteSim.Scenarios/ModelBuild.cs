using RouteSim.Core.Engine;
using RouteSim.Core.Model;
using RouteSim.Scenarios.Format;
using RouteSim.Scenarios.Yaml;

namespace RouteSim.Scenarios;

/// <summary>
/// Compiles a validated scenario into its model, refusing what cannot run: more agents than supported, a run
/// larger than the memory budget (<see cref="MemoryBudget"/>), costs whose sum overflows, od pairs without a route.
/// </summary>
internal static class ModelBuild
{
    /// <summary>The compiled model, or null (or a model with errors reported) when the scenario cannot run.</summary>
    public static CompiledScenario? Build(Scenario scenario, Diagnostics diagnostics, LoadOptions options)
    {
        long agents = scenario.Organizations.Sum(o => (long)o.Agents);
        if (agents > ScenarioFormat.MaxAgents)
        {
            diagnostics.Error("organizations", $"{agents:N0} agents in all; at most {ScenarioFormat.MaxAgents:N0} are supported");
            return null;
        }

        // Size what the run needs from the scenario alone, before enumerating routes or allocating agents.
        long routeBound = scenario.Organizations.Sum(o => (long)o.Od.Count) * scenario.Routing.RoutesPerPair;
        long cells = (long)scenario.Nodes.Count * scenario.Commodities.Count * 3 + scenario.Organizations.Count * 6L + routeBound;
        var budget = new MemoryBudget(scenario, agents, options, diagnostics);
        if (budget.Exceeded(MemoryEstimate.LowerBound(agents, scenario.Periods, cells, budget.Concurrent), "at least ")) return null;

        // Route costs C_r are sums of edge and node costs; if every cost together stays finite, no route's can overflow.
        double costs = scenario.Edges.Sum(e => e.Cost) + scenario.Nodes.Sum(n => n.Cost);
        if (!double.IsFinite(costs))
        {
            diagnostics.Error("edges", $"the edge and node costs add up past the largest number the arithmetic carries ({double.MaxValue:G3}), so a route's cost could be infinite; use a larger cost unit (smaller numbers)");
            return null;
        }

        var model = CompiledScenario.Build(scenario);
        if (budget.Exceeded(MemoryEstimate.Bytes(model, budget.Concurrent), "about ")) return null;
        for (int g = 0; g < scenario.Organizations.Count; g++)
        {
            var pairs = model.Catalog.Organizations[g].Pairs;
            for (int w = 0; w < pairs.Count; w++)
                if (pairs[w].Routes.Length == 0)
                    diagnostics.Error($"organizations[{g}].od[{w}]",
                        $"no route from {pairs[w].Pair.Origin} to {pairs[w].Pair.Destination}: no chain of edges joins them");
        }
        return model;
    }
}
