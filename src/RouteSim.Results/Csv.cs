using System.Globalization;

namespace RouteSim.Results;

/// <summary>Formatting of CSV fields: invariant culture, round-trip numbers, quoting only where needed.</summary>
public static class Csv
{
    /// <summary>A number that reads back to the same double; NaN as an empty field.</summary>
    public static string Number(double value) =>
        double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A text field, quoted when it holds a comma, quote or line break.</summary>
    public static string Text(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A new UTF-8 text file (no byte-order mark) with Unix line ends, as every RouteSim CSV is written.</summary>
    public static StreamWriter Create(string path) => new(path, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };

    /// <summary>A row of already formatted fields.</summary>
    public static string Row(params string[] fields) => string.Join(',', fields);
}
