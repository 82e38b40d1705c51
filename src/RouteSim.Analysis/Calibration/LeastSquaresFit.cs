using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace RouteSim.Analysis.Calibration;

/// <summary>
/// Minimises a sum of squared residuals over bounded parameters with MathNet's Levenberg-Marquardt minimiser
/// (Madsen, Nielsen and Tingleff 2004), searching on the parameters' unbounded scale. The Jacobian comes from forward
/// differences of a fixed step on that scale, its columns handed to the caller together so that they can be
/// evaluated in parallel. The step is wide on purpose: a simulated loss under common random numbers is a step
/// function at fine scales (each agent's choice flips at some parameter value), so an infinitesimal difference
/// measures those flips, not the slope. Every evaluation is kept; the budget counts them.
/// </summary>
public static class LeastSquaresFit
{
    /// <summary>
    /// Forward-difference step on the unbounded scale (5% of a parameter's range near the middle, 2% where its start
    /// sits at a tenth of the range). Chosen on the Gatekeeper backtest, where steps of 0.1 and 0.2 reached losses of
    /// 9.19 and 9.16 (0.05, in a first form of this search, 9.46).
    /// </summary>
    public const double DefaultDifferenceStep = 0.2;

    /// <summary>Most further searches from the best point after the first (each with half the difference step of the one before, unless a Jacobian found a better point).</summary>
    public const int MaxRefinements = 3;

    // A point that makes no valid model gets this residual in every cell: the minimiser rejects the step and damps.
    private const double InvalidResidual = 1e100;

    private sealed class BudgetSpent : Exception;

    // Thrown when the minimiser, having stopped, asks for the Jacobian at its last rejected trial point (MathNet's
    // result computes a covariance there): that would cost a Jacobian's evaluations for nothing.
    private sealed class SearchFinished : Exception;

    /// <summary>
    /// Minimises the sum of squares of <paramref name="residuals"/>, starting at each parameter's start value. The loss
    /// reported (trace and best) is the mean square of the residuals, as <see cref="CalibrationLoss.Compute"/> gives it.
    /// </summary>
    /// <param name="residuals">The residual vectors at several parameter vectors (values, not the search scale), in the same
    /// order; null for a point that makes no valid model. Always the same cells in the same order. Called with one point
    /// for a trial step and with one point per parameter for a Jacobian, so that it may evaluate them in parallel.</param>
    /// <param name="tolerance">Stop refining when a search improves the best loss by less than this relative amount.</param>
    /// <param name="differenceStep">Forward-difference step on the unbounded scale.</param>
    /// <param name="refinements">Most further searches after the first.</param>
    public static FitResult Minimize(IReadOnlyList<BoundedParameter> parameters, Func<IReadOnlyList<double[]>, double[]?[]> residuals, int maxEvaluations,
        double tolerance = 1e-6, double differenceStep = DefaultDifferenceStep, Action<FitEvaluation>? observe = null, CancellationToken cancellation = default,
        int refinements = MaxRefinements)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEvaluations, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(differenceStep);
        int p = parameters.Count;
        var trace = new List<FitEvaluation>();
        double[] best = parameters.Select(q => q.Start).ToArray();
        double bestLoss = double.PositiveInfinity;
        Vector<double>? bestPoint = null;
        // Every point evaluated, by its search-scale coordinates: a minimiser that asks again for a point gets it free.
        var seen = new Dictionary<string, double[]?>(StringComparer.Ordinal);

