using System.Security.Cryptography;
using System.Text;

namespace RouteSim.Results.Sweeps;

/// <summary>
/// The digests a sweep folder's manifest records of its files, so a merge or a rerun can tell the files are the
/// ones the run wrote: SHA-256 of each file, and for a shard an 8-byte SHA-256 prefix of each row of runs.csv.
/// </summary>
public static class ContentDigests
{
    /// <summary>Bytes of each row's digest kept: enough to tell a changed row, not meant to resist forgery (the file's full SHA-256 is).</summary>
    public const int RowDigestBytes = 8;

    /// <summary>Size and SHA-256 of <paramref name="name"/> in <paramref name="folder"/>.</summary>
    public static FileDigest Of(string folder, string name)
    {
        using var stream = File.OpenRead(Path.Combine(folder, name));
        return new FileDigest(name, stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    /// <summary>SHA-256 (lowercase hex) of bytes.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The digest of one row's text (without its line break).</summary>
    public static void Row(ReadOnlySpan<char> row, Span<byte> digest)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        int length = Encoding.UTF8.GetByteCount(row);
        Span<byte> bytes = length > 1024 ? new byte[length] : stackalloc byte[length];
        Encoding.UTF8.GetBytes(row, bytes);
        SHA256.HashData(bytes, hash);
        hash[..RowDigestBytes].CopyTo(digest);
    }

    /// <summary>The row digests of a runs.csv (every line after the header), base64.</summary>
    public static string Rows(string runsFile)
    {
        using var memory = new MemoryStream();
        Span<byte> digest = stackalloc byte[RowDigestBytes];
        bool header = true;
        foreach (var line in File.ReadLines(runsFile, Encoding.UTF8))
        {
            if (header)
            {
                header = false;
                continue;
            }
            Row(line, digest);
            memory.Write(digest);
        }
        return Convert.ToBase64String(memory.GetBuffer(), 0, (int)memory.Length);
    }

    /// <summary>The recorded row digests decoded, or null when the text is not base64 of whole digests.</summary>
    public static byte[]? DecodeRows(string? base64)
    {
        if (base64 is null) return null;
        var bytes = new byte[base64.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(base64, bytes, out int written) || written % RowDigestBytes != 0) return null;
        return bytes[..written];
    }
}
