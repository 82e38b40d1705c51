namespace RouteSim.Analysis.Calibration;

/// <summary>One evaluation of the loss during a fit: the parameter values tried and the loss found.</summary>
public sealed record FitEvaluation(int Evaluation, double[] Values, double Loss, double BestLoss);

/// <summary>What a fit found: the best values, their loss, every evaluation in order, and why it stopped.</summary>
public sealed record FitResult(double[] Best, double BestLoss, IReadOnlyList<FitEvaluation> Trace, string StopReason);
