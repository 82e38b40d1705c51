using nietras.SeparatedValues;

namespace RouteSim.Scenarios.Tables;

/// <summary>
/// The project's one CSV reader, over Sep (RFC 4180: quoted names and fields, doubled quotes, separators and line
/// breaks inside quotes, a UTF-8 byte-order mark, CRLF), for every table it reads, whoever wrote it: RouteSim,
/// R's write.csv (quoted names such as "fiscal_year","san_diego"), pandas, a spreadsheet. Blank lines are skipped.
/// </summary>
/// <param name="Header">The column names, in file order, unquoted.</param>
/// <param name="Rows">The data rows, fields as text (unquoted).</param>
/// <param name="Lines">The 1-based line of the file each row starts on, for error messages.</param>
public sealed record CsvRows(IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows, IReadOnlyList<int> Lines)
{
    /// <summary>Reads CSV text as <paramref name="options"/> say.</summary>
    /// <exception cref="CsvFormatException">
    /// A header that names a column twice (tables are read by name); unless <see cref="CsvOptions.KeepRagged"/>, an
    /// empty text or a row whose field count differs from the header's.
    /// </exception>
    public static CsvRows Parse(string text, CsvOptions options) => Read(sep => sep.FromText(text), options);

    /// <summary>Reads a CSV file as <paramref name="options"/> say, streaming it from disk.</summary>
    /// <exception cref="CsvFormatException">As <see cref="Parse"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static CsvRows Read(string path, CsvOptions options) => Read(sep => sep.FromFile(path), options);

    private static CsvRows Read(Func<SepReaderOptions, SepReader> open, CsvOptions options)
    {
        SepReader reader;
        try
        {
            reader = open(Sep.New(',').Reader(o => o with
            {
                HasHeader = true,
                Unescape = true,
                Trim = options.Trim ? SepTrim.All : SepTrim.None,
                DisableColCountCheck = true,
            }));
        }
        catch (ArgumentException e)
        {
            // Sep refuses a header that names a column twice: a table we cannot read by column name.
            throw new CsvFormatException(1, e.Message.ReplaceLineEndings(" "));
        }
        using var _ = reader;
        if (reader.Header.IsEmpty && !options.KeepRagged) throw new CsvFormatException(null, "empty file (a table needs a header line)");
        var header = reader.Header.ColNames.ToArray();
        var rows = new List<string[]>();
        var lines = new List<int>();
        foreach (var row in reader)
        {
            if (row.ColCount == 1 && row.Span.Trim().Length == 0) continue;
            if (row.ColCount != header.Length && !options.KeepRagged)
                throw new CsvFormatException(row.LineNumberFrom, $"{row.ColCount} fields, but the header has {header.Length}");
            var fields = new string[row.ColCount];
            for (int i = 0; i < fields.Length; i++) fields[i] = row[i].ToString();
            rows.Add(fields);
            lines.Add(row.LineNumberFrom);
        }
        return new CsvRows(header, rows, lines);
    }
}
