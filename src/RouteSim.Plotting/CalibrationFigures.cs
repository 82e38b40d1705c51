using RouteSim.Analysis.Calibration;
using ScottPlot;

namespace RouteSim.Plotting;

/// <summary>Figures of a calibration: observed against simulated for every target over the keys, and the loss trace.</summary>
public static class CalibrationFigures
{
    /// <summary>
    /// Every figure of a calibration: observed against the model for each group of targets (one figure when there is
    /// one group), then the loss trace.
    /// </summary>
    /// <param name="name">The calibration's name, for titles.</param>
    /// <param name="observed">Every observed row, fitted or held out, as read.</param>
    /// <param name="lastFitted">The last key used in the fit.</param>
    /// <param name="labels">Each target's name.</param>
    /// <param name="predicted">The model's rows on the compared scale, by key.</param>
    /// <param name="intervals">The predictions' 95% intervals, or null.</param>
    public static IReadOnlyList<Figure> All(string name, ObservedTable observed, long lastFitted, FitScale scale, IReadOnlyList<string> labels, TargetGroups groups,
        IReadOnlyDictionary<long, double[]> predicted, bool anchored, ForecastIntervals? intervals, FitResult fit, string lossMeaning)
    {
        var observedRows = observed.Keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => Forecast.Compared(observed.Values[p.i], scale, 1, groups));
        string valueName = scale == FitScale.Shares ? "share of the row's total" : "count";
        var figures = new List<Figure>();
        for (int g = 0; g < groups.Names.Count; g++)
        {
            var members = Enumerable.Range(0, labels.Count).Where(j => groups.Of[j] == g).ToArray();
            IReadOnlyDictionary<long, double[]> Pick(IReadOnlyDictionary<long, double[]> rows) => rows.ToDictionary(r => r.Key, r => members.Select(j => r.Value[j]).ToArray());
            var figure = ObservedAgainstSimulated(groups.Several ? $"{name}: {groups.Names[g]}" : name,
                observed.KeyColumn, groups.Several ? $"share of {groups.Names[g]}" : valueName, members.Select(j => labels[j]).ToArray(),
                Pick(observedRows), Pick(predicted), lastFitted, anchored, intervals is null ? null : (Pick(intervals.Low), Pick(intervals.High)));
            figures.Add(groups.Several ? figure with { Name = $"{figure.Name}-{groups.Names[g]}" } : figure);
        }
        figures.Add(LossTrace(fit, lossMeaning));
        return figures;
    }

    /// <summary>
    /// Observed values (dots), the fitted model over the fitted keys (solid lines) and the prediction after them
    /// (thin lines with squares, starting from the last fitted observation when anchored), with intervals a vertical bar
    /// through each predicted square from its interval's low to its high end; a grey line marks the end of the fit.
    /// </summary>
    /// <param name="observed">Observed rows on the compared scale, by key.</param>
    /// <param name="predicted">The model's rows on the compared scale, by key (predictions after the fitted keys).</param>
    /// <param name="intervals">The predictions' interval ends by key, or null.</param>
    public static Figure ObservedAgainstSimulated(string title, string keyName, string valueName, IReadOnlyList<string> targets,
        IReadOnlyDictionary<long, double[]> observed, IReadOnlyDictionary<long, double[]> predicted, long lastFitted, bool anchored,
        (IReadOnlyDictionary<long, double[]> Low, IReadOnlyDictionary<long, double[]> High)? intervals = null)
    {
        var plot = FigureStyle.New(title, keyName, valueName);
        var keys = predicted.Keys.Order().ToArray();
        var fitted = keys.Where(k => k <= lastFitted).ToArray();
        var ahead = keys.Where(k => k > lastFitted).ToArray();
        var seen = observed.Keys.Order().ToArray();
        for (int j = 0; j < targets.Count; j++)
        {
            // Every colour once, then the same colours with hollow markers: no two targets look alike.
            int colours = FigureStyle.Colors.Count;
            var color = FigureStyle.Color(j % colours);
            var line = plot.Add.Scatter(fitted.Select(k => (double)k).ToArray(), fitted.Select(k => predicted[k][j]).ToArray(), color);
            line.LegendText = targets[j];
            line.MarkerSize = 0;
            line.LineWidth = 2;
            if (ahead.Length > 0)
            {
                double startValue = anchored && observed.TryGetValue(lastFitted, out var last) ? last[j] : predicted[lastFitted][j];
                var forecast = plot.Add.Scatter(
                    ahead.Select(k => (double)k).Prepend(lastFitted).ToArray(),
                    ahead.Select(k => predicted[k][j]).Prepend(startValue).ToArray(), color);
                // Skia's SVG writer cannot draw dashed paths (it says so on the console): the forecast is told
                // apart by its open square markers and thinner line instead.
                forecast.MarkerSize = 6;
                forecast.MarkerShape = MarkerShape.OpenSquare;
                forecast.LineWidth = 1.5f;
                if (intervals is { } bounds)
                    foreach (var k in ahead)
                    {
                        // Nudged sideways by target, so bars of neighbouring targets do not hide each other.
                        double x = k + 0.3 * ((j + 0.5) / targets.Count - 0.5);
                        var bar = plot.Add.Line(new Coordinates(x, bounds.Low[k][j]), new Coordinates(x, bounds.High[k][j]));
                        bar.LineColor = color;
                        bar.LineWidth = 1;
                        bar.MarkerSize = 0;
                    }
            }
            if (seen.Length == 0) continue;
            var dots = plot.Add.Scatter(seen.Select(k => (double)k).ToArray(), seen.Select(k => observed[k][j]).ToArray(), color);
            dots.LineWidth = 0;
            dots.MarkerSize = 8;
            dots.MarkerShape = j < colours ? MarkerShape.FilledCircle : MarkerShape.OpenCircle;
            if (j >= colours)
            {
                line.MarkerShape = MarkerShape.FilledDiamond;
                line.MarkerSize = 6;
            }
        }
        if (ahead.Length > 0)
        {
            var end = plot.Add.VerticalLine(lastFitted + 0.5);
            end.LinePattern = LinePattern.Dashed;
            end.Color = Colors.Gray;
        }
        AddMarkerKey(plot, ahead.Length > 0, intervals is not null);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(keys.Select(k => (double)k).ToArray(), keys.Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        FigureStyle.LegendOutside(plot);
        string how = anchored
            ? "squares: the prediction, the last fitted observation moved by the model's predicted change (anchored)"
            : "squares: the model's prediction";
        string bars = intervals is null ? "" : "; vertical bars: the predictions' 95% intervals (parameter uncertainty and Monte Carlo noise), nudged sideways by target";
        return new Figure("observed-vs-simulated",
            $"{valueName} by {keyName}: observed (dots); the fitted model, mean over replications (solid, keys used in the fit, left of the grey line); {how}{bars}.",
            plot, 1100, 600);
    }

    /// <summary>
    /// Legend entries, in grey after the targets' colours, that say what each kind of mark is, so the image reads
    /// without its caption: dots observed, solid lines the fitted model, open squares the prediction, bars its intervals, the dashed line the
    /// end of the fit.
    /// </summary>
    private static void AddMarkerKey(Plot plot, bool predicts, bool hasIntervals)
    {
        var grey = Colors.DimGray;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "observed", MarkerShape = MarkerShape.FilledCircle, MarkerSize = 8, MarkerColor = grey });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "model over the fit", LineWidth = 2, LineColor = grey, MarkerShape = MarkerShape.None });
        if (!predicts) return;
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = "prediction", LineWidth = 1.5f, LineColor = grey, MarkerShape = MarkerShape.OpenSquare, MarkerSize = 6, MarkerColor = grey,
        });
        if (hasIntervals)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "95% interval", MarkerShape = MarkerShape.VerticalBar, MarkerSize = 12, MarkerColor = grey, MarkerLineWidth = 1 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "end of the fit", LineWidth = 1.5f, LineColor = Colors.Gray, LinePattern = LinePattern.Dashed, MarkerShape = MarkerShape.None });
    }

    /// <summary>The loss at each evaluation (dots) and the best so far (a step line, flat until an evaluation lowers it), on a log scale.</summary>
    public static Figure LossTrace(FitResult fit, string lossMeaning)
    {
        var plot = FigureStyle.New("Calibration: loss by evaluation", "evaluation", $"log10 {lossMeaning}");
        var ok = fit.Trace.Where(e => e.Loss < double.MaxValue && e.Loss > 0).ToArray();
        var tried = plot.Add.ScatterPoints(ok.Select(e => (double)e.Evaluation).ToArray(), ok.Select(e => Math.Log10(e.Loss)).ToArray(), FigureStyle.Color(2));
        tried.LegendText = "evaluated";
        tried.MarkerSize = 4;
        var best = plot.Add.Scatter(fit.Trace.Select(e => (double)e.Evaluation).ToArray(), fit.Trace.Select(e => Math.Log10(Math.Max(e.BestLoss, 1e-300))).ToArray(), FigureStyle.Color(0));
        best.LegendText = "best so far";
        // The best so far holds until an evaluation lowers it: a step at that evaluation, not a slope between the two.
        best.ConnectStyle = ConnectStyle.StepHorizontal;
        best.MarkerSize = 0;
        best.LineWidth = 2;
        FigureStyle.LegendOutside(plot);
        return new Figure("loss-trace", $"Loss ({lossMeaning}) of every evaluation of the search, and the best so far. {fit.StopReason}.", plot, 960, 480);
    }
}