        static string KeyOf(Vector<double> z) => string.Join(',', z.Select(v => BitConverter.DoubleToInt64Bits(v).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        double[] ValuesOf(Vector<double> z) => parameters.Select((q, i) => q.FromFree(z[i])).ToArray();

        double[]?[] Evaluate(IReadOnlyList<Vector<double>> points)
        {
            cancellation.ThrowIfCancellationRequested();
            var keys = points.Select(KeyOf).ToArray();
            var fresh = Enumerable.Range(0, points.Count).Where(i => !seen.ContainsKey(keys[i]) && Array.IndexOf(keys, keys[i]) == i).ToArray();
            bool spent = trace.Count + fresh.Length > maxEvaluations;
            if (spent) fresh = fresh.Take(maxEvaluations - trace.Count).ToArray();
            var values = fresh.Select(i => ValuesOf(points[i])).ToArray();
            var found = fresh.Length == 0 ? [] : residuals(values);
            for (int k = 0; k < fresh.Length; k++)
            {
                var r = found[k];
                double loss = r is null || r.Length == 0 ? double.NaN : r.Sum(d => d * d) / r.Length;
                if (!double.IsFinite(loss)) loss = double.MaxValue;
                if (loss < bestLoss)
                {
                    bestLoss = loss;
                    best = values[k];
                    bestPoint = points[fresh[k]].Clone();
                }
                seen[keys[fresh[k]]] = r is null || r.Any(d => !double.IsFinite(d)) ? null : r;
                var evaluation = new FitEvaluation(trace.Count, values[k], loss, bestLoss);
                trace.Add(evaluation);
                observe?.Invoke(evaluation);
            }
            if (spent) throw new BudgetSpent();
            return keys.Select(k => seen[k]).ToArray();
        }

        string reason;
        var limit = FitLimit.None;
        try
        {
            var start = Vector<double>.Build.Dense(parameters.Select(q => q.ToFree(q.Start)).ToArray());
            var atStart = Evaluate([start])[0];
            if (atStart is null) return new FitResult(best, bestLoss, trace, "stopped: the start values make an invalid scenario") { Limit = FitLimit.InvalidStart };
            int n = atStart.Length;

            // The point the minimiser stands on: the trial point that last lowered the sum of squares. A trial is
            // accepted exactly when it does, so a Jacobian asked for anywhere else comes after the search has ended.
            string current = "";
            double currentSum = double.PositiveInfinity;
            Vector<double> Residuals(Vector<double> z, Vector<double> _)
            {
                var r = Evaluate([z])[0] ?? Enumerable.Repeat(InvalidResidual, n).ToArray();
                double sum = r.Sum(d => d * d);
                if (sum < currentSum)
                {
                    currentSum = sum;
                    current = KeyOf(z);
                }
                return Vector<double>.Build.Dense(r);
            }

            int searches = 0;
            double step = differenceStep, lastImprovement = 0;
            while (true)
            {
                double before = bestLoss;
                double h = step;
                Matrix<double> Jacobian(Vector<double> z, Vector<double> _)
                {
                    if (KeyOf(z) != current) throw new SearchFinished();
                    var center = Evaluate([z])[0]!;
                    var moved = Enumerable.Range(0, p).Select(i => { var m = z.Clone(); m[i] += h; return m; }).ToArray();
                    var columns = Evaluate(moved);
                    var jacobian = Matrix<double>.Build.Dense(n, p);
                    for (int i = 0; i < p; i++)
                    {
                        // A step into an invalid region: difference backwards instead, or leave the direction flat.
                        var column = columns[i];
                        double distance = h;
                        if (column is null)
                        {
                            var back = z.Clone();
                            back[i] -= h;
                            column = Evaluate([back])[0];
                            distance = -h;
                        }
                        if (column is null) continue;
                        for (int c = 0; c < n; c++) jacobian[c, i] = (column[c] - center[c]) / distance;
                    }
                    return jacobian;
                }
                var objective = ObjectiveFunction.NonlinearModel(Residuals, Jacobian,
                    Vector<double>.Build.Dense(n, i => i), Vector<double>.Build.Dense(n));
                var from = bestPoint!.Clone();
                current = "";
                currentSum = double.PositiveInfinity;
                try
                {
                    new LevenbergMarquardtMinimizer(gradientTolerance: 1e-12, stepTolerance: 1e-4, functionTolerance: 0, maximumIterations: 1000)
                        .FindMinimum(objective, from);
                }
                catch (SearchFinished)
                {
                }
                searches++;
                lastImprovement = before > 0 && double.IsFinite(before) ? (before - bestLoss) / before : 1;
                if (!(bestLoss < before * (1 - tolerance))) break;
                if (searches > refinements)
                {
                    limit = FitLimit.Refinements;
                    break;
                }
                // The search ended where it stood, but a point it evaluated for a Jacobian may be better: search again
                // from there with the same step; only when the best point is where the search ended, halve the step.
                if (KeyOf(bestPoint!) == current) step /= 2;
            }
            string done = $"{searches} Levenberg-Marquardt search{(searches > 1 ? "es" : "")} (difference steps from {differenceStep:G3} halving)";
            reason = limit == FitLimit.Refinements
                ? $"stopped at the limit of {refinements} further search{(refinements == 1 ? "" : "es")} from the best point without converging: {done}, the last still lowering the loss by {100 * lastImprovement:0.###}% (more than the relative tolerance {tolerance:G3})"
                : $"converged: {done}, the last improving by less than the relative tolerance {tolerance:G3}";
        }
        catch (BudgetSpent)
        {
            reason = $"stopped at the budget of {maxEvaluations} evaluation{(maxEvaluations == 1 ? "" : "s")}, not converged";
            limit = FitLimit.Budget;
        }
        return new FitResult(best, bestLoss, trace, reason) { Limit = limit };
    }
}
