using RouteSim.Analysis.Counterfactuals;

namespace RouteSim.Analysis.Tests.Counterfactuals;

public class PairedEstimateTests
{
    [Fact]
    public void Exact_ratios_have_zero_width()
    {
        var s = PairedEstimate.Ratio([2, 4, 6], [1, 2, 3])!.Value;
        Assert.Equal(2, s.Mean, 12);
        Assert.Equal(2, s.CiLow, 12);
        Assert.Equal(2, s.CiHigh, 12);
        Assert.Null(PairedEstimate.Ratio([1, 2], [0, 0]));
    }

    /// <summary>The linearised interval covers the true ratio about 95% of the time (checked over 4,000 data sets).</summary>
    [Fact]
    public void Ratio_intervals_have_their_nominal_coverage()
    {
        var random = new Random(17);
        const int trials = 4000, n = 40;
        int covered = 0;
        for (int trial = 0; trial < trials; trial++)
        {
            var b = new double[n];
            var a = new double[n];
            for (int i = 0; i < n; i++)
            {
                b[i] = 100 + 10 * Normal(random);
                a[i] = 0.3 * b[i] + 4 * Normal(random);
            }
            var s = PairedEstimate.Ratio(a, b)!.Value;
            if (s.CiLow <= 0.3 && 0.3 <= s.CiHigh) covered++;
        }
        double p = (double)covered / trials, se = Math.Sqrt(0.95 * 0.05 / trials);
        Assert.InRange(p, 0.95 - 4.5 * se, 0.95 + 4.5 * se);
    }

    private static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
