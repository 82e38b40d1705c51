namespace RouteSim.Analysis.Optimization;

/// <summary>The best allocation the search found (whole resource units), its mean objective on the search seeds, and the trace.</summary>
public sealed record SearchResult(double[] Best, double BestValue, IReadOnlyList<TraceRow> Trace)
{
    /// <summary>True when the search stopped because it converged rather than because it ran out of iterations.</summary>
    public bool Converged => Trace.Count > 0 && Trace[^1].Converged;
}
