using RouteSim.Core.Statistics;

namespace RouteSim.Core.Tests.Statistics;

public class SummaryTests
{
    [Theory]
    [InlineData(1, 12.7062047)]
    [InlineData(10, 2.2281389)]
    [InlineData(100, 1.9839715)]
    public void Student_t_quantiles_match_tables(int df, double expected) =>
        Assert.Equal(expected, Summary.TQuantile975(df), 6);

    [Fact]
    public void Summary_matches_the_two_pass_formulas()
    {
        double[] x = [3, 7, 7, 19, 24, 1e6 + 0.5, 1e6 + 0.25];
        var s = Summary.FromSample(x);
        double mean = x.Average();
        double sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
        Assert.Equal(mean, s.Mean, 9);
        Assert.Equal(sd, s.Sd, 6);
        double half = Summary.TQuantile975(x.Length - 1) * sd / Math.Sqrt(x.Length);
        Assert.Equal(mean - half, s.CiLow, 6);
        Assert.Equal(mean + half, s.CiHigh, 6);
        Assert.Equal(x.Length, s.N);
    }

    [Fact]
    public void One_observation_has_no_spread()
    {
        var s = Summary.FromSample([5.0]);
        Assert.Equal(5, s.Mean);
        Assert.True(double.IsNaN(s.Sd) && double.IsNaN(s.CiLow) && double.IsNaN(s.CiHigh));
    }
}
