using RouteSim.Analysis.Sensitivity;
using ScottPlot;

namespace RouteSim.Plotting;

/// <summary>Bar charts of sensitivity indices: Sobol first-order and total side by side, or Morris mu* with sigma beside it.</summary>
public static class SensitivityFigures
{
    /// <summary>First-order and total Sobol indices of one outcome, with 95% bootstrap whiskers.</summary>
    public static Figure Sobol(string outcome, IReadOnlyList<SobolIndex> indices)
    {
        var plot = FigureStyle.New($"Sobol indices of {outcome}", "parameter", "share of output variance");
        var bars = new List<Bar>();
        var whiskers = new List<(double, double, double)>();
        for (int i = 0; i < indices.Count; i++)
        {
            bars.Add(Whiskered(whiskers, i - 0.2, indices[i].First, FigureStyle.Color(0)));
            bars.Add(Whiskered(whiskers, i + 0.2, indices[i].Total, FigureStyle.Color(1)));
        }
        plot.Add.Bars(bars);
        Whiskers.Add(plot, whiskers);
        Label(plot, indices.Select(i => i.Factor).ToArray(), whiskers.Any(w => w.Item2 < 0));
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "first order S1", FillColor = FigureStyle.Color(0) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "total ST", FillColor = FigureStyle.Color(1) });
        FigureStyle.LegendOutside(plot);
        return new Figure(FileName("sobol", outcome),
            $"Sobol indices of {outcome}: the share of its variance due to each parameter alone (S1) and with all its interactions (ST), with 95% bootstrap intervals.",
            plot, 960, 520);
    }

    /// <summary>Morris mu* of one outcome with 95% bootstrap whiskers, and sigma beside it.</summary>
    public static Figure Morris(string outcome, IReadOnlyList<MorrisEffect> effects)
    {
        var plot = FigureStyle.New($"Morris screening of {outcome}", "parameter", "elementary effect (per unit of range)");
        var bars = new List<Bar>();
        var whiskers = new List<(double, double, double)>();
        for (int i = 0; i < effects.Count; i++)
        {
            bars.Add(Whiskered(whiskers, i - 0.2, effects[i].MuStar, FigureStyle.Color(0)));
            bars.Add(new Bar { Position = i + 0.2, Value = double.IsFinite(effects[i].Sigma) ? effects[i].Sigma : 0, FillColor = FigureStyle.Color(2), Size = 0.38 });
        }
        plot.Add.Bars(bars);
        Whiskers.Add(plot, whiskers);
        Label(plot, effects.Select(e => e.Factor).ToArray(), whiskers.Any(w => w.Item2 < 0));
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "mu* (mean |effect|)", FillColor = FigureStyle.Color(0) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "sigma (spread: nonlinearity, interactions)", FillColor = FigureStyle.Color(2) });
        FigureStyle.LegendOutside(plot);
        return new Figure(FileName("morris", outcome),
            $"Morris screening of {outcome}: mu*, the mean absolute change in the outcome when a parameter moves across its range (with 95% bootstrap intervals), and sigma, how much that effect varies from place to place.",
            plot, 960, 520);
    }

    private static Bar Whiskered(List<(double, double, double)> whiskers, double position, Interval value, Color color)
    {
        whiskers.Add((position, value.Low, value.High));
        return new Bar { Position = position, Value = double.IsFinite(value.Estimate) ? value.Estimate : 0, FillColor = color, Size = 0.38 };
    }

    private static void Label(Plot plot, string[] names, bool belowZero)
    {
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(names.Select((_, i) => (double)i).ToArray(), names);
        if (names.Length > 4)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -30;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.Axes.Bottom.MinimumSize = 90;
        }
        // Bars stand on the axis, unless an interval reaches below zero (a Sobol estimate's can): then it shows whole.
        if (!belowZero) plot.Axes.Margins(bottom: 0);
    }

    private static string FileName(string kind, string outcome) =>
        $"{kind}-{new string(outcome.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray())}";
}
