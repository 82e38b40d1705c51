namespace RouteSim.Analysis.Optimization;

/// <summary>
/// One iteration of the search: best and mean objective of its candidates, the best so far, the spread of the
/// distribution the next candidates would be drawn from (resource units) and whether that spread meets the tolerance.
/// </summary>
public sealed record TraceRow(int Iteration, double IterationBest, double IterationMean, double BestSoFar, double Spread, bool Converged);
