namespace RouteSim.Analysis.Designs;

/// <summary>One swept parameter: a name and either a range (linear or logarithmic) or a list of values.</summary>
/// <param name="Name">How the parameter is addressed, e.g. <c>organizations[cartel].temperature</c>.</param>
/// <param name="Lower">Lowest value of a range (the smallest listed value for a list).</param>
/// <param name="Upper">Highest value of a range (the largest listed value for a list).</param>
/// <param name="Values">The values to take, or null for a continuous range.</param>
/// <param name="Log">Spread the range evenly on a log scale (both ends must be positive).</param>
/// <param name="Integer">Round to whole numbers (for counts such as agents or incapacitation).</param>
public sealed record Factor(string Name, double Lower, double Upper, IReadOnlyList<double>? Values = null, bool Log = false, bool Integer = false)
{
    /// <summary>A factor taking exactly these values.</summary>
    public static Factor Listed(string name, IReadOnlyList<double> values, bool integer = false) =>
        new(name, values.Min(), values.Max(), values, false, integer);

    /// <summary>The value at position u in [0,1] of the unit interval: a quantile of the range, or a list entry.</summary>
    public double FromUnit(double u)
    {
        if (Values is { } list) return list[Math.Clamp((int)Math.Floor(u * list.Count), 0, list.Count - 1)];
        // The ends exactly, not exp(log(x)) one ulp away: a reader compares them with the bounds.
        if (u <= 0) return Integer ? Math.Round(Lower, MidpointRounding.AwayFromZero) : Lower;
        if (u >= 1) return Integer ? Math.Round(Upper, MidpointRounding.AwayFromZero) : Upper;
        double x = Log
            ? Math.Exp(Math.Log(Lower) + u * (Math.Log(Upper) - Math.Log(Lower)))
            : Lower + u * (Upper - Lower);
        x = Math.Clamp(x, Lower, Upper);
        return Integer ? Math.Round(x, MidpointRounding.AwayFromZero) : x;
    }

    /// <summary>Evenly spaced levels across the range (both ends included), or the listed values.</summary>
    public IReadOnlyList<double> Levels(int count)
    {
        if (Values is { } list) return list;
        if (count == 1) return [FromUnit(0.5)];
        return Enumerable.Range(0, count).Select(i => FromUnit((double)i / (count - 1))).ToArray();
    }
}
