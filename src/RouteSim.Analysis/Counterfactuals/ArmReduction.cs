using RouteSim.Core.Engine;

namespace RouteSim.Analysis.Counterfactuals;

/// <summary>
/// Reduces a replication to its <see cref="ArmTotals"/> over a window. Compiled once per pair of arms: it holds each
/// route's danger D_r and, per period of the window, each route's detection probability under the reference
/// arm's configured enforcement, 1 - prod over the route's nodes of (1 - p(l,k,t)), with p the detection law
/// (reference model section 2) and E_l(t) the allocation and events (adaptation aside, as for the targeted set).
/// </summary>
public sealed class ArmReduction
{
    private readonly Window _window;
    private readonly int[] _organizationCommodity;
    private readonly int[] _routeCommodity;
    private readonly double[] _routeDanger;
    private readonly double[][] _routeDetection;

    /// <summary>Compiles the reduction for replications of <paramref name="model"/>, with route detection evaluated under <paramref name="reference"/>'s enforcement.</summary>
    /// <param name="model">The arm's compiled scenario (both arms share routes and organizations).</param>
    /// <param name="reference">The model whose configured enforcement defines route detection: the intervention, for both arms.</param>
    /// <param name="window">Periods summed.</param>
    public ArmReduction(CompiledScenario model, CompiledScenario reference, Window window)
    {
        _window = window;
        _organizationCommodity = model.Organizations.Select(o => o.Commodity).ToArray();
        _routeCommodity = new int[model.TotalOrganizationRoutes];
        _routeDanger = new double[model.TotalOrganizationRoutes];
        foreach (var plan in model.Organizations)
            for (int r = 0; r < plan.Routes.Length; r++)
            {
                _routeCommodity[plan.RouteOffset + r] = plan.Commodity;
                _routeDanger[plan.RouteOffset + r] = plan.Routes[r].Danger;
            }

        var schedule = reference.Enforcement.ConfiguredSchedule(reference.Scenario.Periods);
        var effectiveness = EffectivenessByPeriod(reference);
        var detectability = reference.Scenario.Commodities.Select(c => c.Detectability).ToArray();
        _routeDetection = new double[window.Length][];
        for (int t = window.From; t < window.To; t++)
        {
            var detection = new double[model.TotalOrganizationRoutes];
            foreach (var plan in model.Organizations)
                for (int r = 0; r < plan.Routes.Length; r++)
                {
                    double survive = 1;
                    foreach (int l in plan.Routes[r].Nodes)
                        survive *= 1 - ModelLaws.Detection(reference.BaseDetection[l], effectiveness[t], detectability[plan.Commodity], schedule[t][l], reference.Area[l]);
                    detection[plan.RouteOffset + r] = 1 - survive;
                }
            _routeDetection[t - window.From] = detection;
        }
    }

    /// <summary>Sums a replication's counts over the window.</summary>
    public ArmTotals Reduce(ReplicationResult result)
    {
        var layout = result.Layout;
        int commodities = layout.Commodities;
        var flow = new double[commodities][];
        for (int k = 0; k < commodities; k++) flow[k] = new double[layout.Locations];
        var attempts = new double[commodities];
        var successes = new double[commodities];
        var interdictions = new double[commodities];
        var deaths = new double[commodities];
        var danger = new double[commodities];
        var detection = new double[commodities];
        for (int t = _window.From; t < _window.To; t++)
        {
            for (int l = 0; l < layout.Locations; l++)
                for (int k = 0; k < commodities; k++)
                    flow[k][l] += result.Locations[layout.Location(t, l, k, LocationMetric.Traversals)];
            for (int g = 0; g < layout.Organizations; g++)
            {
                int k = _organizationCommodity[g];
                attempts[k] += result.Organizations[layout.Organization(t, g, OrganizationMetric.Attempts)];
                successes[k] += result.Organizations[layout.Organization(t, g, OrganizationMetric.Successes)];
                interdictions[k] += result.Organizations[layout.Organization(t, g, OrganizationMetric.Interdictions)];
                deaths[k] += result.Organizations[layout.Organization(t, g, OrganizationMetric.Deaths)];
            }
            var routeDetection = _routeDetection[t - _window.From];
            for (int r = 0; r < layout.Routes; r++)
            {
                int trips = result.Routes[layout.Route(t, r)];
                if (trips == 0) continue;
                danger[_routeCommodity[r]] += trips * _routeDanger[r];
                detection[_routeCommodity[r]] += trips * routeDetection[r];
            }
        }
        return new ArmTotals(flow, attempts, successes, interdictions, deaths, danger, detection);
    }

    /// <summary>eta in force at each period: the scenario's, changed by events that set a new one.</summary>
    private static double[] EffectivenessByPeriod(CompiledScenario model)
    {
        var state = new EnforcementState(model.Enforcement);
        var eta = new double[model.Scenario.Periods];
        for (int t = 0; t < eta.Length; t++)
        {
            state.ApplyEvents(t);
            eta[t] = state.Effectiveness;
        }
        return eta;
    }
}
