namespace RouteSim.Analysis.Sweeps;

/// <summary>A point of a sweep that cannot be run (its parameter values make an invalid scenario).</summary>
public sealed class SweepPointException(int point, string message) : Exception(message)
{
    /// <summary>The point's index.</summary>
    public int Point { get; } = point;
}
