namespace RouteSim.Scenarios;

/// <summary>Reads a scenario from disk, turning a missing or unreadable file into an ordinary error.</summary>
public static class ScenarioFile
{
    /// <summary>Files larger than this are refused before reading: no scenario is that big.</summary>
    public const long MaxBytes = 64L << 20;

    /// <summary>Loads and validates the scenario at <paramref name="path"/>.</summary>
    public static LoadResult Load(string path, LoadOptions? options = null)
    {
        var text = ReadText(path, out var error);
        return text is null ? new LoadResult(null, null, [error!]) : ScenarioLoader.Load(text, path, options);
    }

    /// <summary>The file's text, or null with a one-line error.</summary>
    public static string? ReadText(string path, out ScenarioError? error)
    {
        error = null;
        try
        {
            var info = new FileInfo(path);
            if (Directory.Exists(path)) error = new ScenarioError(path, 0, 0, "", "is a folder, not a scenario file");
            else if (!info.Exists) error = new ScenarioError(path, 0, 0, "", "file not found");
            else if (info.Length > MaxBytes) error = new ScenarioError(path, 0, 0, "", $"file is {info.Length:N0} bytes; a scenario file is at most {MaxBytes:N0}");
            else return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = new ScenarioError(path, 0, 0, "", $"cannot read the file: {e.Message}");
        }
        return null;
    }

    /// <summary>SHA-256 of the file's bytes, lower-case hex, for manifests.</summary>
    public static string Sha256(string path) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
}
