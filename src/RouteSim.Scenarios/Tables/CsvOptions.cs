namespace RouteSim.Scenarios.Tables;

/// <summary>How <see cref="CsvRows"/> reads a table.</summary>
/// <param name="Trim">Drop spaces around names and fields (tables made by hand or in a spreadsheet).</param>
/// <param name="KeepRagged">
/// Keep an empty text (no header, no rows) and rows whose field count differs from the header's, for a caller that
/// reports every problem of the table itself; otherwise the first of these is a <see cref="CsvFormatException"/>.
/// </param>
public sealed record CsvOptions(bool Trim = false, bool KeepRagged = false)
{
    /// <summary>Tables as RouteSim writes them: every row the header's width.</summary>
    public static CsvOptions Strict { get; } = new();
}
