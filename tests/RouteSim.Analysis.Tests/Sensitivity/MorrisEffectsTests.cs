using RouteSim.Analysis.Designs;
using RouteSim.Analysis.Sensitivity;

namespace RouteSim.Analysis.Tests.Sensitivity;

public class MorrisEffectsTests
{
    [Fact]
    public void A_linear_function_has_its_coefficients_as_elementary_effects_with_no_spread()
    {
        double[] a = [3, -2, 0.5, 0];
        var factors = a.Select((_, i) => new Factor($"x{i + 1}", 0, 1)).ToArray();
        var design = MorrisDesign.Build(factors, 20, 4, 9);
        var effects = MorrisEffects.Estimate(design, design.Points.Select(x => x.Select((v, i) => a[i] * v).Sum()).ToArray());
        for (int i = 0; i < a.Length; i++)
        {
            Assert.Equal(a[i], effects[i].Mu, 9);
            Assert.Equal(Math.Abs(a[i]), effects[i].MuStar.Estimate, 9);
            Assert.Equal(0, effects[i].Sigma, 9);
        }
    }

    [Fact]
    public void Ishigami_mu_star_lies_in_its_interval_around_the_exact_grid_expectation()
    {
        var design = MorrisDesign.Build(TestFunctions.IshigamiFactors, 1000, 4, 17);
        var effects = MorrisEffects.Estimate(design, design.Points.Select(TestFunctions.Ishigami).ToArray(), 1000, 18);
        for (int i = 0; i < 3; i++)
        {
            var (mu, muStar) = TestFunctions.MorrisExpected(TestFunctions.Ishigami, TestFunctions.IshigamiFactors, 4, i);
            Assert.True(effects[i].MuStar.Contains(muStar), $"mu*{i + 1}: {effects[i].MuStar} vs {muStar:0.000}");
            // mu has no interval of its own: check it within 4.5 standard errors of the mean effect.
            double se = effects[i].Sigma / Math.Sqrt(design.Trajectories);
            Assert.InRange(effects[i].Mu, mu - 4.5 * se, mu + 4.5 * se);
        }
        // The ranking screening is for: x1 and x2 matter more than x3's interaction-only role.
        Assert.True(effects[2].Sigma > 0);
    }

    [Fact]
    public void Mu_star_intervals_cover_the_grid_expectation_at_about_95_percent()
    {
        var expected = Enumerable.Range(0, 3).Select(i => TestFunctions.MorrisExpected(TestFunctions.Ishigami, TestFunctions.IshigamiFactors, 4, i).MuStar).ToArray();
        int hits = 0, total = 0;
        for (ulong seed = 0; seed < 200; seed++)
        {
            var design = MorrisDesign.Build(TestFunctions.IshigamiFactors, 100, 4, 500 + seed);
            var effects = MorrisEffects.Estimate(design, design.Points.Select(TestFunctions.Ishigami).ToArray(), 500, seed);
            for (int i = 0; i < 3; i++) hits += effects[i].MuStar.Contains(expected[i]) ? 1 : 0;
            total += 3;
        }
        // Percentile intervals of a mean of 100 skewed values undercover slightly; allow 4.5 binomial standard errors.
        double coverage = (double)hits / total, se = Math.Sqrt(0.95 * 0.05 / total);
        Assert.True(coverage >= 0.95 - 4.5 * se, $"coverage {coverage:P1} over {total} intervals");
    }
}
