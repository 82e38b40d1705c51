using RouteSim.Plotting.Tests.Support;
using RouteSim.Results.Reading;

namespace RouteSim.Plotting.Tests;

/// <summary>
/// Deterrence events (docs/model.md section 9) show where enforcement changes show: in enforcement.csv, as marks
/// on the figures over time, labelled with what changed. The tutorial's own events: X1 +40 on day 20 and X1 set to
/// 0 on day 40; added here: a deterrence cost of 2 at X1 on day 20 and of 1 at X3 and 0.5 more at X1 on day 30.
/// </summary>
public class DeterrenceEventsTests
{
    private static string[] MarkLabels(ScottPlot.Plot plot) =>
        plot.GetPlottables().OfType<ScottPlot.Plottables.Text>().Select(t => t.LabelText).Where(t => t.Contains("change", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void Enforcement_csv_gives_the_deterrence_cost_beside_the_resources_from_where_either_starts()
    {
        Assert.Equal(
            ["period,location,resources,deterrence_cost", "0,X1,5,0", "20,X1,45,2", "30,X1,45,2.5", "30,X3,0,1", "40,X1,0,2.5"],
            File.ReadAllLines(Path.Combine(ResultFolders.RunWithDeterrence, "enforcement.csv")));
        var run = RunFolder.Open(ResultFolders.RunWithDeterrence);
        Assert.Equal([new ScheduleEvent(20, true, true), new ScheduleEvent(30, false, true), new ScheduleEvent(40, true, false)], run.Events);
        Assert.Equal(2.5, run.Schedule.Single(s => s.Period == 30 && s.Location == "X1").DeterrenceCost);
    }

    [Fact]
    public void Without_deterrence_events_enforcement_csv_keeps_its_three_columns()
    {
        Assert.Equal(["period,location,resources", "0,X1,5", "20,X1,45", "40,X1,0"], File.ReadAllLines(Path.Combine(ResultFolders.Run, "enforcement.csv")));
        Assert.Equal([new ScheduleEvent(20, true, false), new ScheduleEvent(40, true, false)], RunFolder.Open(ResultFolders.Run).Events);
    }

    [Fact]
    public void Run_and_comparison_figures_mark_every_event_with_what_changed()
    {
        var run = RunFolder.Open(ResultFolders.RunWithDeterrence);
        var flows = RunFigures.Flows(run, run.LocationSeries("traversals"));
        string[] expected = ["enforcement and deterrence cost change, day 20", "deterrence cost changes, day 30", "enforcement changes, day 40"];
        Assert.Equal(expected, MarkLabels(flows.Plot));
        Assert.Equal([20.0, 30, 40], flows.Plot.GetPlottables().OfType<ScottPlot.Plottables.VerticalLine>().Select(v => v.X));

        var comparison = ComparisonFolder.Open(ResultFolders.ComparisonWithDeterrence);
        Assert.Equal(expected, MarkLabels(ComparisonFigures.FlowOverTime(comparison).Plot));
        // Against the tutorial, X1 keeps its resources and gains a cost, X3 only gains a cost.
        Assert.Equal(["X1", "X3"], comparison.Manifest.TargetedCrossings);
        Assert.Equal([Analysis.Counterfactuals.TargetReason.DeterrenceCost, Analysis.Counterfactuals.TargetReason.None, Analysis.Counterfactuals.TargetReason.DeterrenceCost],
            comparison.Locations.Select(l => l.TargetedBy));
    }
}
