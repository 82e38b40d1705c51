using RouteSim.Analysis.Calibration;
using ScottPlot;

namespace RouteSim.Plotting;

/// <summary>Figures of a calibration: observed against simulated for every target over the keys, and the loss trace.</summary>
public static class CalibrationFigures
{
    /// <summary>Observed values (dots) and the fitted model's (lines) for each target; a dashed line marks the end of the data used in the fit.</summary>
    /// <param name="observed">Observed rows on the compared scale, by key.</param>
    /// <param name="simulated">The model's rows on the compared scale, by key (predictions after the fitted keys).</param>
    public static Figure ObservedAgainstSimulated(string title, string keyName, string valueName, IReadOnlyList<string> targets,
        IReadOnlyDictionary<long, double[]> observed, IReadOnlyDictionary<long, double[]> simulated, long lastFitted, bool anchored)
    {
        var plot = FigureStyle.New(title, keyName, valueName);
        var keys = simulated.Keys.Order().ToArray();
        for (int j = 0; j < targets.Count; j++)
        {
            var color = FigureStyle.Color(j);
            var line = plot.Add.Scatter(keys.Select(k => (double)k).ToArray(), keys.Select(k => simulated[k][j]).ToArray(), color);
            line.LegendText = targets[j];
            line.MarkerSize = 0;
            line.LineWidth = 2;
            var seen = observed.Keys.Order().ToArray();
            if (seen.Length == 0) continue;
            var dots = plot.Add.Scatter(seen.Select(k => (double)k).ToArray(), seen.Select(k => observed[k][j]).ToArray(), color);
            dots.LineWidth = 0;
            dots.MarkerSize = 8;
            dots.MarkerShape = MarkerShape.FilledCircle;
        }
        var end = plot.Add.VerticalLine(lastFitted + 0.5);
        end.LinePattern = LinePattern.Dashed;
        end.Color = Colors.Gray;
        end.Text = "end of fitted data";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(keys.Select(k => (double)k).ToArray(), keys.Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        FigureStyle.LegendOutside(plot);
        return new Figure("observed-vs-simulated",
            $"{valueName} by {keyName}: observed (dots) and the fitted model (lines, mean over replications). Data right of the dashed line were not used in the fit" +
            (anchored ? "; there the lines are the last fitted observation moved by the model's predicted change (anchored)." : "."),
            plot, 1100, 600);
    }

    /// <summary>The loss at each evaluation and the best so far, on a log scale.</summary>
    public static Figure LossTrace(FitResult fit, string lossMeaning)
    {
        var plot = FigureStyle.New("Calibration: loss by evaluation", "evaluation", $"log10 {lossMeaning}");
        var ok = fit.Trace.Where(e => e.Loss < double.MaxValue && e.Loss > 0).ToArray();
        var tried = plot.Add.ScatterPoints(ok.Select(e => (double)e.Evaluation).ToArray(), ok.Select(e => Math.Log10(e.Loss)).ToArray(), FigureStyle.Color(2));
        tried.LegendText = "evaluated";
        tried.MarkerSize = 4;
        var best = plot.Add.Scatter(fit.Trace.Select(e => (double)e.Evaluation).ToArray(), fit.Trace.Select(e => Math.Log10(Math.Max(e.BestLoss, 1e-300))).ToArray(), FigureStyle.Color(0));
        best.LegendText = "best so far";
        best.MarkerSize = 0;
        best.LineWidth = 2;
        FigureStyle.LegendOutside(plot);
        return new Figure("loss-trace", $"Loss ({lossMeaning}) of every Nelder-Mead evaluation, and the best so far. {fit.StopReason}.", plot, 960, 480);
    }
}
