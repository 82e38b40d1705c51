namespace RouteSim.Scenarios.Tables;

/// <summary>CSV text that cannot be read as a table: <see cref="Detail"/> says why, <see cref="Line"/> where (1-based; null for the whole text).</summary>
public sealed class CsvFormatException(int? line, string detail) : Exception(detail)
{
    /// <summary>The 1-based line of the problem, or null when it concerns the whole text.</summary>
    public int? Line { get; } = line;

    /// <summary>The problem, without file or line.</summary>
    public string Detail { get; } = detail;
}
