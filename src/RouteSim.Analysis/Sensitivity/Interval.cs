namespace RouteSim.Analysis.Sensitivity;

/// <summary>An estimate with a 95% interval.</summary>
public readonly record struct Interval(double Estimate, double Low, double High)
{
    /// <summary>True when x lies in [Low, High].</summary>
    public bool Contains(double x) => x >= Low && x <= High;
}
