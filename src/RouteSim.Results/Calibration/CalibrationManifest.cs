using System.Text.Json.Serialization;
using RouteSim.Analysis.Calibration;

namespace RouteSim.Results.Calibration;

/// <summary>manifest.json of a calibration folder.</summary>
/// <remarks>
/// Each input file is recorded as an <see cref="InputFile"/> flattened into two keys (path, SHA-256):
/// <c>calibration_file</c>, <c>scenario</c> and <c>observed</c> hold full paths. Unlike a run's manifest
/// (<see cref="RunManifest"/>), whose <c>scenario</c> is the scenario's name and <c>scenario_file</c> its path,
/// <c>scenario</c> here is the scenario file's path; the keys are kept as they are because users' scripts read them.
/// </remarks>
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

    /// <summary>Why the fit and its intervals should be read with care (<see cref="FitResult.Warning"/>); absent when there is none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Warning { get; init; }

    /// <summary>The manifest of a calibration folder; null when its manifest.json is missing or not a calibration's.</summary>
    public static CalibrationManifest? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        return File.Exists(path) ? Read<CalibrationManifest>(File.ReadAllText(path)) : null;
    }
}
