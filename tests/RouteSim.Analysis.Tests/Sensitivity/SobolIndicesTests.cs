using RouteSim.Analysis.Designs;
using RouteSim.Analysis.Sensitivity;

namespace RouteSim.Analysis.Tests.Sensitivity;

public class SobolIndicesTests
{
    private static IReadOnlyList<SobolIndex> Ishigami(int n, ulong seed, int resamples = 1000)
    {
        var design = SaltelliDesign.Build(TestFunctions.IshigamiFactors, n, seed);
        return SobolIndices.Estimate(design, design.Points.Select(TestFunctions.Ishigami).ToArray(), resamples, seed + 1);
    }

    [Fact]
    public void Ishigami_indices_lie_in_their_intervals_and_the_intervals_are_tight()
    {
        var indices = Ishigami(8192, 42);
        for (int i = 0; i < 3; i++)
        {
            Assert.True(indices[i].First.Contains(TestFunctions.IshigamiFirst[i]), $"S{i + 1}: {indices[i].First} vs {TestFunctions.IshigamiFirst[i]:0.0000}");
            Assert.True(indices[i].Total.Contains(TestFunctions.IshigamiTotal[i]), $"ST{i + 1}: {indices[i].Total} vs {TestFunctions.IshigamiTotal[i]:0.0000}");
            // Tight enough to tell the factors apart: the closest pair of true values differs by 0.11.
            Assert.InRange(indices[i].First.High - indices[i].First.Low, 0, 0.11);
            Assert.InRange(indices[i].Total.High - indices[i].Total.Low, 0, 0.11);
        }
    }

    [Fact]
    public void Bootstrap_intervals_cover_the_Ishigami_indices_at_about_95_percent()
    {
        // 200 independent designs x 6 indices. Intervals from iid resampling of Latin-hypercube rows are, if
        // anything, conservative; the bound is 95% less 4.5 binomial standard errors of the coverage estimate.
        int hits = 0, total = 0;
        for (ulong seed = 0; seed < 200; seed++)
        {
            var indices = Ishigami(512, 1000 + seed * 7, 500);
            for (int i = 0; i < 3; i++)
            {
                hits += (indices[i].First.Contains(TestFunctions.IshigamiFirst[i]) ? 1 : 0) + (indices[i].Total.Contains(TestFunctions.IshigamiTotal[i]) ? 1 : 0);
                total += 2;
            }
        }
        double coverage = (double)hits / total, se = Math.Sqrt(0.95 * 0.05 / total);
        Assert.True(coverage >= 0.95 - 4.5 * se, $"coverage {coverage:P1} over {total} intervals");
    }

    [Fact]
    public void G_function_first_order_indices_lie_in_their_intervals()
    {
        double[] a = [0, 1, 4.5, 9, 99];
        var factors = a.Select((_, i) => new Factor($"x{i + 1}", 0, 1)).ToArray();
        var design = SaltelliDesign.Build(factors, 8192, 3);
        var indices = SobolIndices.Estimate(design, design.Points.Select(x => TestFunctions.G(x, a)).ToArray(), 1000, 4);
        var expected = TestFunctions.GFirst(a);
        for (int i = 0; i < a.Length; i++)
            Assert.True(indices[i].First.Contains(expected[i]), $"S{i + 1}: {indices[i].First} vs {expected[i]:0.0000}");
    }

    [Fact]
    public void A_constant_output_is_refused_rather_than_given_made_up_indices()
    {
        var design = SaltelliDesign.Build(TestFunctions.IshigamiFactors, 16, 1);
        var e = Assert.Throws<ArgumentException>(() => SobolIndices.Estimate(design, new double[design.Count]));
        Assert.Contains("does not vary", e.Message);
    }
}
