namespace RouteSim.Scenarios.Yaml;

/// <summary>Collects every problem found in one file, and remembers where each field path was written.</summary>
public sealed class Diagnostics(string file)
{
    private readonly List<ScenarioError> _errors = [];
    private readonly Dictionary<string, SourcePosition> _positions = new(StringComparer.Ordinal);

    /// <summary>The file as the user named it.</summary>
    public string File { get; } = file;

    /// <summary>Problems found so far, in the order found.</summary>
    public IReadOnlyList<ScenarioError> Errors => _errors;

    /// <summary>True when nothing is wrong so far.</summary>
    public bool Ok => _errors.Count == 0;

    /// <summary>Records a problem at a position.</summary>
    public void Error(SourcePosition at, string path, string message) =>
        _errors.Add(new ScenarioError(File, at.Line, at.Column, path, message));

    /// <summary>Records a problem at the place the path was written (or its nearest written parent).</summary>
    public void Error(string path, string message) => Error(PositionOf(path), path, message);

    /// <summary>Remembers where a path was written.</summary>
    public void Remember(string path, SourcePosition at) => _positions.TryAdd(path, at);

    /// <summary>Where a path, or failing that its nearest parent, was written.</summary>
    public SourcePosition PositionOf(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
            if (_positions.TryGetValue(p, out var at)) return at;
        return SourcePosition.Start;
    }

    private static string Parent(string path)
    {
        int cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
