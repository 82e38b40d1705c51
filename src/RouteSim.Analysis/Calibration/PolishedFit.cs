using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace RouteSim.Analysis.Calibration;

/// <summary>
/// Least squares (<see cref="LeastSquaresFit"/>) and then a short pattern search (<see cref="PatternSearchFit"/>) from its
/// optimum along the principal directions of the loss's curvature there. Levenberg-Marquardt follows the loss's slope as
/// its wide-step Jacobian sees it and stops where that is flat; under common random numbers the loss still rises and
/// falls around that point. The polish measures the curvature (J by central differences of <see cref="CurvatureStep"/>
/// along each parameter, one batch), takes the eigenvectors of J'J as poll directions, each first as long as it takes to
/// raise the Gauss-Newton loss by <see cref="Growth"/> of the optimum's (at most <see cref="MaxStep"/>), so that directions
/// the data barely determine are searched with long steps and the others with short ones, and polls both signs of every
/// direction at once. It only moves to lower losses, so it never ends above the least-squares optimum. J'J's
/// eigenvectors come from MathNet's symmetric eigenvalue decomposition.
/// </summary>
public static class PolishedFit
{
    /// <summary>Default most evaluations of the polish, per parameter: the curvature's two per parameter and four polls.</summary>
    public const int DefaultEvaluationsPerParameter = 10;

    /// <summary>Step of the central differences that measure the curvature, on the unbounded scale (as the intervals' curvature).</summary>
    public const double CurvatureStep = ParameterUncertainty.DefaultStep;

    /// <summary>Each poll direction's first length moves the Gauss-Newton loss up by this fraction of the optimum's loss.</summary>
    public const double Growth = 0.05;

    /// <summary>Longest first step of a poll direction on the unbounded scale (a direction the data do not determine gets this).</summary>
    public const double MaxStep = 1;

    /// <summary>The polish stops when its steps have halved to this fraction of their first lengths.</summary>
    public const double MinScale = 1.0 / 64;

    /// <summary>Fewest polish evaluations that do anything: the curvature's two per parameter and one poll.</summary>
    public static int MinEvaluations(int parameters) => 2 * parameters + 1;

    /// <summary>
    /// Minimises the mean square of <paramref name="residuals"/> by least squares, then polishes the optimum with at most
    /// <paramref name="polishEvaluations"/> further evaluations (and never more than <paramref name="maxEvaluations"/> in all).
    /// </summary>
    /// <param name="residuals">As for <see cref="LeastSquaresFit.Minimize"/>: residual vectors at several points, null for an invalid one.</param>
    /// <param name="tolerance">The least-squares search's relative tolerance.</param>
    public static FitResult Minimize(IReadOnlyList<BoundedParameter> parameters, Func<IReadOnlyList<double[]>, double[]?[]> residuals, int maxEvaluations, double tolerance,
        int polishEvaluations, Action<FitEvaluation>? observe = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(polishEvaluations);
        var first = LeastSquaresFit.Minimize(parameters, residuals, maxEvaluations, tolerance, LeastSquaresFit.DefaultDifferenceStep, observe, cancellation);
        int p = parameters.Count;
        int left = Math.Min(polishEvaluations, maxEvaluations - first.Trace.Count);
        if (first.BestLoss >= double.MaxValue || polishEvaluations == 0) return first;
        // Too few evaluations left for the curvature and one poll: say so rather than leave the polish out silently.
        if (left < MinEvaluations(p))
            return first with { StopReason = $"{first.StopReason}; no polish: {Math.Max(0, left)} evaluation{(left == 1 ? "" : "s")} of the budget left, and it needs at least {MinEvaluations(p)} for {p} parameter{(p == 1 ? "" : "s")}" };

        var trace = first.Trace.ToList();
        double bestLoss = first.BestLoss;
        double[] best = first.Best;
        void Record(double[] values, double loss)
        {
            if (loss < bestLoss)
            {
                bestLoss = loss;
                best = values;
            }
            var evaluation = new FitEvaluation(trace.Count, values, loss, bestLoss);
            trace.Add(evaluation);
            observe?.Invoke(evaluation);
        }

        // The curvature: central differences along each parameter, evaluated together.
        var center = parameters.Select((q, i) => q.ToFree(first.Best[i])).ToArray();
        double[] ValuesOf(double[] z) => parameters.Select((q, i) => q.FromFree(z[i])).ToArray();
        var moved = Enumerable.Range(0, 2 * p).Select(k => ValuesOf(center.Select((c, i) => i == k / 2 ? c + (k % 2 == 0 ? CurvatureStep : -CurvatureStep) : c).ToArray())).ToArray();
        cancellation.ThrowIfCancellationRequested();
        var found = residuals(moved);
        for (int k = 0; k < found.Length; k++) Record(moved[k], MeanSquare(found[k]));
        int n = found.FirstOrDefault(r => r is not null)?.Length ?? 0;
        var jacobian = Matrix<double>.Build.Dense(Math.Max(1, n), p);
        for (int i = 0; i < p; i++)
            if (found[2 * i] is { } up && found[2 * i + 1] is { } down)
                for (int c = 0; c < n; c++) jacobian[c, i] = (up[c] - down[c]) / (2 * CurvatureStep);
        var evd = jacobian.TransposeThisAndMultiply(jacobian).Evd(Symmetricity.Symmetric);
        // A direction's length t moves the loss (sum of squares / n) up by about t^2 lambda / n.
        double rise = Growth * first.BestLoss * Math.Max(1, n);
        var directions = Enumerable.Range(0, p).Select(k =>
        {
            double lambda = Math.Max(evd.EigenValues[k].Real, 0);
            double t = lambda > 0 ? Math.Min(MaxStep, Math.Sqrt(rise / lambda)) : MaxStep;
            return evd.EigenVectors.Column(k).Select(v => v * t).ToArray();
        }).ToArray();

        var from = parameters.Select((q, i) => q with { Start = best[i] }).ToArray();
        var polish = PatternSearchFit.Minimize(from, points => residuals(points).Select(MeanSquare).ToArray(), left - 2 * p, directions, MinScale, bestLoss, e =>
        {
            var shifted = e with { Evaluation = trace.Count, BestLoss = Math.Min(bestLoss, e.BestLoss) };
            trace.Add(shifted);
            observe?.Invoke(shifted);
        }, cancellation);
        if (polish.BestLoss < bestLoss)
        {
            bestLoss = polish.BestLoss;
            best = polish.Best;
        }
        string reason = $"{first.StopReason}; polish ({trace.Count - first.Trace.Count} evaluations) from loss {first.BestLoss:G5} to {bestLoss:G5}: " +
            (polish.Limit == FitLimit.Budget ? $"stopped at its budget of {left} evaluations (2 per parameter for the curvature, the rest polls), not converged" : polish.StopReason);
        // A polish that converged ends the search converged; one stopped at its budget only moved downhill from the
        // least-squares optimum, so whether the fit converged is what least squares said.
        return new FitResult(best, bestLoss, trace, reason) { Limit = polish.Limit == FitLimit.None ? FitLimit.None : first.Limit };
    }

    private static double MeanSquare(double[]? r)
    {
        double loss = r is null || r.Length == 0 ? double.NaN : r.Sum(d => d * d) / r.Length;
        return double.IsFinite(loss) ? loss : double.MaxValue;
    }
}
