namespace RouteSim.Analysis.Calibration;

/// <summary>
/// Least squares (<see cref="LeastSquaresFit"/>) and then a short pattern search (<see cref="PatternSearchFit"/>) from its
/// optimum. Levenberg-Marquardt follows the loss's broad slope and stops where its wide-step Jacobian sees none; under
/// common random numbers the loss is still rough at a smaller scale, and the pattern search, polling points a step away
/// along each parameter, finds the lower points of that roughness nearby. The polish only moves to lower losses, so it
/// never ends above the least-squares optimum.
/// </summary>
public static class PolishedFit
{
    /// <summary>Default most evaluations of the polish.</summary>
    public const int DefaultPolishEvaluations = 300;

    /// <summary>Default first step of the polish on the unbounded scale (half the least-squares difference step).</summary>
    public const double DefaultPolishStep = 0.1;

    /// <summary>The polish stops when its step falls below this on the unbounded scale.</summary>
    public const double MinPolishStep = 0.005;

    /// <summary>
    /// Minimises the mean square of <paramref name="residuals"/> by least squares, then polishes the optimum with at most
    /// <paramref name="polishEvaluations"/> further evaluations (and never more than <paramref name="maxEvaluations"/> in all).
    /// </summary>
    /// <param name="residuals">As for <see cref="LeastSquaresFit.Minimize"/>: residual vectors at several points, null for an invalid one.</param>
    /// <param name="tolerance">The least-squares search's relative tolerance.</param>
    public static FitResult Minimize(IReadOnlyList<BoundedParameter> parameters, Func<IReadOnlyList<double[]>, double[]?[]> residuals, int maxEvaluations, double tolerance,
        int polishEvaluations = DefaultPolishEvaluations, double polishStep = DefaultPolishStep, Action<FitEvaluation>? observe = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(polishEvaluations);
        var first = LeastSquaresFit.Minimize(parameters, residuals, maxEvaluations, tolerance, LeastSquaresFit.DefaultDifferenceStep, observe, cancellation);
        int left = Math.Min(polishEvaluations, maxEvaluations - first.Trace.Count);
        if (left <= 0 || first.BestLoss >= double.MaxValue) return first;
        var from = parameters.Select((q, i) => q with { Start = first.Best[i] }).ToArray();
        int offset = first.Trace.Count;
        var trace = first.Trace.ToList();
        var polish = PatternSearchFit.Minimize(from, points => residuals(points).Select(MeanSquare).ToArray(), left, polishStep, MinPolishStep, first.BestLoss, e =>
        {
            var shifted = e with { Evaluation = offset + e.Evaluation };
            trace.Add(shifted);
            observe?.Invoke(shifted);
        }, cancellation);
        string reason = $"{first.StopReason}; polish from loss {first.BestLoss:G5} to {polish.BestLoss:G5}: {polish.StopReason}";
        return new FitResult(polish.Best, polish.BestLoss, trace, reason);
    }

    private static double MeanSquare(double[]? r) => r is null || r.Length == 0 ? double.NaN : r.Sum(d => d * d) / r.Length;
}
