using System.Globalization;
using nietras.SeparatedValues;

namespace RouteSim.Results.Reading;

/// <summary>
/// A CSV table read by column name through Sep (RFC 4180: quoted names and fields, doubled quotes, separators and
/// line breaks inside quotes, a UTF-8 byte-order mark, CRLF), whoever wrote it: RouteSim, R's write.csv, pandas, a
/// spreadsheet. The one CSV reader of the project: results folders and observed tables alike.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string path, IReadOnlyList<string> header, List<string[]> rows, List<int> lines)
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
            using var reader = Reader(CsvOptions.Strict).FromFile(path);
            return Read(path, reader, CsvOptions.Strict);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ResultsReadException($"{path}: cannot read the file: {e.Message}");
        }
        catch (ArgumentException e)
        {
            // Sep refuses a header that names a column twice: a table we cannot read by column name.
            throw DuplicateName(path, e);
        }
    }

    /// <summary>Reads CSV text; <paramref name="path"/> names it in errors.</summary>
    public static CsvTable Parse(string text, string path) => Parse(text, path, CsvOptions.Strict);

    /// <summary>Reads CSV text as <paramref name="options"/> say; <paramref name="path"/> names it in errors.</summary>
    /// <remarks>A header that names a column twice is a <see cref="ResultsReadException"/> at line 1, whatever the options.</remarks>
    public static CsvTable Parse(string text, string path, CsvOptions options)
    {
        try
        {
            using var reader = Reader(options).FromText(text);
            return Read(path, reader, options);
        }
        catch (ArgumentException e)
        {
            throw DuplicateName(path, e);
        }
    }

    private static SepReaderOptions Reader(CsvOptions options) =>
        Sep.New(',').Reader(o => o with { HasHeader = true, Unescape = true, Trim = options.Trim ? SepTrim.All : SepTrim.None, DisableColCountCheck = true });

    private static ResultsReadException DuplicateName(string path, ArgumentException e) => new(path, 1, e.Message.ReplaceLineEndings(" "));

    private static CsvTable Read(string path, SepReader reader, CsvOptions options)
    {
        if (reader.Header.IsEmpty && !options.KeepRagged) throw new ResultsReadException($"{path}: empty file (a table needs a header line)");
        var header = reader.Header.ColNames.ToArray();
        var rows = new List<string[]>();
        var lines = new List<int>();
        foreach (var row in reader)
        {
            if (row.ColCount == 1 && row.Span.Trim().Length == 0) continue;
            if (row.ColCount != header.Length && !options.KeepRagged)
                throw new ResultsReadException(path, row.LineNumberFrom, $"{row.ColCount} fields, but the header has {header.Length}");
            var fields = new string[row.ColCount];
            for (int i = 0; i < fields.Length; i++) fields[i] = row[i].ToString();
            rows.Add(fields);
            lines.Add(row.LineNumberFrom);
        }
        return new CsvTable(path, header, rows, lines);
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

