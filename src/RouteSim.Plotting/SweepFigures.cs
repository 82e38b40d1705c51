using RouteSim.Results.Reading;
using ScottPlot;

namespace RouteSim.Plotting;

/// <summary>
/// A sweep's results the way its design needs: a grid as lines, one per level of the second parameter, against the
/// first; other designs as each outcome's point means against each parameter, one scatter plot per pair.
/// </summary>
public static class SweepFigures
{
    /// <summary>For a grid of two or more parameters, one line figure per outcome; otherwise every (outcome, parameter) scatter plot, outcomes first.</summary>
    public static IReadOnlyList<Figure> All(SweepFolder sweep) =>
        sweep.Document.Design == "grid"
            ? sweep.Document.Outcomes.Select(o => GridLines(sweep, o.Name)).ToArray()
            : sweep.Document.Outcomes.SelectMany(o => sweep.Document.Parameters.Select((_, j) => Scatter(sweep, o.Name, j))).ToArray();

    /// <summary>
    /// A grid's outcome against its first parameter, one line per level of the second (a single line when there is one
    /// parameter); where more parameters vary, each line averages the point means over their levels.
    /// </summary>
    public static Figure GridLines(SweepFolder sweep, string outcome)
    {
        var parameters = sweep.Document.Parameters;
        var first = parameters[0];
        bool log = first.Scale == "log";
        var means = sweep.Means(outcome);
        var xs = sweep.Points.Select(p => p[0]).Distinct().Order().ToArray();
        double[] levels = parameters.Count > 1 ? sweep.Points.Select(p => p[1]).Distinct().Order().ToArray() : [double.NaN];
        var plot = FigureStyle.New($"{outcome} against {first.Name}", log ? $"log10 {first.Name}" : first.Name, $"{outcome} (mean over replications)");
        for (int k = 0; k < levels.Length; k++)
        {
            var points = xs.Select(x => Enumerable.Range(0, means.Length)
                    .Where(i => sweep.Points[i][0] == x && (parameters.Count == 1 || sweep.Points[i][1] == levels[k]) && double.IsFinite(means[i]))
                    .Select(i => means[i]).DefaultIfEmpty(double.NaN).Average())
                .ToArray();
            var keep = Enumerable.Range(0, xs.Length).Where(i => double.IsFinite(points[i])).ToArray();
            var line = plot.Add.Scatter(keep.Select(i => log ? Math.Log10(xs[i]) : xs[i]).ToArray(), keep.Select(i => points[i]).ToArray(), FigureStyle.Color(k + 5));
            line.LineWidth = 2;
            line.MarkerSize = 7;
            if (parameters.Count > 1) line.LegendText = $"{parameters[1].Name} = {Level(levels[k])}";
        }
        if (parameters.Count > 1) FigureStyle.LegendOutside(plot);
        string others = parameters.Count > 2
            ? $" Each point averages over the levels of {string.Join(" and ", parameters.Skip(2).Select(p => p.Name))}."
            : "";
        string lines = parameters.Count > 1 ? $", one line per level of {parameters[1].Name} ({parameters[1].Path})" : "";
        return new Figure($"grid-{Slug(outcome)}",
            $"{outcome} (mean over replications at each point of the grid) against {first.Name} ({first.Path}){lines}.{others}",
            plot, 900, 500);
    }

    private static string Level(double v) => v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One outcome's mean at each point against one parameter (log10 of it for a log-scaled range).</summary>
    public static Figure Scatter(SweepFolder sweep, string outcome, int parameter)
    {
        var p = sweep.Document.Parameters[parameter];
        bool log = p.Scale == "log";
        var means = sweep.Means(outcome);
        var keep = Enumerable.Range(0, means.Length).Where(i => double.IsFinite(means[i])).ToArray();
        double[] xs = keep.Select(i => log ? Math.Log10(sweep.Points[i][parameter]) : sweep.Points[i][parameter]).ToArray();
        double[] ys = keep.Select(i => means[i]).ToArray();
        var plot = FigureStyle.New($"{outcome} against {p.Name}", log ? $"log10 {p.Name}" : p.Name, $"{outcome} (mean over replications)");
        var dots = plot.Add.ScatterPoints(xs, ys, FigureStyle.Color(5));
        dots.MarkerSize = 5;
        string missing = keep.Length < means.Length ? $" {means.Length - keep.Length} points where it is undefined are left out." : "";
        return new Figure($"scatter-{Slug(outcome)}-{Slug(p.Name)}",
            $"{outcome} at each of the {keep.Length} points of the {sweep.Document.Design} design against {p.Name} ({p.Path}), the other parameters varying too.{missing}",
            plot, 640, 420);
    }

    private static string Slug(string text) => new(text.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
}
