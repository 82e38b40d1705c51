using System.Globalization;
using RouteSim.Analysis.Counterfactuals;
using RouteSim.Core.Engine;
using RouteSim.Plotting.Maps;
using RouteSim.Plotting.Text;
using RouteSim.Results.Reading;
using ScottPlot;

namespace RouteSim.Plotting;

/// <summary>
/// The figures of a comparison: flow at reinforced and unreinforced crossings over time in both arms, what became
/// of the flow lost at reinforced crossings, flows by crossing, deaths over time and per 1,000 attempts, and the
/// change on the map. Every interval is drawn from its own ends (ci_low to ci_high), every bar carries its value.
/// </summary>
public static class ComparisonFigures
{
    /// <summary>Crossings shown in the per-crossing figure: the most changed.</summary>
    public const int Crossings = 14;

    /// <summary>Every figure of a comparison, in report order.</summary>
    public static IReadOnlyList<Figure> All(ComparisonFolder comparison)
    {
        var figures = new List<Figure> { FlowOverTime(comparison), Decomposition(comparison), CrossingFlows(comparison) };
        if (DeathsOverTime(comparison) is { } deaths) figures.Add(deaths);
        figures.Add(DeathRates(comparison));
        var content = MapContents.Change(comparison);
        const string change = "each edge as wide as the trips over the window in the busier arm, coloured by its change, intervention minus baseline, relative to the baseline where the change's 95% interval excludes zero";
        figures.Add(MapFigure.Draw(comparison.Intervention, content, "change-map", $"Where the flow moved over the window: {change}. Scale, colours and marks are explained in the legend.")
            ?? NetworkFigure.Draw(comparison.Intervention, content, "change-network", $"Where the flow moved over the window, the network laid out in route order (some nodes have no coordinates, so no map): {change}."));
        return figures;
    }

    /// <summary>Crossings per period at the reinforced and at the unreinforced crossings, both arms, with 95% bands.</summary>
    public static Figure FlowOverTime(ComparisonFolder comparison)
    {
        var m = comparison.Manifest;
        var targeted = comparison.Locations.Where(l => l.Targeted).Select(l => comparison.Baseline.LocationIndex[l.Location]).ToArray();
        var others = comparison.Locations.Where(l => !l.Targeted).Select(l => comparison.Baseline.LocationIndex[l.Location]).ToArray();
        string kind = ComparisonStory.TargetWord(comparison);
        var plot = FigureStyle.New("Crossings per " + m.PeriodUnit + ", with and without the intervention", "", $"crossings per {m.PeriodUnit}");
        var b = comparison.Baseline.LocationSeries(LocationMetric.Traversals);
        var x = comparison.Intervention.LocationSeries(LocationMetric.Traversals);
        int width = TimeAxis.SmoothingWidth(m.Periods, m.PeriodUnit);
        Band Of(double[][][] series, int[] set) => Band.From(TimeAxis.RollingMean(series.Select(rep => rep.Select(p => set.Sum(l => p[l])).ToArray()).ToArray(), width));
        var bands = new List<Band>();
        if (targeted.Length > 0)
        {
            bands.Add(Line(plot, Of(b, targeted), $"{kind} ({targeted.Length}), baseline", FigureStyle.Color(0), LinePattern.Dashed));
            bands.Add(Line(plot, Of(x, targeted), $"{kind} ({targeted.Length}), intervention", FigureStyle.Color(0), LinePattern.Solid));
        }
        if (others.Length > 0)
        {
            bands.Add(Line(plot, Of(b, others), $"not {kind} ({others.Length}), baseline", FigureStyle.Color(5), LinePattern.Dashed));
            bands.Add(Line(plot, Of(x, others), $"not {kind} ({others.Length}), intervention", FigureStyle.Color(5), LinePattern.Solid));
        }
        double top = FromZero(plot, bands);
        TimeAxis.Apply(plot, m.Periods, m.PeriodUnit, m.StartDate);
        TimeAxis.MarkEvents(plot, comparison.Intervention.Events, m.PeriodUnit, m.StartDate, top);
        FigureStyle.LegendOutside(plot);
        string window = ComparisonStory.WindowText(m.Window, m.PeriodUnit, m.StartDate);
        return new Figure("flow-over-time", $"Crossings per {m.PeriodUnit} at the crossings the intervention {(kind == "targeted" ? "targets (more resources or a higher deterrence cost)" : "reinforces")} and at those it does not, "
            + $"without the intervention (dashed) and with it (solid): mean over {m.Replications} replications with its 95% band{Smoothed(width, m.PeriodUnit)}. Measures are taken over {window}.", plot, 1100, 540);
    }

