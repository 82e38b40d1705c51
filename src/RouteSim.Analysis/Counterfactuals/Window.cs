using System.Globalization;

namespace RouteSim.Analysis.Counterfactuals;

/// <summary>An evaluation window of periods [From, To), like a slice.</summary>
public readonly record struct Window(int From, int To)
{
    /// <summary>Number of periods in the window.</summary>
    public int Length => To - From;

    /// <summary>True when period t lies in the window.</summary>
    public bool Contains(int t) => t >= From && t < To;

    /// <summary>The whole run.</summary>
    public static Window All(int periods) => new(0, periods);

    /// <summary>Parses FROM:TO (either side may be empty) against a run of this many periods; null with a reason when impossible.</summary>
    public static Window? Parse(string text, int periods, out string? problem)
    {
        problem = null;
        var parts = text.Split(':');
        if (parts.Length != 2)
        {
            problem = $"--window {text}: expected FROM:TO, e.g. 20:60 (periods FROM up to but not including TO)";
            return null;
        }
        static bool Read(string s, int fallback, out int value)
        {
            value = fallback;
            return s.Trim().Length == 0 || int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
        }
        if (!Read(parts[0], 0, out int from) || !Read(parts[1], periods, out int to))
        {
            problem = $"--window {text}: FROM and TO must be whole numbers";
            return null;
        }
        if (from < 0 || to > periods || from >= to)
        {
            problem = $"--window {text}: must satisfy 0 <= FROM < TO <= {periods} (the run has periods 0 to {periods - 1})";
            return null;
        }
        return new Window(from, to);
    }

    /// <summary>FROM:TO.</summary>
    public override string ToString() => $"{From}:{To}";
}
