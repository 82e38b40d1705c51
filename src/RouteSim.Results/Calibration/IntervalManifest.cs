namespace RouteSim.Results.Calibration;

/// <summary>How a calibration's forecast intervals were made, for its manifest.</summary>
/// <param name="Method">In words.</param>
/// <param name="Draws">Parameter draws, one forecast each.</param>
/// <param name="Replications">Replications of each draw's forecast.</param>
/// <param name="Seed">Seed of the draws (each forecast's own seed derives from it).</param>
/// <param name="Step">Central-difference step on the search scale.</param>
/// <param name="ResidualVariance">The fit's residual variance (loss units).</param>
/// <param name="DegreesOfFreedom">Independent cells minus parameters.</param>
/// <param name="ForecastError">With prediction intervals: the one-step forecast error per group (compared scale, in <see cref="ForecastErrorUnit"/>), else null.</param>
public sealed record IntervalManifest(string Method, int Draws, int Replications, ulong Seed, double Step, double ResidualVariance, int DegreesOfFreedom,
    IReadOnlyList<double?>? ForecastError)
{
    /// <summary>What <see cref="ForecastError"/> is measured in (<see cref="Units"/>); absent without it.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? ForecastErrorUnit { get; init; }

    /// <summary>The unit of the one-step forecast error on a scale: a difference of shares as a fraction of 1 (0.01 = 1 percentage point), or a count's relative error (0.1 = 10%).</summary>
    public static string Units(Analysis.Calibration.FitScale scale) => scale == Analysis.Calibration.FitScale.Shares
        ? "share of the group's total, as a fraction (0.01 = 1 percentage point)"
        : "relative error of a count, as a fraction (0.1 = 10%)";
}
