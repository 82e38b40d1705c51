using RouteSim.Core.Engine;

namespace RouteSim.Core.Tests.Engine;

/// <summary>
/// Each law of src/RouteSim.Core/Engine/ModelLaws.cs against numbers worked by hand from docs/model.md, and the
/// engine's vectorised and bounded forms of the logit choice against the law.
/// </summary>
[Collection(nameof(ChoiceBoundsSwitch))]
public class ModelLawsTests
{
    /// <summary>docs/model.md, "Worked detection in the displacement tutorial" (eta = 0.5, kappa = 1), given there to 0.1 percentage point, and the table of section 2.</summary>
    [Theory]
    [InlineData(0.03, 30, 5, 0.107)] // port, 5 units: 1 - 0.97 exp(-0.5 x 5 / 30)
    [InlineData(0.03, 30, 45, 0.54)] // port after the deployment
    [InlineData(0.04, 15, 5, 0.19)] // fence
    [InlineData(0.01, 80, 5, 0.041)] // desert
    [InlineData(0.0, 1, 2, 0.63)] // eta E / A = 1, b = 0
    [InlineData(0.0, 1, 10, 0.99)] // eta E / A = 5
    public void Detection_is_Koopman_search_on_top_of_the_base_rate(double b, double area, double resources, double documented)
    {
        double p = ModelLaws.Detection(b, 0.5, 1, resources, area);
        Assert.InRange(p, documented - 0.006, documented + 0.006);
        Assert.Equal(1 - (1 - b) * Math.Exp(-0.5 * resources / area), p, 15);
        Assert.Equal(b, ModelLaws.Detection(b, 0.5, 1, 0, area), 15); // no enforcement: the base rate
        Assert.Equal(ModelLaws.Detection(b, 0.5, 2, resources, area), ModelLaws.Detection(b, 0.5, 1, 2 * resources, area), 15); // kappa scales E
    }

    /// <summary>Section 2 at other effectiveness and detectability, and its saturation at 1.</summary>
    [Theory]
    [InlineData(0.1, 0.5, 1.0, 0, 10, 0.1)]
    [InlineData(0.1, 0.5, 1.0, 20, 10, 0.66890850)] // 1 - 0.9 e^-1
    [InlineData(0.0, 2.0, 0.5, 30, 15, 0.86466472)] // 1 - e^-2
    [InlineData(0.05, 0.5, 2.0, 1e6, 1, 1.0)]
    public void Detection_formula_matches_section_2(double b, double eta, double kappa, double e, double area, double expected) =>
        Assert.Equal(expected, ModelLaws.Detection(b, eta, kappa, e, area), 7);

    /// <summary>Section 3: the prior alone gives q0; after m traversals the belief is halfway from q0 to the observed rate.</summary>
    [Fact]
    public void Belief_is_the_Beta_posterior_mean()
    {
        Assert.Equal(0.1, ModelLaws.Belief(0, 0, 20, 0.1), 15);
        Assert.Equal(0.3, ModelLaws.Belief(10, 20, 20, 0.1), 15); // observed 10/20 = 0.5; halfway from 0.1 is 0.3
        Assert.Equal(0.5, ModelLaws.Belief(5e6, 1e7, 20, 0.1), 5); // much evidence: the observed rate
    }

    /// <summary>Section 2: "a trip passing three nodes with p = 0.05 each survives with 0.95^3 = 0.86".</summary>
    [Fact]
    public void Survival_is_the_product_over_the_route()
    {
        double s = 1;
        for (int node = 0; node < 3; node++) s = ModelLaws.Survive(s, 0.05);
        Assert.Equal(0.857375, s, 15);
    }

    /// <summary>
    /// Section 4, step 3, with the Mexico fentanyl values (V = 12, F = 6) on a route of cost 2, danger 0.01 and
    /// omega 0.5 whose believed survival is 0.857375: A = 12 x 0.857375 - 2 - 0.5 x 12 x 0.01 = 8.2285,
    /// B = 6 x 0.142625 = 0.85575, and an agent with rho = 2 scores U = 8.2285 - 1.7115 = 6.517.
    /// </summary>
    [Fact]
    public void Utility_is_value_at_risk_less_cost_danger_and_the_penalty_scaled_by_rho()
    {
        double a = ModelLaws.Attraction(12, 0.857375, 2, 0.5, 0.01);
        double b = ModelLaws.RiskTerm(6, 0.857375);
        Assert.Equal(8.2285, a, 12);
        Assert.Equal(0.85575, b, 12);
        Assert.Equal(6.517, ModelLaws.Utility(a, 2, b), 12);
    }

    /// <summary>
    /// Section 4, "What the temperature does": options whose utilities differ by tau are chosen e to 1, by 2 tau
    /// e^2 to 1; the outside option (U0 = 0) takes exp(-U/tau) relative to a route of utility U.
    /// </summary>
    [Fact]
    public void Choice_is_the_logit_with_an_outside_option()
    {
        var p = new double[3];
        ModelLaws.ChoiceProbabilities([0, 3, 1.5], [0, 0, 0], 1, 1.5, p);
        Assert.Equal(Math.E * Math.E, p[1] / p[0], 12);
        Assert.Equal(Math.E, p[2] / p[0], 12);
        Assert.Equal(1, p.Sum(), 14);

        // The risk term enters scaled by rho: A = 4, B = 1 at rho = 3 is U = 1, the same as A = 1 with no risk.
        var q = new double[2];
        ModelLaws.ChoiceProbabilities([0, 4], [0, 1], 3, 0.5, q);
        Assert.Equal(Math.Exp(-1 / 0.5), q[0] / q[1], 12);

        // Utilities far below 0 underflow nothing: the largest is subtracted first.
        ModelLaws.ChoiceProbabilities([0, -5000], [0, 0], 1, 1, q);
        Assert.Equal([1.0, 0.0], q);
    }

