using System.Globalization;
using System.Text;

namespace RouteSim.Results;

/// <summary>
/// Writes CSV rows straight as UTF-8 bytes into a large buffer: numbers formatted in place, ids encoded once.
/// The per-replication tables have millions of rows; building a string for each cost more than simulating them.
/// </summary>
public sealed class Utf8CsvWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;
    private bool _closed;

    /// <summary>Creates (or replaces) the file and writes its header line.</summary>
    public Utf8CsvWriter(string path, string header)
        : this(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), header)
    {
    }

    /// <summary>Writes into a stream (closed with the writer), after a header line unless it is null.</summary>
    public Utf8CsvWriter(Stream stream, string? header)
    {
        _stream = stream;
        if (header is null) return;
        Raw(Encoding.UTF8.GetBytes(header));
        EndRow();
    }

    /// <summary>The UTF-8 bytes of a CSV field (quoted as needed), to pass to <see cref="Raw"/> many times.</summary>
    public static byte[] Field(string text) => Encoding.UTF8.GetBytes(Csv.Text(text));

    /// <summary>Bytes as they are.</summary>
    public void Raw(ReadOnlySpan<byte> bytes)
    {
        if (_used + bytes.Length > _buffer.Length) Flush();
        if (bytes.Length > _buffer.Length)
        {
            _stream.Write(bytes);
            return;
        }
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    /// <summary>A comma.</summary>
    public void Comma() => Byte((byte)',');

    /// <summary>The end of a row.</summary>
    public void EndRow() => Byte((byte)'\n');

    /// <summary>An integer, invariant culture.</summary>
    public void Number(long value) => Formatted(value);

    /// <summary>A count: a non-negative integer written digit by digit (the general formatter costs more than the rest of a row).</summary>
    public void Count(int value)
    {
        if (value < 0)
        {
            Formatted(value);
            return;
        }
        if (_buffer.Length - _used < 11) Flush();
        if (value < 10)
        {
            _buffer[_used++] = (byte)('0' + value);
            return;
        }
        int digits = value < 100 ? 2 : value < 1000 ? 3 : value < 10000 ? 4 : value < 100000 ? 5 : value < 1000000 ? 6
            : value < 10000000 ? 7 : value < 100000000 ? 8 : value < 1000000000 ? 9 : 10;
        int end = _used + digits;
        for (int at = end - 1; at >= _used; at--)
        {
            _buffer[at] = (byte)('0' + value % 10);
            value /= 10;
        }
        _used = end;
    }

    /// <summary>A number that reads back to the same double; NaN as an empty field.</summary>
    public void Number(double value)
    {
        if (!double.IsNaN(value)) Formatted(value, "R");
    }

    private void Formatted<T>(T value, string? format = null) where T : IUtf8SpanFormattable
    {
        if (_buffer.Length - _used < 32) Flush();
        if (!value.TryFormat(_buffer.AsSpan(_used), out int written, format, CultureInfo.InvariantCulture))
            throw new InvalidOperationException("a number did not fit in 32 bytes");
        _used += written;
    }

    private void Byte(byte b)
    {
        if (_used == _buffer.Length) Flush();
        _buffer[_used++] = b;
    }

    private void Flush()
    {
        _stream.Write(_buffer, 0, _used);
        _used = 0;
    }

    /// <summary>Writes what is buffered and closes the file.</summary>
    public void Dispose()
    {
        if (_closed) return;
        _closed = true;
        Flush();
        _stream.Dispose();
    }
}
