namespace RouteSim.Results.Calibration;

/// <summary>How a calibration's forecast intervals were made, for its manifest.</summary>
/// <param name="Method">In words.</param>
/// <param name="Draws">Parameter draws, one forecast each.</param>
/// <param name="Replications">Replications of each draw's forecast.</param>
/// <param name="Seed">Seed of the draws (each forecast's own seed derives from it).</param>
/// <param name="Step">Central-difference step on the search scale.</param>
/// <param name="ResidualVariance">The fit's residual variance (loss units).</param>
/// <param name="DegreesOfFreedom">Independent cells minus parameters.</param>
/// <param name="ForecastError">With prediction intervals: the one-step forecast error per group (compared scale), else null.</param>
public sealed record IntervalManifest(string Method, int Draws, int Replications, ulong Seed, double Step, double ResidualVariance, int DegreesOfFreedom,
    IReadOnlyList<double?>? ForecastError);
