using RouteSim.Analysis.Designs;
using RouteSim.Analysis.Sensitivity;

namespace RouteSim.Analysis.Tests.Sensitivity;

public class DesignAdequacyTests
{
    private static Design Saltelli(int n) => new(DesignKind.Saltelli, [], [], null, BaseSamples: n);

    [Theory]
    [InlineData(2, "only 3 distinct resamples")]
    [InlineData(3, "only 10 distinct resamples")]
    [InlineData(29, "fewer than 30 base rows")]
    public void Small_saltelli_designs_are_warned_about_before_running(int n, string words) =>
        Assert.Contains(words, Assert.Single(DesignAdequacy.BeforeRun(Saltelli(n))));

    [Fact]
    public void Designs_of_thirty_rows_or_more_get_no_warning() => Assert.Empty(DesignAdequacy.BeforeRun(Saltelli(30)));

    [Fact]
    public void The_issue_21_estimates_are_named()
    {
        // N = 2: indices of 1.6 and 2.2 with an interval up to 403.
        var indices = new[]
        {
            new SobolIndex("effectiveness", new Interval(1.6, -12, 403), new Interval(2.2, 0.3, 9)),
            new SobolIndex("temperature", new Interval(0.1, 0.0, 0.4), new Interval(0.2, 0.1, 0.5)),
        };
        var warnings = DesignAdequacy.Sobol(Saltelli(2), "deaths", indices);
        Assert.Equal(2, warnings.Count);
        Assert.Contains("[-12, 403], wider than the whole 0-1 range", warnings[0]);
        Assert.Contains("S1 of effectiveness = 1.6, ST of effectiveness = 2.2 lies far outside 0-1", warnings[1]);
    }

    [Fact]
    public void Estimates_within_their_range_get_no_warning() =>
        Assert.Empty(DesignAdequacy.Sobol(Saltelli(256), "deaths", [new SobolIndex("e", new Interval(0.4, 0.3, 0.5), new Interval(0.6, 0.5, 0.7))]));
}