    /// <summary>Section 4, step 4: interdicted p, then of those left dead d; a trip passing the node has (1 - p)(1 - d).</summary>
    [Fact]
    public void A_trip_is_interdicted_before_it_can_die()
    {
        double reach = 1;
        var (interdicted, dead) = ModelLaws.WalkNode(ref reach, 0.2, 0.1);
        Assert.Equal(0.2, interdicted, 15);
        Assert.Equal(0.08, dead, 15);
        Assert.Equal(0.72, reach, 15);
        (interdicted, dead) = ModelLaws.WalkNode(ref reach, 0.5, 0);
        Assert.Equal(0.36, interdicted, 15);
        Assert.Equal(0, dead);
        Assert.Equal(0.36, reach, 15);
    }

    /// <summary>Section 4, step 6: n &lt;- gamma n + traversals.</summary>
    [Fact]
    public void Memory_fades_by_gamma_and_adds_this_period()
    {
        Assert.Equal(9, ModelLaws.Remember(10, 0.6, 3), 15);
        Assert.Equal(13, ModelLaws.Remember(10, 1, 3), 15); // gamma = 1: never forgets
    }

    /// <summary>Section 6 by hand: E = (10, 0), I = (3, 1), phi = 0.5: R = 10, weights 4/6 and 2/6.</summary>
    [Fact]
    public void Adaptive_enforcement_chases_recent_seizures_and_keeps_the_total()
    {
        double[] resources = [99, 10, 0];
        ModelLaws.AdaptEnforcement(resources, [1, 2], [7, 3, 1], 0.5, 0);
        Assert.Equal(99, resources[0]); // not eligible
        Assert.Equal(5 + 0.5 * 10 * 4 / 6, resources[1], 12);
        Assert.Equal(0.5 * 10 * 2 / 6, resources[2], 12);

        // With a floor of 2: B (1.67) is lifted to 2 and A scaled from 8.33 to 8, so the total stays 10.
        resources = [99, 10, 0];
        ModelLaws.AdaptEnforcement(resources, [1, 2], [7, 3, 1], 0.5, 2);
        Assert.Equal(8, resources[1], 12);
        Assert.Equal(2, resources[2], 12);
    }

    /// <summary>
    /// The engine's one-agent vectorised form (CumulativeWeights, then Pick by inverse CDF) gives the law's
    /// probabilities to rounding, and the same choice wherever u is not within rounding of a boundary; the bounds
    /// (ChoiceBounds) decide, where they decide, as the law does.
    /// </summary>
    [Fact]
    public void The_engines_forms_of_the_logit_agree_with_the_law()
    {
        var random = new Random(17);
        int compared = 0, decidedByBounds = 0;
        for (int trial = 0; trial < 200; trial++)
        {
            int options = 2 + random.Next(8), lanes = (options + 3) & ~3;
            double temperature = new[] { 0.1, 0.5, 1, 3 }[trial % 4], sigma = new[] { 0.2, 0.6, 1.0 }[trial % 3];
            var attraction = new double[lanes];
            var risk = new double[lanes];
            for (int k = 1; k < lanes; k++)
            {
                attraction[k] = k < options ? 4 * random.NextDouble() - 2 : -1e300;
                risk[k] = k < options ? 3 * random.NextDouble() : 0;
            }
            var bounds = ReplicationRunner.ChoiceBounds.Create(sigma, 40_000, options)!;
            var scratch = new ReplicationRunner.ChoiceBounds.Scratch(ReplicationRunner.ChoiceBounds.ScratchDoubles(sigma, 40_000, options), options);
            bounds.Build(attraction.AsSpan(0, options), risk.AsSpan(0, options), 1 / temperature, scratch);

            var cumulative = new double[lanes];
            var law = new double[options];
            for (int agent = 0; agent < 20; agent++)
            {
                double rho = Math.Exp(sigma * (4 * random.NextDouble() - 2));
                ModelLaws.ChoiceProbabilities(attraction.AsSpan(0, options), risk.AsSpan(0, options), rho, temperature, law);
                ReplicationRunner.CumulativeWeights(attraction, risk, options, rho, 1 / temperature, cumulative);
                double lawCumulative = 0;
                for (int j = 0; j < options; j++)
                {
                    lawCumulative += law[j];
                    Assert.Equal(lawCumulative, cumulative[j] / cumulative[options - 1], tolerance: 1e-12);
                }
                for (int draw = 0; draw < 20; draw++)
                {
                    double u = random.NextDouble();
                    int choice = LawChoice(law, u, out double clearance);
                    if (clearance < 1e-9) continue;
                    compared++;
                    Assert.Equal(choice, ReplicationRunner.Pick(cumulative, options, u));
                    if (bounds.TryPick(rho, u, out int bounded))
                    {
                        decidedByBounds++;
                        Assert.Equal(choice, bounded);
                    }
                }
            }
        }
        Assert.True(compared > 70_000 && decidedByBounds > compared / 2, $"{compared} choices compared, {decidedByBounds} decided by the bounds");
    }

    /// <summary>Inverse CDF on the law's probabilities: -1 (abstain) or the route's index; and how far u is from the nearest boundary.</summary>
    private static int LawChoice(double[] probabilities, double u, out double clearance)
    {
        double cumulative = 0;
        clearance = double.PositiveInfinity;
        int choice = probabilities.Length - 1;
        for (int j = 0; j < probabilities.Length - 1; j++)
        {
            cumulative += probabilities[j];
            clearance = Math.Min(clearance, Math.Abs(u - cumulative));
            if (u < cumulative && choice == probabilities.Length - 1) choice = j;
        }
        return choice - 1;
    }
}
