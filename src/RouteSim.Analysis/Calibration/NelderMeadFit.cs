using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace RouteSim.Analysis.Calibration;

/// <summary>
/// Minimises a loss over bounded parameters with MathNet's Nelder-Mead simplex, searching on the parameters'
/// unbounded scale and keeping every evaluation. The budget counts loss evaluations, the expensive part.
/// </summary>
public static class NelderMeadFit
{
    /// <summary>Step of the initial simplex on the unbounded scale: about a quarter of the range around the middle.</summary>
    public const double DefaultStep = 1.0;

    /// <summary>Most fresh simplices started around the best point after the first converges.</summary>
    public const int MaxRestarts = 10;

    private sealed class BudgetSpent : Exception;

    /// <summary>Several searches (<see cref="MultiStartFit"/>), each a Nelder-Mead simplex with restarts.</summary>
    public static FitResult MinimizeFromSeveralStarts(IReadOnlyList<BoundedParameter> parameters, Func<double[], double> loss, int starts, int maxEvaluations,
        double tolerance, double step, ulong seed, Action<FitEvaluation>? observe = null, CancellationToken cancellation = default) =>
        MultiStartFit.Run(parameters, starts, maxEvaluations, seed, (from, budget, report) => Minimize(from, loss, budget, tolerance, step, report, cancellation), observe);

    /// <summary>Minimises <paramref name="loss"/>, starting at each parameter's start value.</summary>
    /// <param name="tolerance">Stop when the simplex's losses agree to this relative tolerance.</param>
    public static FitResult Minimize(IReadOnlyList<BoundedParameter> parameters, Func<double[], double> loss, int maxEvaluations, double tolerance = 1e-6,
        double step = DefaultStep, Action<FitEvaluation>? observe = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEvaluations, 1);
        var trace = new List<FitEvaluation>();
        double[] best = parameters.Select(p => p.Start).ToArray();
        double bestLoss = double.PositiveInfinity;

        double Evaluate(Vector<double> z)
        {
            cancellation.ThrowIfCancellationRequested();
            if (trace.Count >= maxEvaluations) throw new BudgetSpent();
            var values = parameters.Select((p, i) => p.FromFree(z[i])).ToArray();
            double value = loss(values);
            // A loss that cannot be computed (an invalid point) is treated as very bad, so the simplex moves away.
            if (!double.IsFinite(value)) value = double.MaxValue;
            if (value < bestLoss)
            {
                bestLoss = value;
                best = values;
            }
            var evaluation = new FitEvaluation(trace.Count, values, value, bestLoss);
            trace.Add(evaluation);
            observe?.Invoke(evaluation);
            return value;
        }

        // Restart from the best point while a restart still improves it: a simplex that has collapsed in some
        // direction stops short of the minimum, and a fresh simplex around the best point looks again.
        var perturbation = Vector<double>.Build.Dense(parameters.Count, step);
        string reason;
        var limit = FitLimit.None;
        int restarts = 0;
        try
        {
            while (true)
            {
                double before = bestLoss;
                var start = Vector<double>.Build.Dense(parameters.Select((p, i) => p.ToFree(best[i])).ToArray());
                new NelderMeadSimplex(tolerance, int.MaxValue).FindMinimum(ObjectiveFunction.Value(Evaluate), start, perturbation);
                if (!(bestLoss < before * (1 - tolerance))) break;
                if (++restarts == MaxRestarts + 1) break;
            }
            if (restarts == MaxRestarts + 1) limit = FitLimit.Restarts;
            reason = restarts == MaxRestarts + 1
                ? $"stopped at the limit of {MaxRestarts} restarts without converging: {restarts} simplex runs, the last still improving the loss by more than the relative tolerance {tolerance:G3}"
                : $"converged: {restarts} simplex run{(restarts > 1 ? "s" : "")}, then a fresh simplex around the best point found nothing better (relative tolerance {tolerance:G3})";
        }
        catch (BudgetSpent)
        {
            reason = $"stopped at the budget of {maxEvaluations} evaluation{(maxEvaluations == 1 ? "" : "s")}, not converged";
            limit = FitLimit.Budget;
        }
        catch (MaximumIterationsException)
        {
            reason = "stopped at the simplex's iteration limit, not converged";
            limit = FitLimit.Iterations;
        }
        return new FitResult(best, bestLoss, trace, reason) { Limit = limit };
    }
}
