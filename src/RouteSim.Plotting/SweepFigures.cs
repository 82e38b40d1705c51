using RouteSim.Results.Reading;
using ScottPlot;

namespace RouteSim.Plotting;

/// <summary>The first look at a sweep: each outcome's point means against each parameter, one scatter plot per pair.</summary>
public static class SweepFigures
{
    /// <summary>Every (outcome, parameter) scatter plot, outcomes first.</summary>
    public static IReadOnlyList<Figure> All(SweepFolder sweep) =>
        sweep.Document.Outcomes.SelectMany(o => sweep.Document.Parameters.Select((_, j) => Scatter(sweep, o.Name, j))).ToArray();

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
        var dots = plot.Add.ScatterPoints(xs, ys, FigureStyle.Color(parameter % 8));
        dots.MarkerSize = 5;
        string missing = keep.Length < means.Length ? $" {means.Length - keep.Length} points where it is undefined are left out." : "";
        return new Figure($"scatter-{Slug(outcome)}-{Slug(p.Name)}",
            $"{outcome} at each of the {keep.Length} points of the {sweep.Document.Design} design against {p.Name} ({p.Path}), the other parameters varying too.{missing}",
            plot, 640, 420);
    }

    private static string Slug(string text) => new(text.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
}
