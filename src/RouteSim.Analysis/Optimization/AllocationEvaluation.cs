using RouteSim.Core.Engine;
using RouteSim.Core.Statistics;

namespace RouteSim.Analysis.Optimization;

/// <summary>
/// The allocations compared on fresh seeds the search never saw (so the winner's score is not flattered by the
/// luck it was picked on): the objective of each, and its paired difference from the reference allocation.
/// </summary>
public sealed record AllocationEvaluation(IReadOnlyList<EvaluatedAllocation> Allocations, string Reference)
{
    /// <summary>Standard rivals of a searched allocation: uniform, proportional to flow without the allocation, and the scenario's own.</summary>
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
                        flow[i] += r.Locations[r.Layout.Location(t, index[i], k, 0)];
        });
        double total = flow.Sum();
        if (total > 0) rivals.Add(("proportional to flow", problem.Feasible(flow.Select(f => problem.Budget * f / total).ToArray())));

        var own = problem.OwnAllocation();
        if (own.Sum() > 0) rivals.Add(("scenario's own", own));
        return rivals;
    }

    /// <summary>Evaluates every allocation on the same fresh seeds; differences are taken against <paramref name="reference"/>.</summary>
    public static AllocationEvaluation Run(AllocationProblem problem, IReadOnlyList<(string Name, double[] Allocation)> allocations, string reference,
        ulong freshSeed, int replications, int threads, CancellationToken cancellation = default)
    {
        var values = allocations.Select(a => problem.Evaluate(a.Allocation, freshSeed, replications, threads, cancellation)).ToArray();
        int r = Array.FindIndex(allocations.ToArray(), a => a.Name == reference);
        var rows = allocations.Select((a, i) => new EvaluatedAllocation(a.Name, a.Allocation, Summary.FromSample(values[i]),
            r < 0 ? null : Summary.FromSample(values[i].Zip(values[r], (x, y) => x - y).ToArray()))).ToArray();
        return new AllocationEvaluation(rows, reference);
    }
}

/// <summary>One allocation's objective on the fresh seeds, and its paired difference from the reference.</summary>
public sealed record EvaluatedAllocation(string Name, double[] Allocation, Summary Objective, Summary? DifferenceFromReference);
