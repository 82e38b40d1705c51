using RouteSim.Core.Engine;
using RouteSim.Core.Statistics;

namespace RouteSim.Analysis.Optimization;

/// <summary>
/// The allocations compared on fresh seeds the search never saw (so the winner's score is not flattered by the
/// luck it was picked on): the objective of each, and its paired difference from the reference allocation when both
/// place the same number of units (like with like; otherwise the difference is left out).
/// </summary>
public sealed record AllocationEvaluation(IReadOnlyList<EvaluatedAllocation> Allocations, string Reference)
{
    /// <summary>The scenario's own allocation with its shares kept and its total scaled to the budget.</summary>
    public const string OwnScaled = "scenario's own, scaled";

    /// <summary>The scenario's own allocation at its own size, when that differs from the budget.</summary>
    public const string Own = "scenario's own";

    /// <summary>The allocations of the budget (the ones compared like with like), in order.</summary>
    public IEnumerable<EvaluatedAllocation> OfTheBudget(double budget) => Allocations.Where(a => Math.Abs(a.Total - budget) < 1e-6);

    /// <summary>An allocation's name as a column name: lower case, words joined by '_' ("scenario's own, scaled": scenarios_own_scaled).</summary>
    public static string Key(string name) =>
        string.Join('_', name.Replace("'", "", StringComparison.Ordinal).Split([' ', ','], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Standard rivals of a searched allocation, each of the same budget in whole units: uniform, proportional to the
    /// flow at each location with none of the budget placed, and the scenario's own shares scaled to the budget; then
    /// the scenario's own allocation at its own size when that is not the budget (shown apart: not like with like).
    /// </summary>
    public static IReadOnlyList<(string Name, double[] Allocation)> Rivals(AllocationProblem problem, ulong seed, int replications, int threads)
    {
        int n = problem.Locations.Count;
        var rivals = new List<(string, double[])> { ("uniform", problem.Feasible(Enumerable.Repeat(problem.Budget / n, n).ToArray())) };

        // Flow at each eligible location with none of the budget placed.
        var empty = problem.With(new double[n]);
        var flow = new double[n];
        var index = problem.Locations.Select(id => Array.IndexOf(empty.LocationIds, id)).ToArray();
        Ensemble.Run(empty, new RunSettings(seed, replications, threads), r =>
        {
            for (int t = problem.Objective.Window.From; t < problem.Objective.Window.To; t++)
                for (int i = 0; i < n; i++)
                    for (int k = 0; k < r.Layout.Commodities; k++)
                        flow[i] += r.Locations[r.Layout.Location(t, index[i], k, LocationMetric.Traversals)];
        });
        double total = flow.Sum();
        if (total > 0) rivals.Add(("proportional to flow", problem.Feasible(flow.Select(f => problem.Budget * f / total).ToArray())));

        var own = problem.OwnAllocation();
        double ownTotal = own.Sum();
        if (ownTotal > 0)
        {
            rivals.Add((OwnScaled, problem.Feasible(own.Select(v => problem.Budget * v / ownTotal).ToArray())));
            if (Math.Abs(ownTotal - problem.Budget) > 1e-6) rivals.Add((Own, own));
        }
        return rivals;
    }

    /// <summary>Evaluates every allocation on the same fresh seeds; differences are taken against <paramref name="reference"/>.</summary>
    public static AllocationEvaluation Run(AllocationProblem problem, IReadOnlyList<(string Name, double[] Allocation)> allocations, string reference,
        ulong freshSeed, int replications, int threads, CancellationToken cancellation = default)
    {
        var values = allocations.Select(a => problem.Evaluate(a.Allocation, freshSeed, replications, threads, cancellation)).ToArray();
        int r = Array.FindIndex(allocations.ToArray(), a => a.Name == reference);
        bool Comparable(int i) => r >= 0 && Math.Abs(allocations[i].Allocation.Sum() - allocations[r].Allocation.Sum()) < 1e-6;
        var rows = allocations.Select((a, i) => new EvaluatedAllocation(a.Name, a.Allocation, Summary.FromSample(values[i]),
            Comparable(i) ? Summary.FromSample(values[i].Zip(values[r], (x, y) => x - y).ToArray()) : null)).ToArray();
        return new AllocationEvaluation(rows, reference);
    }
}

/// <summary>
/// One allocation (resource units per eligible location) with its objective on the fresh seeds, and its paired difference
/// from the reference (null when the two place different totals).
/// </summary>
public sealed record EvaluatedAllocation(string Name, double[] Allocation, Summary Objective, Summary? DifferenceFromReference)
{
    /// <summary>Resource units placed in all.</summary>
    public double Total => Allocation.Sum();
}
