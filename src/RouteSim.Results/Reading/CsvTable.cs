using System.Globalization;
using RouteSim.Scenarios.Tables;

namespace RouteSim.Results.Reading;

/// <summary>
/// A table of a results folder read by column name, through the project's one CSV reader (<see cref="CsvRows"/>,
/// over Sep: RFC 4180 quoting, a byte-order mark), whoever wrote it: RouteSim, R's write.csv, a spreadsheet. Every
/// problem is a <see cref="ResultsReadException"/> naming the file (and the line where there is one).
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string path, IReadOnlyList<string> header, IReadOnlyList<string[]> rows, IReadOnlyList<int> lines)
    {
        Path = path;
        Header = header;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Count; i++) _columns.TryAdd(header[i], i);
        Rows = rows;
        Lines = lines;
    }

    /// <summary>True when the table has this column.</summary>
    public bool Has(string name) => _columns.ContainsKey(name);

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>The column names, in file order, unquoted.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The data rows, fields as text (unquoted); blank lines are skipped.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>The 1-based line of the file each row starts on, for error messages.</summary>
    public IReadOnlyList<int> Lines { get; }

    /// <summary>Reads a whole file; a missing or empty file, or a row whose field count differs from the header's, is a <see cref="ResultsReadException"/>.</summary>
    public static CsvTable Read(string path)
    {
        if (!File.Exists(path)) throw new ResultsReadException($"{path}: file not found (is this a RouteSim results folder?)");
        try
        {
            return From(path, () => CsvRows.Read(path, CsvOptions.Strict));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ResultsReadException($"{path}: cannot read the file: {e.Message}");
        }
    }

    /// <summary>Reads CSV text; <paramref name="path"/> names it in errors.</summary>
    public static CsvTable Parse(string text, string path) => Parse(text, path, CsvOptions.Strict);

    /// <summary>Reads CSV text as <paramref name="options"/> say; <paramref name="path"/> names it in errors.</summary>
    /// <remarks>A header that names a column twice is a <see cref="ResultsReadException"/> at line 1, whatever the options.</remarks>
    public static CsvTable Parse(string text, string path, CsvOptions options) => From(path, () => CsvRows.Parse(text, options));

    private static CsvTable From(string path, Func<CsvRows> read)
    {
        try
        {
            var table = read();
            return new CsvTable(path, table.Header, table.Rows, table.Lines);
        }
        catch (CsvFormatException e)
        {
            throw e.Line is { } line ? new ResultsReadException(path, line, e.Detail) : new ResultsReadException($"{path}: {e.Detail}");
        }
    }

    /// <summary>Index of a column, or an error naming the file and the columns it has.</summary>
    public int Column(string name) =>
        _columns.TryGetValue(name, out var i) ? i : throw new ResultsReadException($"{Path}: no column '{name}'; columns: {string.Join(", ", Header)}");

    /// <summary>Index of a column, or -1.</summary>
    public int ColumnOrMissing(string name) => _columns.TryGetValue(name, out var i) ? i : -1;

    /// <summary>A field as a number (empty means NaN); text that is not a number is a <see cref="ResultsReadException"/>.</summary>
    public static double Number(string field) =>
        field.Length == 0 ? double.NaN
        : double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
        : throw new ResultsReadException($"'{(field.Length <= 40 ? field : field[..37] + "...")}' is not a number");
}

