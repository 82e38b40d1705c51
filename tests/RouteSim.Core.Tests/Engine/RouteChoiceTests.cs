using RouteSim.Core.Engine;
using RouteSim.Core.Model;
using RouteSim.Core.Tests.Support;
using static RouteSim.Core.Tests.Support.TestScenarios;

namespace RouteSim.Core.Tests.Engine;

public class RouteChoiceTests
{
    private static Scenario ThreeRoutes(double riskSigma, double memory, double priorStrength, int periods = 1, double risk = 1) => Parallel(
        [Crossing("X1", cost: 1, b: 0.05 * risk), Crossing("X2", cost: 2, b: 0.02 * risk), Crossing("X3", cost: 3, b: 0.01, danger: 0.03, prior: 0.01)],
        Org(4000, temperature: 3, memory: memory, priorStrength: priorStrength, riskSigma: riskSigma),
        Migrants(value: 8, penalty: 6 * risk, dangerWeight: 1),
        Allocation(0.5, ("X1", 5)),
        periods);

    /// <summary>Checks abstentions and each route's trips against probabilities, over all acting agents.</summary>
    private static void AssertShares(List<ReplicationResult> results, double[] probabilities, IEnumerable<int> periods)
    {
        var ps = periods.ToArray();
        long acting = results.Sum(r => ps.Sum(t => (long)Runs.Org(r, t, "acting")));
        Stat.Proportion(probabilities[0], results.Sum(r => ps.Sum(t => (long)Runs.Org(r, t, "abstentions"))), acting, "abstain");
        for (int j = 1; j < probabilities.Length; j++)
            Stat.Proportion(probabilities[j], results.Sum(r => ps.Sum(t => (long)r.Routes[r.Layout.Route(t, j - 1)])), acting, $"route {j}");
    }

    [Fact]
    public void First_period_shares_are_the_closed_form_softmax_of_the_prior()
    {
        var scenario = ThreeRoutes(riskSigma: 0, memory: 0.5, priorStrength: 3);
        var model = CompiledScenario.Build(scenario);
        var p = ChoiceProbabilities.Logit(model, 0, l => model.PriorMean[l], rho: 1);
        Assert.True(p.All(x => x > 0.02), "the test needs every option to be chosen");
        AssertShares(Runs.All(scenario, 20), p, [0]);
    }

    /// <summary>With memory 1 and a huge prior strength beliefs stay at the prior, so every period has the same softmax.</summary>
    [Fact]
    public void Huge_prior_strength_keeps_the_softmax_in_every_period()
    {
        var scenario = ThreeRoutes(riskSigma: 0, memory: 1, priorStrength: 1e12, periods: 8);
        var model = CompiledScenario.Build(scenario);
        AssertShares(Runs.All(scenario, 10), ChoiceProbabilities.Logit(model, 0, l => model.PriorMean[l], 1), Enumerable.Range(0, 8));
    }

    /// <summary>Risk tolerance spread: shares are the softmax averaged over rho ~ LogNormal(0, sigma).</summary>
    [Fact]
    public void Risk_spread_gives_the_mixed_logit()
    {
        var scenario = ThreeRoutes(riskSigma: 0.9, memory: 1, priorStrength: 1e12, periods: 4, risk: 4);
        var model = CompiledScenario.Build(scenario);
        var mixed = ChoiceProbabilities.MixedLogit(model, 0, l => model.PriorMean[l], 0.9);
        var plain = ChoiceProbabilities.Logit(model, 0, l => model.PriorMean[l], 1);
        Assert.True(mixed.Zip(plain).Max(p => Math.Abs(p.First - p.Second)) > 0.01, $"the spread should matter in this test: {string.Join(",", mixed)} vs {string.Join(",", plain)}");
        AssertShares(Runs.All(scenario, 20), mixed, Enumerable.Range(0, 4));
    }

    /// <summary>
    /// Learning: replay each replication's own counts through docs/model.md section 3 (fading memory, Beta belief)
    /// to get the choice probabilities of every later period, and compare expected with observed trips.
    /// </summary>
    [Fact]
    public void Beliefs_learn_from_traversals_and_interdictions_with_fading_memory()
    {
        const int periods = 6;
        var scenario = Parallel(
            [Crossing("X1", cost: 1, b: 0.02), Crossing("X2", cost: 1.5, b: 0.02)],
            Org(3000, temperature: 1.5, memory: 0.6, priorStrength: 4),
            Drugs(value: 10, penalty: 4),
            Allocation(1.0, ("X1", 8)),
            periods);
        var model = CompiledScenario.Build(scenario);
        var results = Runs.All(scenario, 10);
        int routes = model.TotalOrganizationRoutes;
        var expected = new double[routes + 1];
        var variance = new double[routes + 1];
        var observed = new double[routes + 1];
        foreach (var r in results)
        {
            var n = new double[model.LocationCount];
            var s = new double[model.LocationCount];
            for (int t = 0; t < periods; t++)
            {
                var p = ChoiceProbabilities.Logit(model, 0, l => ChoiceProbabilities.Belief(s[l], n[l], 4, model.PriorMean[l]), 1);
                int acting = Runs.Org(r, t, "acting");
                for (int j = 0; j <= routes; j++)
                {
                    expected[j] += acting * p[j];
                    variance[j] += acting * p[j] * (1 - p[j]);
                    observed[j] += j == 0 ? Runs.Org(r, t, "abstentions") : r.Routes[r.Layout.Route(t, j - 1)];
                }
                for (int l = 0; l < model.LocationCount; l++)
                {
                    n[l] = 0.6 * n[l] + Runs.Location(r, t, l, "traversals");
                    s[l] = 0.6 * s[l] + Runs.Location(r, t, l, "interdictions");
                }
            }
        }
        for (int j = 0; j <= routes; j++) Stat.Total(expected[j], variance[j], observed[j], j == 0 ? "abstentions" : $"route {j} trips");
        Assert.True(observed[1] < observed[2], "enforcement on X1 should have pushed flow to X2 once learned");
    }
}
