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

    /// <summary>
    /// Several searches, the first from the parameters' start values and the others from points spread over the
    /// bounds (a Latin hypercube on the search scale), each with its share of the budget; the best wins. A
    /// simplex finds a local minimum, and a loss from a finite population has many shallow ones.
    /// </summary>
    public static FitResult MinimizeFromSeveralStarts(IReadOnlyList<BoundedParameter> parameters, Func<double[], double> loss, int starts, int maxEvaluations,
        double tolerance, double step, ulong seed, Action<FitEvaluation>? observe = null, CancellationToken cancellation = default)
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
            var result = Minimize(from, loss, Math.Max(1, budget), tolerance, step, e =>
            {
                var shifted = e with { Evaluation = offset + e.Evaluation, BestLoss = Math.Min(bestSoFar, e.BestLoss) };
                trace.Add(shifted);
                observe?.Invoke(shifted);
            }, cancellation);
            reasons.Add($"start {s + 1}: loss {result.BestLoss:G4}, {result.StopReason}");
            if (best is null || result.BestLoss < best.BestLoss) best = result;
        }
        return best! with { Trace = trace, StopReason = starts == 1 ? best!.StopReason : string.Join("; ", reasons) };
    }

    private static double Logit(double u) => Math.Log(u / (1 - u));

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
            reason = restarts == MaxRestarts + 1
                ? $"converged: {restarts} simplex runs, each still improving (restart limit)"
                : $"converged: {restarts} simplex run{(restarts > 1 ? "s" : "")}, then a fresh simplex around the best point found nothing better (relative tolerance {tolerance:G3})";
        }
        catch (BudgetSpent)
        {
            reason = $"stopped after {maxEvaluations} evaluations (the budget)";
        }
        catch (MaximumIterationsException)
        {
            reason = "stopped: iteration limit";
        }
        return new FitResult(best, bestLoss, trace, reason);
    }
}
