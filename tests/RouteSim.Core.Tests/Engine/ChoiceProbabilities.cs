using RouteSim.Core.Engine;
using RouteSim.Core.Model;

namespace RouteSim.Core.Tests.Engine;

/// <summary>docs/model.md section 3-4 written out independently of the engine, for known-answer checks.</summary>
public static class ChoiceProbabilities
{
    /// <summary>Belief q = (s + m q0) / (n + m).</summary>
    public static double Belief(double s, double n, double m, double q0) => (s + m * q0) / (n + m);

    /// <summary>Probabilities of [abstain, route 0, route 1, ...] for one agent with risk multiplier rho.</summary>
    public static double[] Logit(CompiledScenario model, int organization, Func<int, double> belief, double rho)
    {
        var plan = model.Organizations[organization];
        var commodity = model.Scenario.Commodities[plan.Commodity];
        var o = plan.Organization;
        var utilities = new List<double> { 0 };
        foreach (var route in plan.Routes)
        {
            double s = route.Nodes.Aggregate(1.0, (acc, l) => acc * (1 - belief(l)));
            utilities.Add(commodity.Value * s - rho * commodity.Penalty * (1 - s) - route.Cost - commodity.DangerWeight * commodity.Value * route.Danger);
        }
        double max = utilities.Max();
        var weights = utilities.Select(u => Math.Exp((u - max) / o.Temperature)).ToArray();
        double z = weights.Sum();
        return weights.Select(w => w / z).ToArray();
    }

    /// <summary>The logit probabilities averaged over rho ~ LogNormal(0, sigma), by the trapezoid rule on z in [-8, 8].</summary>
    public static double[] MixedLogit(CompiledScenario model, int organization, Func<int, double> belief, double sigma)
    {
        const int steps = 4000;
        double h = 16.0 / steps;
        double[]? sum = null;
        for (int i = 0; i <= steps; i++)
        {
            double z = -8 + i * h;
            double weight = Math.Exp(-z * z / 2) / Math.Sqrt(2 * Math.PI) * h * (i == 0 || i == steps ? 0.5 : 1);
            var p = Logit(model, organization, belief, Math.Exp(sigma * z));
            sum ??= new double[p.Length];
            for (int j = 0; j < p.Length; j++) sum[j] += weight * p[j];
        }
        return sum!;
    }
}
