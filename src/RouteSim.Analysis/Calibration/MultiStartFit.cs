namespace RouteSim.Analysis.Calibration;

/// <summary>One search from given start values within a budget of loss evaluations, reporting each evaluation as it happens.</summary>
public delegate FitResult FitSearch(IReadOnlyList<BoundedParameter> from, int maxEvaluations, Action<FitEvaluation> observe);

/// <summary>
/// Several searches, the first from the parameters' start values and the others from points spread over the
/// bounds (a Latin hypercube on the search scale), each with its share of the budget; the best wins. A local
/// search finds a local minimum, and a loss from a finite population has many shallow ones.
/// </summary>
public static class MultiStartFit
{
    /// <summary>Runs <paramref name="starts"/> searches and returns the best, with every evaluation in one trace.</summary>
    public static FitResult Run(IReadOnlyList<BoundedParameter> parameters, int starts, int maxEvaluations, ulong seed, FitSearch search, Action<FitEvaluation>? observe = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(starts, 1);
        var spread = Designs.LatinHypercube.Unit(Math.Max(1, starts - 1), parameters.Count, new Core.Randomness.SplitMixStream(seed));
        var trace = new List<FitEvaluation>();
        FitResult? best = null;
        var reasons = new List<string>();
        for (int s = 0; s < starts; s++)
        {
            var from = s == 0 ? parameters : parameters.Select((p, i) => p with { Start = p.FromFree(Logit(0.1 + 0.8 * spread[s - 1][i])) }).ToArray();
            int budget = (int)((long)maxEvaluations * (s + 1) / starts - (long)maxEvaluations * s / starts);
            int offset = trace.Count;
            double bestSoFar = best?.BestLoss ?? double.PositiveInfinity;
            var result = search(from, Math.Max(1, budget), e =>
            {
                var shifted = e with { Evaluation = offset + e.Evaluation, BestLoss = Math.Min(bestSoFar, e.BestLoss) };
                trace.Add(shifted);
                observe?.Invoke(shifted);
            });
            reasons.Add($"start {s + 1}: loss {result.BestLoss:G4}, {result.StopReason}");
            if (best is null || result.BestLoss < best.BestLoss) best = result;
        }
        return best! with { Trace = trace, StopReason = starts == 1 ? best!.StopReason : string.Join("; ", reasons) };
    }

    private static double Logit(double u) => Math.Log(u / (1 - u));
}
