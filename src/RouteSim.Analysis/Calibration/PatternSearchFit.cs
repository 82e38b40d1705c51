namespace RouteSim.Analysis.Calibration;

/// <summary>
/// Minimises a loss over bounded parameters with a compass search, the simplest generating set search (Kolda, Lewis and
/// Torczon 2003, "Optimization by direct search: new perspectives on some classical and modern methods", SIAM Review
/// 45(3), section 3): on the parameters' unbounded scale it polls the 2 x parameters points a step away along each
/// coordinate, moves to the best of them when it lowers the loss, and halves the step when none does. A poll's points are
/// handed to the caller together, so that it may evaluate them in parallel, and the best is chosen by loss and then by
/// poll order, so the search does not depend on how they were evaluated. It only ever moves to a lower loss, so it never
/// ends worse than where it starts: a polish of another search's optimum.
/// </summary>
public static class PatternSearchFit
{
    /// <summary>
    /// Minimises <paramref name="losses"/> from each parameter's start value.
    /// </summary>
    /// <param name="losses">The loss at several parameter vectors (values, not the search scale), in the same order; NaN or
    /// infinity for a point that makes no valid model.</param>
    /// <param name="maxEvaluations">Most evaluations, the start's included unless <paramref name="startLoss"/> is given.</param>
    /// <param name="step">First poll's distance on the unbounded scale.</param>
    /// <param name="minStep">Stop when the step falls below this.</param>
    /// <param name="startLoss">The loss at the start when the caller already knows it (not evaluated again, not in the trace).</param>
    public static FitResult Minimize(IReadOnlyList<BoundedParameter> parameters, Func<IReadOnlyList<double[]>, double[]> losses, int maxEvaluations, double step,
        double minStep, double? startLoss = null, Action<FitEvaluation>? observe = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        var coordinates = Enumerable.Range(0, parameters.Count).Select(i => Enumerable.Range(0, parameters.Count).Select(j => i == j ? step : 0).ToArray()).ToArray();
        return Minimize(parameters, losses, maxEvaluations, coordinates, minStep / step, startLoss, observe, cancellation);
    }

    /// <summary>
    /// Minimises <paramref name="losses"/> from each parameter's start value, polling along <paramref name="directions"/> and
    /// their negatives (on the unbounded scale, each at its full length first, all shortened together by halving).
    /// </summary>
    /// <param name="directions">Poll directions on the unbounded scale, each as long as its first step; they should span the
    /// space, or the search can only find minima along them.</param>
    /// <param name="minScale">Stop when the directions' common multiplier (1 at first, halved after each poll that finds nothing
    /// lower) falls below this.</param>
    public static FitResult Minimize(IReadOnlyList<BoundedParameter> parameters, Func<IReadOnlyList<double[]>, double[]> losses, int maxEvaluations,
        IReadOnlyList<double[]> directions, double minScale, double? startLoss = null, Action<FitEvaluation>? observe = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minScale);
        int p = parameters.Count;
        if (directions.Any(d => d.Length != p)) throw new ArgumentException("every direction needs one coordinate per parameter", nameof(directions));
        var trace = new List<FitEvaluation>();
        var center = parameters.Select(q => q.ToFree(q.Start)).ToArray();
        var best = parameters.Select(q => q.Start).ToArray();
        double bestLoss = startLoss ?? double.PositiveInfinity;

        double[] ValuesOf(double[] z) => parameters.Select((q, i) => q.FromFree(z[i])).ToArray();

        double[] Evaluate(IReadOnlyList<double[]> points)
        {
            cancellation.ThrowIfCancellationRequested();
            var values = points.Select(ValuesOf).ToArray();
            var found = losses(values);
            for (int k = 0; k < points.Count; k++)
            {
                double loss = double.IsFinite(found[k]) ? found[k] : double.MaxValue;
                found[k] = loss;
                if (loss < bestLoss)
                {
                    bestLoss = loss;
                    best = values[k];
                }
                var evaluation = new FitEvaluation(trace.Count, values[k], loss, bestLoss);
                trace.Add(evaluation);
                observe?.Invoke(evaluation);
            }
            return found;
        }

        if (startLoss is null)
        {
            if (maxEvaluations < 1) return new FitResult(best, bestLoss, trace, "stopped at the budget of 0 evaluations, not converged") { Limit = FitLimit.Budget };
            Evaluate([center]);
        }
        double h = 1;
        int moves = 0;
        string reason;
        var limit = FitLimit.None;
        while (true)
        {
            if (h < minScale)
            {
                reason = $"converged: {moves} pattern-search move{(moves == 1 ? "" : "s")}, then no poll improved down to {minScale:G3} of the first steps";
                break;
            }
            int left = maxEvaluations - trace.Count;
            if (left <= 0)
            {
                reason = $"stopped at the budget of {maxEvaluations} evaluation{(maxEvaluations == 1 ? "" : "s")}, not converged (steps at {h:G3} of their first lengths)";
                limit = FitLimit.Budget;
                break;
            }
            var poll = new List<double[]>(2 * directions.Count);
            foreach (var d in directions)
                foreach (int sign in (ReadOnlySpan<int>)[1, -1])
                {
                    if (poll.Count == left) break;
                    poll.Add(center.Select((c, i) => c + sign * h * d[i]).ToArray());
                }
            double before = bestLoss;
            var found = Evaluate(poll);
            int winner = -1;
            for (int k = 0; k < found.Length; k++)
                if (found[k] < before && (winner < 0 || found[k] < found[winner])) winner = k;
            if (winner >= 0)
            {
                center = poll[winner];
                moves++;
            }
            else h /= 2;
        }
        return new FitResult(best, bestLoss, trace, reason) { Limit = limit };
    }
}
