namespace RouteSim.Analysis.Calibration;

/// <summary>
/// A parameter fitted within bounds. The search runs on an unbounded scale: the position between the bounds
/// (on a log scale when asked) passed through the logit, so every point the search proposes is inside the bounds.
/// </summary>
public sealed record BoundedParameter(string Name, double Lower, double Upper, double Start, bool Log = false)
{
    /// <summary>The unbounded coordinate of a value strictly inside the bounds.</summary>
    public double ToFree(double value)
    {
        double u = (Scale(value) - Scale(Lower)) / (Scale(Upper) - Scale(Lower));
        u = Math.Clamp(u, 1e-9, 1 - 1e-9);
        return Math.Log(u / (1 - u));
    }

    /// <summary>The value of an unbounded coordinate.</summary>
    public double FromFree(double z)
    {
        double u = 1 / (1 + Math.Exp(-z));
        double x = Scale(Lower) + u * (Scale(Upper) - Scale(Lower));
        return Math.Clamp(Log ? Math.Exp(x) : x, Lower, Upper);
    }

    private double Scale(double x) => Log ? Math.Log(x) : x;
}
