using System.Text.Json.Serialization;
using RouteSim.Results.Calibration;
using RouteSim.Results.Sweeps;

namespace RouteSim.Results;

/// <summary>
/// JSON contracts of every manifest and sweep document, generated at build time (snake_case keys, indented),
/// so writing a manifest at the end of a run costs no reflection or run-time compilation.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RunManifest))]
[JsonSerializable(typeof(ComparisonManifest))]
[JsonSerializable(typeof(SweepDocument))]
[JsonSerializable(typeof(SweepManifest))]
[JsonSerializable(typeof(SensitivityManifest))]
[JsonSerializable(typeof(OptimizationManifest))]
[JsonSerializable(typeof(CalibrationManifest))]
internal sealed partial class ResultsJson : JsonSerializerContext;
