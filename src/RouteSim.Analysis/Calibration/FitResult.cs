namespace RouteSim.Analysis.Calibration;

/// <summary>One evaluation of the loss during a fit: the parameter values tried and the loss found.</summary>
public sealed record FitEvaluation(int Evaluation, double[] Values, double Loss, double BestLoss);

/// <summary>Which limit stopped a search that had not converged by its own criterion.</summary>
public enum FitLimit
{
    /// <summary>None: the search converged.</summary>
    None,

    /// <summary>The budget of loss evaluations (fit.max_evaluations) was spent.</summary>
    Budget,

    /// <summary>Levenberg-Marquardt's further searches from the best point ran out while the last still improved the loss.</summary>
    Refinements,

    /// <summary>Nelder-Mead's fresh simplices ran out while the last still improved the loss.</summary>
    Restarts,

    /// <summary>An optimiser's iteration limit.</summary>
    Iterations,

    /// <summary>The start values make an invalid scenario, so no search ran.</summary>
    InvalidStart,
}

/// <summary>
/// What a fit found: the best values, their loss, every evaluation in order, why it stopped (in words) and, when it
/// stopped at a limit rather than by its convergence criterion, which (<see cref="Limit"/>).
/// </summary>
public sealed record FitResult(double[] Best, double BestLoss, IReadOnlyList<FitEvaluation> Trace, string StopReason)
{
    /// <summary>The limit that stopped the search; <see cref="FitLimit.None"/> when it converged.</summary>
    public FitLimit Limit { get; init; }

    /// <summary>
    /// A warning when the search stopped at a limit (<see cref="Limit"/>) rather than converging; null otherwise.
    /// <paramref name="maxEvaluations"/> is the budget the fit was given. The fitted values may then not be an optimum,
    /// and intervals taken from the loss's curvature there are unreliable either way: too narrow, collapsed onto a
    /// bound, or far too wide (even leaving out the fitted point's own prediction).
    /// </summary>
    /// <param name="starts">Searches that shared the budget (<see cref="MultiStartFit"/>); this result is the best one's.</param>
    public string? Warning(int maxEvaluations, int starts = 1) => Limit switch
    {
        FitLimit.None => null,
        FitLimit.Budget => (starts > 1
            ? $"the best of the {starts} searches used its whole share of the budget of {Count(maxEvaluations, "evaluation")} without converging: "
            : $"the search used its whole budget of {Count(maxEvaluations, "evaluation")} without converging: ") + Consequence +
            "; raise fit.max_evaluations (or --max-evaluations)",
        FitLimit.Refinements => $"the least-squares search stopped at its limit of {Count(LeastSquaresFit.MaxRefinements, "further search", "further searches")} " +
            "from the best point while still improving, without converging: " + Consequence + "; check with more starts (fit.starts) or a longer polish (fit.polish)",
        FitLimit.Restarts => $"the simplex stopped at its limit of {Count(NelderMeadFit.MaxRestarts, "restart")} while still improving, without converging: " + Consequence +
            "; check with more starts (fit.starts) or least squares",
        FitLimit.InvalidStart => "the start values make an invalid scenario, so no search ran: give start values that load",
        _ => "the search stopped at its iteration limit without converging: " + Consequence,
    };

    private const string Consequence = "the fitted values may not be an optimum, and the intervals from the loss's curvature there are unreliable in " +
        "either direction (they can be far too narrow or collapse onto a bound, or be far too wide, even leaving out the fitted values' own predictions), " +
        "so their coverage of held-out values says little";

    /// <summary>"1 evaluation", "20 evaluations".</summary>
    private static string Count(int n, string one, string? many = null) =>
        $"{n.ToString(System.Globalization.CultureInfo.InvariantCulture)} {(n == 1 ? one : many ?? one + "s")}";
}
