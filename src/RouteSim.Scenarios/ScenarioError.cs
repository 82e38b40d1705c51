namespace RouteSim.Scenarios;

/// <summary>One problem in a scenario file, located by line and column and by the path of the field.</summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="Line">1-based line; 0 when the problem is the file itself (missing, unreadable).</param>
/// <param name="Column">1-based column.</param>
/// <param name="Path">Field path such as <c>organizations[0].temperature</c>; empty for the whole file.</param>
public sealed record ScenarioError(string File, int Line, int Column, string Path, string Message)
{
    /// <summary>One line: <c>file:line:column: path: message</c>.</summary>
    public override string ToString()
    {
        string where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        string text = Path.Length == 0 ? $"{where}: {Message}" : $"{where}: {Path}: {Message}";
        return text.ReplaceLineEndings(" "); // one problem, one line, whatever the file held
    }
}
