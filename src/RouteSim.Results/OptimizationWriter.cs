using System.Globalization;
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
    public static void Tables(AllocationProblem problem, SearchResult search, AllocationEvaluation evaluation, string directory)
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

    /// <summary>
    /// Writes an optimisation folder: the three tables (<see cref="Tables"/>) and manifest.json, for a search with
    /// <paramref name="settings"/> from <paramref name="searchSeed"/> and a fresh-seed evaluation of
    /// <paramref name="evaluationReplications"/> replications from <paramref name="evaluationSeed"/>.
    /// </summary>
    public static OptimizationManifest Write(string directory, InputFile file, AllocationProblem problem, CrossEntropySearch settings, ulong searchSeed,
        SearchResult search, AllocationEvaluation evaluation, ulong evaluationSeed, int evaluationReplications, Provenance provenance)
    {
        Tables(problem, search, evaluation, directory);
        var o = problem.Objective;
        var manifest = new OptimizationManifest(problem.Model.Scenario.Name, file.Path, file.Sha256, problem.Budget, o.Describe(), o.Window.ToString(), problem.Start,
            problem.Locations, searchSeed, settings.Iterations, settings.Population, settings.Replications, search.Trace.Count, search.Converged,
            settings.ConvergedSpread(problem.Budget), evaluationSeed, evaluationReplications)
        {
            Provenance = provenance.FinishedNow(),
        };
        manifest.Write(directory);
        return manifest;
    }

    private static StreamWriter Open(string path) => Csv.Create(path);
}
