using RouteSim.Core.Engine;

namespace RouteSim.Results;

/// <summary>One arm of a comparison: its compiled model and the file it was loaded from.</summary>
public sealed record ComparisonArm(CompiledScenario Model, InputFile File);
