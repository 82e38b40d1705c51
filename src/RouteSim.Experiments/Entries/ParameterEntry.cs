using RouteSim.Experiments.Templates;
using RouteSim.Scenarios.Yaml;

namespace RouteSim.Experiments.Entries;

/// <summary>
/// The reading a parameter entry of a sweep file and of a calibration file share: its path (a [*] path only with
/// multiply: true) and its range (min below max, a positive min on a log scale), with the same error messages.
/// </summary>
public static class ParameterEntry
{
    /// <summary>
    /// The entry's path, multiplying when it says multiply: true; null, with the error reported, when it does not
    /// parse or picks every item with [*] without multiply. <paramref name="multiplyDoes"/> ends the [*] error
    /// with what multiply would do in this kind of file.
    /// </summary>
    public static ParameterPath? Path(MappingReader r, string multiplyDoes, out bool multiply)
    {
        multiply = false;
        var d = r.Diagnostics;
        string text = r.Text("path");
        var path = ParameterPath.Parse(text, out var problem);
        if (path is null)
        {
            d.Error(r.PathOf("path"), problem!);
            return null;
        }
        multiply = r.Flag("multiply");
        if (multiply) return path.Multiplying();
        if (path.IsWildcard)
        {
            d.Error(r.PathOf("path"), $"'{text}' picks every item with [*]; add multiply: true to {multiplyDoes}");
            return null;
        }
        return path;
    }

    /// <summary>True when the entry's scale is log (default linear).</summary>
    public static bool Log(MappingReader r) => r.Text("scale", "linear") == "log";

    /// <summary>
    /// Whether min and max (as read; NaN when unreadable, already reported) make a range: min below max, and on
    /// a log scale a positive min. False, with the error reported, when they do not.
    /// </summary>
    public static bool IsRange(MappingReader r, double min, double max, bool log)
    {
        if (double.IsNaN(min) || double.IsNaN(max)) return false;
        if (!(min < max))
        {
            r.Diagnostics.Error(r.PathOf("max"), $"max must be greater than min ({min:G6})");
            return false;
        }
        if (log && min <= 0)
        {
            r.Diagnostics.Error(r.PathOf("min"), "a log scale needs a positive min");
            return false;
        }
        return true;
    }

    /// <summary>
    /// Whether the lowest and highest values the entry gives (each with the key that gives it) lie in the range the
    /// scenario format allows at the path (a multiplying entry scales numbers that are checked when the scenario is
    /// built, so it is not checked here). False, with the error at the first value outside, when they do not;
    /// <paramref name="reaching"/> (e.g. "the sweep"), when given, ends the error with the value it reaches.
    /// </summary>
    public static bool InFormatRange(MappingReader r, ParameterPath path, bool multiply, (double Value, string Key) lowest, (double Value, string Key) highest,
        string? reaching = null)
    {
        if (multiply || path.Field.Range is not { } range) return true;
        foreach (var (value, key) in new[] { lowest, highest })
            if (!range.Contains(value))
            {
                r.Diagnostics.Error(r.PathOf(key), $"{path.Text} must be {range.Describe()}{(reaching is null ? "" : $", but {reaching} goes to {value:G6}")}");
                return false;
            }
        return true;
    }
}
