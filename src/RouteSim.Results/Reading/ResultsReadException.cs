namespace RouteSim.Results.Reading;

/// <summary>A results folder or a table cannot be read.</summary>
public sealed class ResultsReadException : Exception
{
    /// <summary>An error whose message says it all (file and place included).</summary>
    public ResultsReadException(string message) : base(message)
    {
        Detail = message;
    }

    /// <summary>An error at line <paramref name="line"/> (1-based) of <paramref name="path"/>: the message is PATH:LINE: DETAIL.</summary>
    public ResultsReadException(string path, int line, string detail) : base($"{path}:{line}: {detail}")
    {
        Line = line;
        Detail = detail;
    }

    /// <summary>The 1-based line of the problem, where the error has one.</summary>
    public int? Line { get; }

    /// <summary>The problem without the file and line.</summary>
    public string Detail { get; }
}
