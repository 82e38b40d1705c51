using RouteSim.Analysis.Optimization;
using ScottPlot;

namespace RouteSim.Plotting;

/// <summary>The figures of an optimisation: each allocation's objective on fresh seeds, and where the best one puts the budget.</summary>
public static class OptimizationFigures
{
    /// <summary>Both figures.</summary>
    public static IReadOnlyList<Figure> All(AllocationProblem problem, AllocationEvaluation evaluation) =>
        [Objectives(problem, evaluation), Split(problem, evaluation)];

    /// <summary>The objective of each allocation on fresh seeds, with 95% whiskers.</summary>
    public static Figure Objectives(AllocationProblem problem, AllocationEvaluation evaluation)
    {
        var plot = FigureStyle.New("Allocations compared on fresh seeds", "", problem.Objective.Describe());
        var rows = evaluation.OfTheBudget(problem.Budget).ToList();
        plot.Add.Bars(rows.Select((a, i) => new Bar
        {
            Position = i,
            Value = a.Objective.Mean,
            FillColor = FigureStyle.Color(i == 0 ? 6 : 2),
        }).ToList());
        Whiskers.Add(plot, rows.Select((a, i) => ((double)i, a.Objective.CiLow, a.Objective.CiHigh)));
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(rows.Select((_, i) => (double)i).ToArray(), rows.Select(a => a.Name).ToArray());
        plot.Axes.Margins(bottom: 0);
        var apart = evaluation.Allocations.Where(a => !rows.Contains(a)).Select(a => $" Not shown, since it places another number of units: {a.Name} ({a.Total:#,0.##} units), {a.Objective.Mean:#,0.#}.");
        return new Figure("allocations", $"{problem.Objective.Describe()} over the window for each allocation of the same {problem.Budget:#,0} units, on seeds the search never saw: mean with its 95% interval (lower is better).{string.Concat(apart)}", plot, 900, 500);
    }

    /// <summary>Units per location: the best allocation next to the scenario's own scaled to the budget (or uniform).</summary>
    public static Figure Split(AllocationProblem problem, AllocationEvaluation evaluation)
    {
        var best = evaluation.Allocations[0];
        var other = evaluation.Allocations.FirstOrDefault(a => a.Name == AllocationEvaluation.OwnScaled) ?? evaluation.Allocations[1];
        var order = Enumerable.Range(0, problem.Locations.Count).OrderByDescending(i => Math.Max(best.Allocation[i], other.Allocation[i])).Take(24).ToArray();
        var plot = FigureStyle.New("Where the budget goes", "location", "resource units");
        var bars = new List<Bar>();
        for (int k = 0; k < order.Length; k++)
        {
            bars.Add(new Bar { Position = k - 0.2, Value = best.Allocation[order[k]], FillColor = FigureStyle.Color(6), Size = 0.38 });
            bars.Add(new Bar { Position = k + 0.2, Value = other.Allocation[order[k]], FillColor = FigureStyle.Color(2), Size = 0.38 });
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(order.Select((_, k) => (double)k).ToArray(), order.Select(i => problem.Locations[i]).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 110;
        plot.Axes.Margins(bottom: 0);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = best.Name, FillColor = FigureStyle.Color(6) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = other.Name, FillColor = FigureStyle.Color(2) });
        FigureStyle.LegendOutside(plot);
        return new Figure("allocation-split", $"Whole resource units at the {order.Length} locations that get the most, both allocations of {problem.Budget:#,0} units: {best.Name} and {other.Name}.", plot, 1100, 560);
    }
}