    /// <summary>Deaths per period in both arms with 95% bands; null when no trip in the scenario carries people.</summary>
    public static Figure? DeathsOverTime(ComparisonFolder comparison)
    {
        if (double.IsNaN(comparison[ComparisonMeasures.DeathsBaseline.Name].Estimate)) return null;
        var m = comparison.Manifest;
        var plot = FigureStyle.New("Deaths per " + m.PeriodUnit + ", with and without the intervention", "", $"deaths per {m.PeriodUnit}");
        int width = TimeAxis.SmoothingWidth(m.Periods, m.PeriodUnit);
        Band Of(RunFolder run) => Band.From(TimeAxis.RollingMean(run.OrganizationSeries(OrganizationMetric.Deaths).Select(rep => rep.Select(p => p.Sum()).ToArray()).ToArray(), width));
        var bands = new List<Band>
        {
            Line(plot, Of(comparison.Baseline), "baseline", FigureStyle.Color(0), LinePattern.Dashed),
            Line(plot, Of(comparison.Intervention), "intervention", FigureStyle.Color(5), LinePattern.Solid),
        };
        double top = FromZero(plot, bands);
        TimeAxis.Apply(plot, m.Periods, m.PeriodUnit, m.StartDate);
        TimeAxis.MarkEvents(plot, comparison.Intervention.Events, m.PeriodUnit, m.StartDate, top);
        FigureStyle.LegendOutside(plot);
        return new Figure("deaths-over-time", $"Deaths per {m.PeriodUnit} on the way, every people-carrying trip, without the intervention (dashed) and with it (solid): mean with its 95% band{Smoothed(width, m.PeriodUnit)}.", plot, 1100, 480);
    }

