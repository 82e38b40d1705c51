using RouteSim.Core.Engine;

namespace RouteSim.Results;

/// <summary>A run folder as written: the summary over replications and its manifest.</summary>
public sealed record RunRecord(RunSummary Summary, RunManifest Manifest);
