using RouteSim.Plotting.Tests.Support;
using RouteSim.Results.Reading;
using static RouteSim.Plotting.Tests.Support.PlotInspection;

namespace RouteSim.Plotting.Tests;

public class ComparisonFiguresTests
{
    private static readonly ComparisonFolder Comparison = ComparisonFolder.Open(ResultFolders.Comparison);

    [Fact]
    public void Crossing_flows_show_both_arms_with_their_intervals()
    {
        var plot = ComparisonFigures.CrossingFlows(Comparison).Plot;
        var bars = Bars(plot);
        var whiskers = Whiskers(plot);
        Assert.Equal(2 * Comparison.Locations.Count, bars.Length);
        foreach (var row in Comparison.Locations)
        {
            // Each whisker runs from the interval's own ends, not estimate +- half its width.
            var baseline = Assert.Single(bars, b => b.Value == row.Baseline);
            Assert.Contains(whiskers, w => w.X == baseline.Position && w.Low == row.BaselineLow && w.High == row.BaselineHigh);
            var intervention = Assert.Single(bars, b => b.Value == row.Intervention);
            Assert.Contains(whiskers, w => w.X == intervention.Position && w.Low == row.InterventionLow && w.High == row.InterventionHigh);
        }
    }

    [Fact]
    public void The_decomposition_adds_up_to_the_targeted_drop()
    {
        var bars = Bars(ComparisonFigures.Decomposition(Comparison).Plot);
        Assert.Equal(4, bars.Length);
        Assert.Equal(Comparison["targeted_drop"].Estimate, bars[0].Value, 6);
        Assert.Equal(bars[0].Value, bars[1].Value + bars[2].Value + bars[3].Value, 6);
        Assert.Equal(Comparison["displaced_increase"].Estimate, bars[1].Value, 6);
        var drop = Comparison["targeted_drop"];
        Assert.Contains(Whiskers(ComparisonFigures.Decomposition(Comparison).Plot), w => w.X == bars[0].Position && w.Low == drop.CiLow && w.High == drop.CiHigh);
    }

    [Fact]
    public void Death_rates_are_the_measures()
    {
        var bars = Bars(ComparisonFigures.DeathRates(Comparison).Plot);
        Assert.Equal(Comparison["deaths_per_1000_attempts_baseline"].Estimate, bars[0].Value);
        Assert.Equal(Comparison["deaths_per_1000_attempts_intervention"].Estimate, bars[1].Value);
        Assert.True(bars[1].Value > bars[0].Value, "the deployment pushes people into the desert");
    }
}
