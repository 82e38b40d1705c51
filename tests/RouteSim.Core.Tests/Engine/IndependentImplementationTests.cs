using RouteSim.Baselines;
using RouteSim.Core.Engine;
using RouteSim.Core.Model;
using RouteSim.Core.Tests.Support;

namespace RouteSim.Core.Tests.Engine;

/// <summary>
/// The engine against PlainAgentModel, a second implementation written from docs/model.md with its own random numbers,
/// its walk drawn node by node and no vectors: every mean total must agree within sampling error.
/// </summary>
public class IndependentImplementationTests
{
    private const int Replications = 300;

    /// <summary>People and drugs, dangerous and watched crossings, a deployment, its withdrawal, adaptation, and deterrence costs (docs/model.md section 9).</summary>
    private static Scenario Sample()
    {
        var nodes = new List<Node>
        {
            new("O", NodeKind.Origin), new("T", NodeKind.Transit, 0.5, 0.03, 5),
            TestScenarios.Crossing("X1", cost: 1, b: 0.05), TestScenarios.Crossing("X2", cost: 2, b: 0.04, danger: 0.01),
            TestScenarios.Crossing("X3", cost: 3, b: 0.02, area: 50, danger: 0.04, prior: 0.01), new("D", NodeKind.Destination),
        };
        var edges = new List<Edge> { new("O", "T", 1), new("O", "X3", 2) };
        foreach (var x in new[] { "X1", "X2", "X3" }) edges.AddRange([new Edge("T", x, 1), new Edge(x, "D", 1)]);
        var enforcement = new Enforcement(0.5, new Dictionary<string, double> { ["X1"] = 5 }, new AdaptivePolicy(10, 0.3, 1, ["X1", "X2"]),
            [new EnforcementEvent(8, new Dictionary<string, double>(), new Dictionary<string, double> { ["X1"] = 30 }),
             new EnforcementEvent(20, new Dictionary<string, double> { ["X1"] = 0 }, new Dictionary<string, double>(), 0.8),
             new EnforcementEvent(12, new Dictionary<string, double>(), new Dictionary<string, double>(), null, new Dictionary<string, double> { ["X2"] = 1.5, ["T"] = 0.5 }),
             new EnforcementEvent(24, new Dictionary<string, double>(), new Dictionary<string, double>(), null, new Dictionary<string, double> { ["X2"] = 1 })]);
        return new Scenario("agreement", "", [], 30, "day", 10, 1, new Routing(), nodes, edges,
            [TestScenarios.Migrants(dangerWeight: 1), TestScenarios.Drugs(value: 30, penalty: 10)],
            [TestScenarios.Org(400, riskSigma: 0.6, incapacitation: 2, activity: 0.7),
             TestScenarios.Org(250, "drugs", temperature: 1, memory: 0.95, priorStrength: 20, riskSigma: 0.3, incapacitation: 5, activity: 0.5) with { Id = "cartel" }],
            enforcement);
    }

    [Fact]
    public void Mean_totals_agree_with_a_plain_object_implementation()
    {
        var scenario = Sample();
        var model = CompiledScenario.Build(scenario);
        var layout = model.Layout;
        var engine = Runs.All(scenario, Replications, seed: 11);
        var plain = new PlainAgentModel(scenario);
        var other = Enumerable.Range(0, Replications).Select(r => plain.Run(11, r)).ToList();

        int compared = 0;
        void Compare(string what, Func<ReplicationResult, double> a, Func<PlainTotals, double> b)
        {
            var x = engine.Select(a).ToArray();
            var y = other.Select(b).ToArray();
            double se = Math.Sqrt(Variance(x) / x.Length + Variance(y) / y.Length);
            if (se == 0)
            {
                Assert.Equal(x.Average(), y.Average());
                return;
            }
            double z = (x.Average() - y.Average()) / se;
            Assert.True(Math.Abs(z) < Stat.Z, $"{what}: engine {x.Average():F2}, plain {y.Average():F2}, z = {z:F2}");
            compared++;
        }

        for (int l = 0; l < model.LocationCount; l++)
        {
            int p = plain.LocationIds.ToList().IndexOf(model.LocationIds[l]);
            for (int k = 0; k < model.CommodityCount; k++)
                foreach (var m in Metrics.Location)
                {
                    int location = l, commodity = k;
                    var metric = m.Id;
                    Compare($"{model.LocationIds[l]} {model.CommodityIds[k]} {m.Name}",
                        r => Enumerable.Range(0, layout.Periods).Sum(t => (double)r.Locations[layout.Location(t, location, commodity, metric)]),
                        totals => totals.Locations[p, commodity, (int)metric]);
                }
        }
        for (int g = 0; g < model.Organizations.Length; g++)
            foreach (var m in Metrics.Organization)
            {
                int organization = g;
                var metric = m.Id;
                Compare($"{scenario.Organizations[g].Id} {m.Name}",
                    r => Enumerable.Range(0, layout.Periods).Sum(t => (double)r.Organizations[layout.Organization(t, organization, metric)]),
                    totals => totals.Organizations[organization, (int)metric]);
            }
        Assert.True(compared >= 30, $"only {compared} totals varied");
    }

    private static double Variance(double[] values)
    {
        double mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }
}
