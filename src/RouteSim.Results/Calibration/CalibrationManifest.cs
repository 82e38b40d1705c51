using System.Text.Json.Serialization;
using RouteSim.Analysis.Calibration;

namespace RouteSim.Results.Calibration;

/// <summary>manifest.json of a calibration folder.</summary>
public sealed record CalibrationManifest(
    string Calibration,
    string CalibrationFile,
    string CalibrationSha256,
    string Scenario,
    string ScenarioSha256,
    string Observed,
    string ObservedSha256,
    string Compare,
    IReadOnlyList<FittedParameter> Parameters,
    int Replications,
    ulong Seed,
    int Evaluations,
    string StopReason,
    double Loss,
    string LossMeaning,
    string Predictions,
    string Anchor,
    int PredictionReplications,
    IntervalManifest? Intervals,
    IReadOnlyList<HoldoutScore> Holdout) : Manifest
{
    /// <summary>The outside estimates against the fitted model; absent from the JSON when the calibration has none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<EstimateResult>? Estimates { get; init; }
}
