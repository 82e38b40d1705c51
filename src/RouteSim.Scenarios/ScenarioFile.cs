using System.Text;

namespace RouteSim.Scenarios;

/// <summary>Reads a scenario from disk, turning a missing, unreadable or oversized file into an ordinary error.</summary>
public static class ScenarioFile
{
    /// <summary>Files larger than this are refused: no scenario, sweep or calibration file is that big (the largest bundled one is under 100 KB).</summary>
    public const long MaxBytes = 16L << 20;

    /// <summary>Loads and validates the scenario at <paramref name="path"/>.</summary>
    public static LoadResult Load(string path, LoadOptions? options = null) => Load(path, options, out _);

    /// <summary>Loads and validates the scenario at <paramref name="path"/>, also giving the text read (null when the file could not be read), for callers that edit and reload it.</summary>
    public static LoadResult Load(string path, LoadOptions? options, out string? text)
    {
        text = ReadText(path, out var error);
        return text is null ? new LoadResult(null, null, [error!]) : ScenarioLoader.Load(text, path, options);
    }

    /// <summary>
    /// The file's text (UTF-8, or UTF-16/32 when a byte-order mark says so), or null with a one-line error.
    /// At most <see cref="MaxBytes"/> are read, whatever the file claims its length is, so devices such as
    /// /dev/zero and pipes that never end are refused after that many bytes instead of filling memory.
    /// </summary>
    public static string? ReadText(string path, out ScenarioError? error)
    {
        error = null;
        try
        {
            if (Directory.Exists(path)) error = new ScenarioError(path, 0, 0, "", "is a folder, not a scenario file");
            else if (!File.Exists(path)) error = new ScenarioError(path, 0, 0, "", "file not found");
            else if (ReadAtMost(path, MaxBytes) is { } bytes)
            {
                Hashes[Path.GetFullPath(path)] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
                return Decode(bytes);
            }
            else error = new ScenarioError(path, 0, 0, "", $"more than {MaxBytes:N0} bytes ({MaxBytes >> 20} MiB); a scenario, sweep or calibration file is at most that (is this the right file?)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = new ScenarioError(path, 0, 0, "", $"cannot read the file: {e.Message}");
        }
        return null;
    }

    /// <summary>The file's bytes, or null when it holds more than <paramref name="limit"/>; reads sequentially, so it works on pipes and devices.</summary>
    private static byte[]? ReadAtMost(string path, long limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit) return null;
        }
        return buffer.ToArray();
    }

    private static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// SHA-256 of the file's bytes, lower-case hex, for manifests: of the bytes <see cref="ReadText"/> last read
    /// from this path (so a pipe is not read twice, and the hash is of what was simulated), else of the file now.
    /// </summary>
    public static string Sha256(string path) =>
        Hashes.TryGetValue(Path.GetFullPath(path), out var hash)
            ? hash
            : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Hashes = new(StringComparer.Ordinal);
}
