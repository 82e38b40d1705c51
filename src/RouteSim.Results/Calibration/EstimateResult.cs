using RouteSim.Analysis.Calibration;

namespace RouteSim.Results.Calibration;

/// <summary>
/// One outside estimate (<see cref="ExternalEstimate"/>) against the fitted model, as written in estimates.csv and
/// the manifest: the estimate, its standard error and source, the model's ratio over the fitted keys at the best
/// point (the prediction's replications) and how many standard errors apart they are, (model - value) / standard error.
/// </summary>
public sealed record EstimateResult(string Name, double Value, double StandardError, double Model, double Deviation, string Source)
{
    /// <summary>The estimates with the model's value of each, in order.</summary>
    /// <exception cref="ArgumentException">The counts differ.</exception>
    public static EstimateResult[] Of(IReadOnlyList<ExternalEstimate> estimates, IReadOnlyList<double> models)
    {
        if (estimates.Count != models.Count) throw new ArgumentException($"{estimates.Count} estimates but {models.Count} model values");
        return estimates.Select((e, k) => new EstimateResult(e.Name, e.Value, e.StandardError, models[k], e.Deviation(models[k]), e.Source)).ToArray();
    }
}
