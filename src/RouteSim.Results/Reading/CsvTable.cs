using System.Globalization;
using System.Text;

namespace RouteSim.Results.Reading;

/// <summary>A CSV file written by RouteSim, read back by column name (RFC 4180 quoting).</summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string path, string[] header, List<string[]> rows)
    {
        Path = path;
        _columns = header.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        Header = header;
        Rows = rows;
    }

    /// <summary>The column names, in file order.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>True when the table has this column.</summary>
    public bool Has(string name) => _columns.ContainsKey(name);

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>The data rows, fields as text.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>Reads a whole file; a missing file or column is a <see cref="ResultsReadException"/>.</summary>
    public static CsvTable Read(string path)
    {
        if (!File.Exists(path)) throw new ResultsReadException($"{path}: file not found (is this a RouteSim results folder?)");
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = reader.ReadLine() is { } line ? Split(line) : throw new ResultsReadException($"{path}: empty file");
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } row)
            if (row.Length > 0) rows.Add(Split(row));
        return new CsvTable(path, header, rows);
    }

    /// <summary>Index of a column, or an error naming the file.</summary>
    public int Column(string name) =>
        _columns.TryGetValue(name, out var i) ? i : throw new ResultsReadException($"{Path}: no column '{name}'");

    /// <summary>A field as a number (empty means NaN).</summary>
    public static double Number(string field) =>
        field.Length == 0 ? double.NaN : double.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Splits one line into fields.</summary>
    public static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return [.. fields];
    }
}

/// <summary>A results folder cannot be read.</summary>
public sealed class ResultsReadException(string message) : Exception(message);
