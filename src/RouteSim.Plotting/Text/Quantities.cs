using System.Globalization;
using RouteSim.Analysis.Counterfactuals;

namespace RouteSim.Plotting.Text;

/// <summary>
/// Numbers as readers read them: counts as whole counts, shares as percentages to a tenth of a point at most
/// (fewer when the 95% interval is wide), per-trip probabilities as percentages to a hundredth, ratios to two
/// decimals, deaths per 1,000 attempts with the digits their interval supports; and never an interval whose ends
/// print alike, which would read as certainty (more decimals then, up to four).
/// </summary>
public static class Quantities
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>An estimate of a measure, signed when it is a change.</summary>
    public static string Value(MeasureDefinition measure, double estimate, double low, double high) => Value(measure, estimate, low, high, 0);

    /// <summary>The estimate with the decimals of its interval as <see cref="Interval"/> prints it.</summary>
    private static string Value(MeasureDefinition measure, double estimate, double low, double high, int extra) =>
        double.IsNaN(estimate) ? "undefined" : Format(measure, estimate, Half(low, high), measure.IsChange, extra);

    /// <summary>The 95% interval "low to high", or "" when there is none.</summary>
    public static string Interval(MeasureDefinition measure, double low, double high) => Interval(measure, low, high, Extra(measure, low, high));

    private static string Interval(MeasureDefinition measure, double low, double high, int extra)
    {
        if (double.IsNaN(low) || double.IsNaN(high)) return "";
        double half = Half(low, high);
        bool signed = measure.IsChange;
        string first = Format(measure, low, half, signed, extra), last = Format(measure, high, half, signed, extra);
        // The unit once, at the end: "+0.05 to +0.06 percentage points", "5.6 to 5.7%".
        foreach (var unit in new[] { " percentage points", "%" })
            if (first.EndsWith(unit, StringComparison.Ordinal)) return $"{first[..^unit.Length]} to {last}";
        return $"{first} to {last}";
    }

    /// <summary>"estimate (95% interval low to high)", for sentences.</summary>
    public static string WithInterval(MeasureDefinition measure, double estimate, double low, double high)
    {
        int extra = Extra(measure, low, high);
        string interval = Interval(measure, low, high, extra);
        return interval.Length == 0 ? Value(measure, estimate, low, high) : $"{Value(measure, estimate, low, high, extra)} (95% interval {interval})";
    }

    /// <summary>"estimate [low to high]", for table cells.</summary>
    public static string Cell(MeasureDefinition measure, double estimate, double low, double high)
    {
        int extra = Extra(measure, low, high);
        string interval = Interval(measure, low, high, extra);
        return interval.Length == 0 ? Value(measure, estimate, low, high) : $"{Value(measure, estimate, low, high, extra)} [{interval}]";
    }

    /// <summary>A count of crossings or trips, rounded to a whole number with thousands separators.</summary>
    public static string Count(double value, bool signed = false)
    {
        double rounded = Math.Round(value) + 0.0; // + 0.0 turns -0 into 0, so a rounded-away loss never reads "-0"
        return (signed && rounded > 0 ? "+" : "") + rounded.ToString("#,0", Invariant);
    }

    private static double Half(double low, double high) => double.IsNaN(low) || double.IsNaN(high) ? double.NaN : (high - low) / 2;

    /// <summary>
    /// Decimals added to a measure's usual ones so that an interval of some width never prints as "0.60 to 0.60",
    /// which reads as certainty: the fewest, up to four, that tell its ends apart (the estimate gets the same).
    /// </summary>
    private static int Extra(MeasureDefinition measure, double low, double high)
    {
        if (measure.Kind == MeasureKind.Count || !(high > low)) return 0;
        double half = Half(low, high);
        int extra = 0;
        while (extra < 4 && Format(measure, low, half, measure.IsChange, extra) == Format(measure, high, half, measure.IsChange, extra)) extra++;
        return extra;
    }

    private static string Format(MeasureDefinition measure, double value, double half, bool signed, int extra = 0)
    {
        string sign = signed && value > 0 ? "+" : "";
        switch (measure.Kind)
        {
            case MeasureKind.Count:
                return Count(value, signed);
            case MeasureKind.Share:
            case MeasureKind.Probability:
            {
                // Shares to a tenth of a point; per-trip probabilities (often under 1%) to a hundredth, or to two
                // significant digits when smaller, so a small change does not read as 0.01.
                int digits = extra + (measure.Kind == MeasureKind.Probability ? Significant(value * 100, 2, 4) : Digits(half * 100, 0, 1));
                string text = (value * 100).ToString("F" + digits.ToString(Invariant), Invariant);
                return sign + text + (signed ? " percentage points" : "%");
            }
            case MeasureKind.PerThousand:
                return sign + value.ToString("F" + (extra + Digits(half, 1, 2)).ToString(Invariant), Invariant);
            default:
                return sign + value.ToString("F" + (2 + extra).ToString(Invariant), Invariant);
        }
    }

    /// <summary>Decimals that show two significant digits of the value, within [min, max].</summary>
    private static int Significant(double value, int min, int max)
    {
        if (value == 0 || double.IsNaN(value)) return min;
        return Math.Clamp(1 - (int)Math.Floor(Math.Log10(Math.Abs(value))), min, max);
    }

    /// <summary>Decimals that show two significant digits of the half-width, within [min, max].</summary>
    private static int Digits(double half, int min, int max)
    {
        if (double.IsNaN(half) || half <= 0) return min;
        int digits = 1 - (int)Math.Floor(Math.Log10(half));
        return Math.Clamp(digits, min, max);
    }
}
