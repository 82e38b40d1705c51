using System.Globalization;
using System.Text.Json;
using RouteSim.Analysis.Optimization;

namespace RouteSim.Results;

/// <summary>Writes an optimisation's allocation.csv, evaluation.csv and trace.csv.</summary>
public static class OptimizationWriter
{
    /// <summary>
    /// Writes the three tables into a folder being written: allocation.csv (resource units per location, one column
    /// per allocation, named by <see cref="AllocationEvaluation.Key"/>), evaluation.csv (each allocation's total units
    /// and objective; the paired difference only for allocations of the reference's total) and trace.csv (the search,
    /// with the spread of its sampling distribution in units and whether it met the tolerance).
    /// </summary>
    public static void Write(AllocationProblem problem, SearchResult search, AllocationEvaluation evaluation, string directory)
    {
        using (var w = Open(Path.Combine(directory, "allocation.csv")))
        {
            w.WriteLine("location," + string.Join(',', evaluation.Allocations.Select(a => Csv.Text(AllocationEvaluation.Key(a.Name)))));
            for (int i = 0; i < problem.Locations.Count; i++)
                w.WriteLine(Csv.Text(problem.Locations[i]) + "," + string.Join(',', evaluation.Allocations.Select(a => Csv.Number(a.Allocation[i]))));
        }
        using (var w = Open(Path.Combine(directory, "evaluation.csv")))
        {
            w.WriteLine($"allocation,units,objective,ci_low,ci_high,n,difference_from_{AllocationEvaluation.Key(evaluation.Reference)},difference_ci_low,difference_ci_high");
            foreach (var a in evaluation.Allocations)
            {
                var d = a.DifferenceFromReference;
                w.WriteLine(Csv.Row(Csv.Text(AllocationEvaluation.Key(a.Name)), Csv.Number(a.Total), Csv.Number(a.Objective.Mean), Csv.Number(a.Objective.CiLow), Csv.Number(a.Objective.CiHigh),
                    a.Objective.N.ToString(CultureInfo.InvariantCulture), Csv.Number(d?.Mean ?? double.NaN), Csv.Number(d?.CiLow ?? double.NaN), Csv.Number(d?.CiHigh ?? double.NaN)));
            }
        }
        using (var w = Open(Path.Combine(directory, "trace.csv")))
        {
            w.WriteLine("iteration,iteration_best,iteration_mean,best_so_far,spread,converged");
            foreach (var t in search.Trace)
                w.WriteLine(Csv.Row(t.Iteration.ToString(CultureInfo.InvariantCulture), Csv.Number(t.IterationBest), Csv.Number(t.IterationMean), Csv.Number(t.BestSoFar),
                    Csv.Number(t.Spread), t.Converged ? "true" : "false"));
        }
    }

    private static StreamWriter Open(string path) => Csv.Create(path);
}

/// <summary>
/// What an optimisation folder's manifest.json records: the budget (whole resource units), the search's settings, how
/// many iterations it ran, whether it converged (sampling spread at most SearchTolerance units) and both seeds.
/// </summary>
public sealed record OptimizationManifest(
    string Scenario,
    string ScenarioFile,
    string ScenarioSha256,
    double Budget,
    string Objective,
    string Window,
    int Start,
    IReadOnlyList<string> Locations,
    ulong SearchSeed,
    int SearchIterations,
    int SearchPopulation,
    int SearchReplications,
    int SearchIterationsRun,
    bool SearchConverged,
    double SearchTolerance,
    ulong EvaluationSeed,
    int EvaluationReplications,
    string RoutesimVersion,
    int Threads,
    DateTimeOffset StartedAt,
    double WallSeconds,
    string CommandLine)
{
    /// <summary>The manifest as JSON text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, RunManifest.JsonOptions) + "\n";
}
