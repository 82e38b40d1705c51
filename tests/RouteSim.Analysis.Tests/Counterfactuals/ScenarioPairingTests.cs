using RouteSim.Analysis.Counterfactuals;
using static RouteSim.Analysis.Tests.Counterfactuals.Arms;

namespace RouteSim.Analysis.Tests.Counterfactuals;

public class ScenarioPairingTests
{
    private static readonly RouteSim.Core.Model.Node[] Crossings = [Crossing("A"), Crossing("B")];

    [Fact]
    public void Enforcement_and_labels_may_differ()
    {
        var b = Parallel(Crossings, At(("A", 1)));
        var x = Parallel(Crossings, At(("B", 9))) with { Name = "other", Seed = 3, Replications = 7 };
        Assert.Empty(ScenarioPairing.Differences(b, x));
    }

    [Fact]
    public void Anything_that_breaks_the_pairing_is_named()
    {
        var b = Parallel(Crossings, At());
        Assert.Contains("organizations[0] (org) differs", ScenarioPairing.Differences(b, Parallel(Crossings, At(), agents: 10)));
        Assert.Contains("periods differs (40 vs 41)", ScenarioPairing.Differences(b, Parallel(Crossings, At(), periods: 41)));
        Assert.Contains("nodes[2] (B) differs", ScenarioPairing.Differences(b, Parallel([Crossing("A"), Crossing("B", danger: 0.1)], At())));
        Assert.Contains("nodes: 4 in the baseline, 3 in the intervention", ScenarioPairing.Differences(b, Parallel([Crossing("A")], At())));
    }

    [Theory]
    [InlineData("10:30", 10, 30)]
    [InlineData(":30", 0, 30)]
    [InlineData("10:", 10, 60)]
    [InlineData(":", 0, 60)]
    public void Windows_parse_like_slices(string text, int from, int to) =>
        Assert.Equal(new Window(from, to), Window.Parse(text, 60, out _));

    [Theory]
    [InlineData("30:10")]
    [InlineData("0:61")]
    [InlineData("-1:5")]
    [InlineData("a:b")]
    [InlineData("5")]
    public void Impossible_windows_are_refused_with_a_reason(string text)
    {
        Assert.Null(Window.Parse(text, 60, out var problem));
        Assert.StartsWith("--window", problem);
    }
}
