namespace RouteSim.Analysis.Calibration;

/// <summary>One evaluation of the loss during a fit: the parameter values tried and the loss found.</summary>
public sealed record FitEvaluation(int Evaluation, double[] Values, double Loss, double BestLoss);

/// <summary>What a fit found: the best values, their loss, every evaluation in order, and why it stopped.</summary>
public sealed record FitResult(double[] Best, double BestLoss, IReadOnlyList<FitEvaluation> Trace, string StopReason)
{
    /// <summary>
    /// A warning when the search spent its whole budget of <paramref name="maxEvaluations"/> loss evaluations, so it
    /// stopped for want of evaluations, not because it converged; null otherwise. The fitted values may then not be an
    /// optimum, and intervals taken from the loss's curvature there can be too narrow or collapse onto a bound.
    /// </summary>
    public string? BudgetWarning(int maxEvaluations) => Trace.Count < maxEvaluations ? null :
        $"the search used its whole budget of {maxEvaluations} evaluations without converging: the fitted values may not be an optimum, " +
        "and intervals from the loss's curvature there can be too narrow or collapse onto a bound; raise fit.max_evaluations (or --max-evaluations)";
}
