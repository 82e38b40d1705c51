using RouteSim.Analysis.Sensitivity;
using static RouteSim.Plotting.Tests.Support.PlotInspection;

namespace RouteSim.Plotting.Tests;

/// <summary>Sensitivity charts draw each interval from its own ends, however lopsided about the estimate.</summary>
public class SensitivityFiguresTests
{
    [Fact]
    public void Sobol_whiskers_run_from_ci_low_to_ci_high()
    {
        // The case: S1 of effectiveness 0.393 with bootstrap interval [0.104, 0.682] was drawn as [0.067, 0.645].
        var indices = new[]
        {
            new SobolIndex("effectiveness", new Interval(0.32, 0.104, 0.682), new Interval(0.5, 0.41, 0.93)),
            new SobolIndex("temperature", new Interval(0.05, -0.02, 0.08), new Interval(0.1, 0.07, 0.31)),
        };
        var plot = SensitivityFigures.Sobol("deaths", indices).Plot;
        var whiskers = Whiskers(plot);
        Assert.Equal(4, whiskers.Length);
        Assert.Contains((-0.2, 0.104, 0.682), whiskers);
        Assert.Contains((0.2, 0.41, 0.93), whiskers);
        Assert.Contains((0.8, -0.02, 0.08), whiskers);
        Assert.Contains((1.2, 0.07, 0.31), whiskers);
        Assert.All(Bars(plot), b => Assert.Equal(0, b.Error));
    }

    [Fact]
    public void Morris_whiskers_run_from_ci_low_to_ci_high()
    {
        var effects = new[] { new MorrisEffect("effectiveness", 2, new Interval(3, 1, 7), 2.5) };
        var whiskers = Whiskers(SensitivityFigures.Morris("deaths", effects).Plot);
        Assert.Equal((-0.2, 1.0, 7.0), Assert.Single(whiskers));
    }
}
