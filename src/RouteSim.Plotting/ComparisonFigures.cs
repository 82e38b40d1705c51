using RouteSim.Results.Reading;
using ScottPlot;

namespace RouteSim.Plotting;

/// <summary>The figures of a comparison: flows by crossing in both arms, what became of the targeted drop, deaths per attempt, and the change on the map.</summary>
public static class ComparisonFigures
{
    /// <summary>Crossings shown in the per-crossing figure: the most changed.</summary>
    public const int Crossings = 14;

    /// <summary>Every figure of a comparison, in report order.</summary>
    public static IReadOnlyList<Figure> All(ComparisonFolder comparison)
    {
        var figures = new List<Figure> { CrossingFlows(comparison), Decomposition(comparison), DeathRates(comparison) };
        var baseline = RunFigures.EdgeFlows(comparison.Baseline, comparison.Baseline.RouteSeries());
        var intervention = RunFigures.EdgeFlows(comparison.Intervention, comparison.Intervention.RouteSeries());
        var change = baseline.Keys.Union(intervention.Keys).ToDictionary(k => k, k => intervention.GetValueOrDefault(k) - baseline.GetValueOrDefault(k));
        var map = MapFigure.Draw(comparison.Intervention, change, "Where the flow moved", e => change[e] >= 0 ? FigureStyle.Color(6) : FigureStyle.Color(5),
            "change-map", "Change of mean trips on each edge over the run, intervention minus baseline: vermillion where flow rose, blue where it fell; width shows the size of the change.");
        if (map is not null) figures.Add(map);
        return figures;
    }

    /// <summary>Flow over the window at the most changed crossings in both arms, with 95% whiskers.</summary>
    public static Figure CrossingFlows(ComparisonFolder comparison)
    {
        var rows = comparison.Locations.OrderByDescending(l => Math.Abs(l.Change)).Take(Crossings).OrderBy(l => l.Change).ToArray();
        var plot = FigureStyle.New("Flow by crossing, both arms", "crossing", $"crossings over {comparison.Manifest.PeriodUnit}s {Window(comparison)}");
        var bars = new List<Bar>();
        for (int i = 0; i < rows.Length; i++)
        {
            bars.Add(new Bar { Position = i - 0.2, Value = rows[i].Baseline, FillColor = FigureStyle.Color(0), Size = 0.38 });
            bars.Add(new Bar { Position = i + 0.2, Value = rows[i].Intervention, FillColor = FigureStyle.Color(1), Size = 0.38 });
        }
        plot.Add.Bars(bars);
        Whiskers.Add(plot, rows.SelectMany((r, i) => new[] { (i - 0.2, r.BaselineLow, r.BaselineHigh), (i + 0.2, r.InterventionLow, r.InterventionHigh) }));
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, rows.Length).Select(i => (double)i).ToArray(),
            rows.Select(r => r.Targeted ? r.Location + " *" : r.Location).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 110;
        plot.Axes.Margins(bottom: 0);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "baseline", FillColor = FigureStyle.Color(0) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "intervention", FillColor = FigureStyle.Color(1) });
        FigureStyle.LegendOutside(plot);
        return new Figure("crossing-flows", $"Flow over the window at the {rows.Length} most changed crossings, baseline and intervention, with 95% intervals; * marks a targeted crossing.", plot, 1100, 560);
    }

    /// <summary>What became of the targeted drop: displaced to other crossings, deterred (not attempted), and the rest.</summary>
    public static Figure Decomposition(ComparisonFolder comparison)
    {
        var plot = FigureStyle.New("What became of the targeted drop", "", "trips over the window");
        var drop = comparison["targeted_drop"];
        double deterred = comparison["attempts_baseline"].Estimate - comparison["attempts_intervention"].Estimate;
        double displaced = comparison["displaced_increase"].Estimate;
        if (double.IsNaN(drop.Estimate))
        {
            plot.Add.Annotation($"undefined: {drop.Note}");
            return new Figure("decomposition", "The targeted drop is undefined for this comparison.", plot, 900, 480);
        }
        double rest = drop.Estimate - displaced - deterred;
        var parts = new (string Label, double Value, int Colour)[] { ("displaced", displaced, 1), ("deterred", deterred, 2), ("stopped or ended upstream", rest, 4) };
        var bars = parts.Select((p, i) => new Bar { Position = i, Value = p.Value, FillColor = FigureStyle.Color(p.Colour), Label = p.Value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture) }).ToList();
        bars.Insert(0, new Bar { Position = -1, Value = drop.Estimate, FillColor = FigureStyle.Color(0), Label = drop.Estimate.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture) });
        var plotted = plot.Add.Bars(bars);
        Whiskers.Add(plot, -1, drop.CiLow, drop.CiHigh);
        plotted.ValueLabelStyle.FontName = FigureStyle.FontName;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([-1, 0, 1, 2], ["targeted drop", "displaced", "deterred", "stopped or ended upstream"]);
        plot.Axes.Margins(bottom: 0);
        return new Figure("decomposition", "The targeted drop (with its 95% interval) split into the flow displaced to other crossings, the trips not attempted (deterred), and the remainder: trips stopped or ended before a crossing.", plot, 900, 480);
    }

    /// <summary>Deaths per 1,000 attempts in each arm with 95% whiskers.</summary>
    public static Figure DeathRates(ComparisonFolder comparison)
    {
        var plot = FigureStyle.New("Deaths per 1,000 attempts", "", "deaths per 1,000 attempts");
        var b = comparison["deaths_per_1000_attempts_baseline"];
        var x = comparison["deaths_per_1000_attempts_intervention"];
        plot.Add.Bars(new List<Bar>
        {
            new() { Position = 0, Value = Zero(b.Estimate), FillColor = FigureStyle.Color(0) },
            new() { Position = 1, Value = Zero(x.Estimate), FillColor = FigureStyle.Color(1) },
        });
        Whiskers.Add(plot, [(0, b.CiLow, b.CiHigh), (1, x.CiLow, x.CiHigh)]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([0, 1], ["baseline", "intervention"]);
        plot.Axes.Margins(bottom: 0);
        return new Figure("death-rates", "Deaths per 1,000 attempts over the window in each arm, with 95% intervals.", plot, 700, 480);
    }

    private static double Zero(double v) => double.IsNaN(v) ? 0 : v;

    private static string Window(ComparisonFolder c)
    {
        var parts = c.Manifest.Window.Split(':');
        return $"{parts[0]}-{int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) - 1}";
    }
}
