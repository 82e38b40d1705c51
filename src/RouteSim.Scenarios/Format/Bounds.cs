using System.Globalization;

namespace RouteSim.Scenarios.Format;

/// <summary>The allowed interval of a numeric key; either end may be open, closed or absent.</summary>
public sealed record Bounds(double? Min, bool MinInclusive, double? Max, bool MaxInclusive)
{
    /// <summary>[0, 1): probabilities that may not be certain.</summary>
    public static Bounds Probability { get; } = new(0, true, 1, false);

    /// <summary>[0, 1].</summary>
    public static Bounds UnitClosed { get; } = new(0, true, 1, true);

    /// <summary>(0, 1].</summary>
    public static Bounds UnitOpenClosed { get; } = new(0, false, 1, true);

    /// <summary>&gt; 0.</summary>
    public static Bounds Positive { get; } = new(0, false, null, false);

    /// <summary>&gt;= 0.</summary>
    public static Bounds NonNegative { get; } = new(0, true, null, false);

    /// <summary>At least <paramref name="min"/>.</summary>
    public static Bounds AtLeast(double min) => new(min, true, null, false);

    /// <summary>Between the two, both included.</summary>
    public static Bounds Between(double min, double max) => new(min, true, max, true);

    /// <summary>True when the value lies inside.</summary>
    public bool Contains(double value) =>
        (Min is not { } lo || (MinInclusive ? value >= lo : value > lo)) &&
        (Max is not { } hi || (MaxInclusive ? value <= hi : value < hi));

    /// <summary>The interval as a person writes it: "in [0, 1)", "> 0", "at least 1".</summary>
    public string Describe()
    {
        static string F(double v) => AsWhole(v) is { } whole
            ? whole.ToString("#,0", CultureInfo.InvariantCulture)
            : v.ToString("#,0.##########", CultureInfo.InvariantCulture);
        return (Min, Max) switch
        {
            ({ } lo, { } hi) => $"in {(MinInclusive ? "[" : "(")}{F(lo)}, {F(hi)}{(MaxInclusive ? "]" : ")")}",
            ({ } lo, null) => MinInclusive ? $">= {F(lo)}" : $"> {F(lo)}",
            (null, { } hi) => MaxInclusive ? $"<= {F(hi)}" : $"< {F(hi)}",
            _ => "any finite number",
        };
    }

    /// <summary>
    /// A whole bound as the integer it stands for, or null. A double cannot hold long.MaxValue (it rounds to 2^63),
    /// so that bound maps back to long.MaxValue instead of being printed rounded (9,223,372,036,854,780,000).
    /// </summary>
    public static long? AsWhole(double bound) =>
        bound == long.MaxValue ? long.MaxValue
        : Math.Abs(bound) < 9e15 && bound == Math.Floor(bound) ? (long)bound
        : null;
}
