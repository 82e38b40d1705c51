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
    IReadOnlyList<HoldoutScore> Holdout) : Manifest;