    /// <summary>Flow over the window at the most changed crossings in both arms, with 95% whiskers.</summary>
    public static Figure CrossingFlows(ComparisonFolder comparison)
    {
        var rows = comparison.Locations.OrderByDescending(l => Math.Abs(l.Change)).Take(Crossings).OrderBy(l => l.Change).ToArray();
        var labels = comparison.Baseline.Nodes.ToDictionary(n => n.Id, n => n.Label.Length > 0 ? n.Label : n.Id, StringComparer.Ordinal);
        var plot = FigureStyle.New("Flow by crossing, both arms", "", $"crossings over {Window(comparison)}");
        var bars = new List<(Bar, double, double)>();
        for (int i = 0; i < rows.Length; i++)
        {
            bars.Add((new Bar { Position = i - 0.2, Value = rows[i].Baseline, FillColor = FigureStyle.Color(0), Size = 0.38 }, rows[i].BaselineLow, rows[i].BaselineHigh));
            bars.Add((new Bar { Position = i + 0.2, Value = rows[i].Intervention, FillColor = FigureStyle.Color(1), Size = 0.38 }, rows[i].InterventionLow, rows[i].InterventionHigh));
        }
        AddBars(plot, bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, rows.Length).Select(i => (double)i).ToArray(),
            rows.Select(r => Short(labels.GetValueOrDefault(r.Location, r.Location)) + (r.Targeted ? " *" : "")).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 190;
        plot.Axes.Margins(bottom: 0);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "baseline", FillColor = FigureStyle.Color(0) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "intervention", FillColor = FigureStyle.Color(1) });
        FigureStyle.LegendOutside(plot);
        return new Figure("crossing-flows", $"Flow over the window at the {rows.Length} most changed crossings, baseline and intervention, with 95% intervals; * marks a {ComparisonStory.TargetWord(comparison)} crossing.", plot, 1100, 560);
    }

    /// <summary>
    /// What became of the flow lost at reinforced crossings: how much reappeared at crossings that were not
    /// reinforced, how much was not attempted (deterred), and the rest (stopped, died or ended before a crossing).
    /// When every crossing is reinforced, the split starts from the gross loss and gain instead.
    /// </summary>
    public static Figure Decomposition(ComparisonFolder comparison)
    {
        string kind = ComparisonStory.TargetWord(comparison);
        var plot = FigureStyle.New($"What became of the flow lost at {kind} crossings", "", "trips or crossings over the window");
        var drop = comparison[ComparisonMeasures.TargetedDrop.Name];
        if (double.IsNaN(drop.Estimate))
        {
            plot.Add.Annotation($"No crossing is {kind} during the window: {drop.Note.Replace("undefined: ", "", StringComparison.Ordinal)}", Alignment.MiddleCenter);
            plot.HideGrid();
            plot.Axes.Frameless();
            return new Figure("decomposition", "The intervention targets no crossing during the window (no more resources, no higher deterrence cost), so there is no lost flow to account for.", plot, 900, 480);
        }
        bool degenerate = comparison.Manifest.UnreinforcedCrossings.Count == 0;
        var lost = degenerate ? comparison[ComparisonMeasures.GrossLoss.Name] : drop;
        var moved = degenerate ? comparison[ComparisonMeasures.GrossGain.Name] : comparison[ComparisonMeasures.DisplacedIncrease.Name];
        var attemptsB = comparison[ComparisonMeasures.AttemptsBaseline.Name];
        var attemptsX = comparison[ComparisonMeasures.AttemptsIntervention.Name];
        double deterred = attemptsB.Estimate - attemptsX.Estimate;
        double rest = lost.Estimate - moved.Estimate - deterred;
        var parts = new (string Label, double Value, double Low, double High, int Colour)[]
        {
            (degenerate ? "lost where flow fell" : $"lost at {kind} crossings", lost.Estimate, lost.CiLow, lost.CiHigh, 0),
            (degenerate ? "reappeared where flow rose" : $"reappeared at crossings not {kind}", moved.Estimate, moved.CiLow, moved.CiHigh, 1),
            // A rise in attempts is a negative deterrence, and its bar says so rather than calling it deterred.
            (deterred >= 0 ? "not attempted (deterred)" : "deterred (below 0: more were attempted)", deterred, double.NaN, double.NaN, 2),
            ("the rest: stopped or ended before a crossing", rest, double.NaN, double.NaN, 4),
        };
        var bars = parts.Select((p, i) => (new Bar
        {
            Position = i,
            Value = p.Value,
            FillColor = FigureStyle.Color(p.Colour),
            Label = Quantities.Count(p.Value),
        }, p.Low, p.High)).ToList();
        var plotted = AddBars(plot, bars);
        plotted.ValueLabelStyle.FontName = FigureStyle.FontName;
        plotted.ValueLabelStyle.FontSize = 13;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([0, 1, 2, 3], parts.Select(p => Wrap(p.Label)).ToArray());
        plot.Axes.Bottom.MinimumSize = 70;
        // Room above (and below) the tallest bars for their value labels and whiskers.
        double top = parts.Max(p => Math.Max(p.Value, double.IsNaN(p.High) ? p.Value : p.High));
        double bottom = parts.Min(p => Math.Min(0, Math.Min(p.Value, double.IsNaN(p.Low) ? p.Value : p.Low)));
        double span = Math.Max(1, top - bottom);
        plot.Axes.SetLimitsY(bottom < -0.5 ? bottom - 0.12 * span : 0, top + 0.12 * span);
        plot.Axes.SetLimitsX(-0.6, parts.Length - 0.4);
        string caption = degenerate
            ? $"Every crossing is {kind}, so there is no 'other' crossing: the first bar is the flow lost at the crossings where it fell, the second the flow gained where it rose, "
            : kind == "targeted"
                ? "The flow lost at the targeted crossings (reinforced or made costlier by a deterrence cost), the part of it that reappeared at the other crossings, "
                : "The flow lost at the reinforced crossings, the part of it that reappeared at crossings the intervention did not reinforce, ";
        caption += "the trips not attempted because of the intervention (attempts in the baseline minus attempts with it; below 0 when more were attempted), and the remainder: trips stopped, "
            + "dead or ended before reaching a crossing (crossings and trips coincide where every route crosses the border once). 95% intervals where the measure has one.";
        return new Figure("decomposition", caption, plot, 1000, 520);
    }

    /// <summary>Deaths per 1,000 people-carrying attempts in each arm with 95% whiskers; a note instead when no trip carries people.</summary>
    public static Figure DeathRates(ComparisonFolder comparison)
    {
        var plot = FigureStyle.New("Deaths per 1,000 attempts carrying people", "", "deaths per 1,000 attempts");
        var b = comparison[ComparisonMeasures.DeathsPer1000AttemptsBaseline.Name];
        var x = comparison[ComparisonMeasures.DeathsPer1000AttemptsIntervention.Name];
        if (double.IsNaN(b.Estimate) || double.IsNaN(x.Estimate))
        {
            plot.Add.Annotation(b.Note.Length > 0 ? b.Note : x.Note, Alignment.MiddleCenter);
            plot.HideGrid();
            plot.Axes.Frameless();
            return new Figure("death-rates", "Deaths per 1,000 attempts are undefined for this comparison.", plot, 700, 480);
        }
        var measure = ComparisonMeasures.DeathsPer1000AttemptsBaseline;
        var plotted = AddBars(plot,
        [
            (new Bar { Position = 0, Value = b.Estimate, FillColor = FigureStyle.Color(0), Label = Quantities.Value(measure, b.Estimate, b.CiLow, b.CiHigh) }, b.CiLow, b.CiHigh),
            (new Bar { Position = 1, Value = x.Estimate, FillColor = FigureStyle.Color(1), Label = Quantities.Value(measure, x.Estimate, x.CiLow, x.CiHigh) }, x.CiLow, x.CiHigh),
        ]);
        plotted.ValueLabelStyle.FontName = FigureStyle.FontName;
        plotted.ValueLabelStyle.FontSize = 13;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([0, 1], ["baseline", "intervention"]);
        double top = Math.Max(Finite(b.CiHigh, b.Estimate), Finite(x.CiHigh, x.Estimate));
        plot.Axes.SetLimitsY(0, top * 1.15 + 1e-9);
        return new Figure("death-rates", "Deaths per 1,000 attempts of people-carrying trips over the window in each arm, with 95% intervals.", plot, 700, 480);
    }

    /// <summary>Adds bars, then each one's 95% whisker from the interval's own low end to its high end (none where the interval is unknown).</summary>
    public static ScottPlot.Plottables.BarPlot AddBars(Plot plot, IReadOnlyList<(Bar Bar, double Low, double High)> bars)
    {
        var plotted = plot.Add.Bars(bars.Select(b => b.Bar).ToList());
        Whiskers.Add(plot, bars.Select(b => (b.Bar.Position, b.Low, b.High)));
        return plotted;
    }

    /// <summary>The y axis from 0 to a little above the highest band, with room at the top for event labels; returns where labels go.</summary>
    private static double FromZero(Plot plot, IReadOnlyList<Band> bands)
    {
        double high = bands.Count == 0 ? 1 : Math.Max(1e-9, bands.Max(b => b.High.Max()));
        plot.Axes.SetLimitsY(0, high * 1.15);
        return high * 1.13;
    }

    private static string Smoothed(int width, string unit) => width > 1 ? $", each point the mean of the last {width} {unit}s" : "";

    private static Band Line(Plot plot, Band band, string label, Color color, LinePattern pattern)
    {
        var fill = plot.Add.FillY(band.Periods, band.Low, band.High);
        fill.FillColor = color.WithAlpha(0.2);
        fill.LineWidth = 0;
        var line = plot.Add.ScatterLine(band.Periods, band.Mean, color);
        line.LineWidth = 2;
        line.LinePattern = pattern;
        line.LegendText = label;
        return band;
    }

    private static double Finite(double value, double fallback) => double.IsNaN(value) ? fallback : value;

    /// <summary>A crossing's name cut to fit under a rotated tick (the full names are in the tables).</summary>
    private static string Short(string label) => label.Length <= 30 ? label : label[..29].TrimEnd() + "…";

    private static string Wrap(string label)
    {
        if (label.Length <= 22) return label;
        int cut = label.LastIndexOf(' ', 22);
        return cut > 0 ? label[..cut] + "\n" + Wrap(label[(cut + 1)..]) : label;
    }

    private static string Window(ComparisonFolder c)
    {
        var parts = c.Manifest.Window.Split(':');
        return $"{c.Manifest.PeriodUnit}s {parts[0]}-{int.Parse(parts[1], CultureInfo.InvariantCulture) - 1}";
    }
}
