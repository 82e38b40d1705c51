namespace RouteSim.Analysis.Calibration;

/// <summary>
/// An outside estimate of a ratio of two model outputs over the fitted keys (e.g. apprehensions per crossing
/// attempt from a published study), with its standard error and source, entering the fit as one more observation.
/// </summary>
/// <param name="Name">Name in the results.</param>
/// <param name="Value">The estimate (a ratio, e.g. 0.3).</param>
/// <param name="StandardError">Its standard error, on the same scale (positive).</param>
/// <param name="Source">Where the estimate comes from (author, year, title).</param>
public sealed record ExternalEstimate(string Name, double Value, double StandardError, string Source)
{
    /// <summary>The model's ratio: numerator over denominator, 0 when the denominator is 0 (nothing happened, so nothing was caught).</summary>
    public static double Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : 0;

    /// <summary>How many standard errors the model's value lies from the estimate: (model - value) / standard error.</summary>
    public double Deviation(double model) => (model - Value) / StandardError;

    /// <summary>
    /// The fitted cells' residuals followed by one residual per estimate, z x RMS(cells), z its <see cref="Deviation"/>.
    /// The loss, the mean square of all of them, is then mean(cells^2) x (n + sum z^2) / (n + K) for n cells and K
    /// estimates: to first order in sum z^2 / n, the Gaussian negative log-likelihood of the cells, with their common
    /// variance estimated from their own mean square, plus that of each estimate with its own standard error, so an
    /// estimate weighs as one measurement of known precision whatever the loss's units. In the loss's curvature
    /// (<see cref="ParameterUncertainty"/>) the same residual adds about grad z grad z' to the precision: the estimate
    /// as a normal prior on the model's ratio.
    /// </summary>
    /// <param name="cells">The cells' residuals (the loss's own, changes included when fitted).</param>
    /// <param name="estimates">The estimates.</param>
    /// <param name="models">The model's value of each estimate's ratio, in order.</param>
    public static double[] WithEstimates(double[] cells, IReadOnlyList<ExternalEstimate> estimates, IReadOnlyList<double> models)
    {
        if (estimates.Count != models.Count) throw new ArgumentException($"{estimates.Count} estimates but {models.Count} model values");
        if (estimates.Count == 0) return cells;
        double rms = cells.Length == 0 ? 1 : Math.Sqrt(cells.Sum(r => r * r) / cells.Length);
        return [.. cells, .. estimates.Select((e, k) => e.Deviation(models[k]) * rms)];
    }
}
