using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace RouteSim.Results;

/// <summary>
/// Writes CSV rows straight as UTF-8 bytes into a large buffer: numbers formatted in place, ids encoded once.
/// The per-replication tables have millions of rows; building a string for each cost more than simulating them.
/// </summary>
/// <remarks>
/// Its per-field methods are compiled optimised at once: they are called millions of times within the
/// first second, before tiered compilation would promote them.
/// </remarks>
public sealed class Utf8CsvWriter : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buffer = new byte[1 << 16];
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Comma() => Byte((byte)',');

    /// <summary>The end of a row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndRow() => Byte((byte)'\n');

    /// <summary>An integer, invariant culture.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Number(long value) => Formatted(value);

    /// <summary>A count: a non-negative integer written digit by digit (the general formatter costs more than the rest of a row).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Count(int value)
    {
        _used += Count(Reserve(MaxIntegerBytes), value);
    }

    /// <summary>Bytes an <see cref="int"/> can take, sign included.</summary>
    public const int MaxIntegerBytes = 11;

    /// <summary>Writes an integer at the start of <paramref name="into"/> (at least <see cref="MaxIntegerBytes"/> long); returns its length.</summary>
    /// <remarks>Two digits per division, from a table: most counts in result rows are below a hundred.</remarks>
    public static int Count(Span<byte> into, int value)
    {
        if ((uint)value < 10)
        {
            into[0] = (byte)('0' + value);
            return 1;
        }
        if (value < 0)
        {
            value.TryFormat(into, out int written, default, CultureInfo.InvariantCulture);
            return written;
        }
        uint v = (uint)value;
        int digits = v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5 : v < 1000000 ? 6
            : v < 10000000 ? 7 : v < 100000000 ? 8 : v < 1000000000 ? 9 : 10;
        var pairs = DigitPairs;
        int at = digits;
        while (v >= 100)
        {
            (v, uint pair) = Math.DivRem(v, 100);
            into[--at] = pairs[(int)(2 * pair + 1)];
            into[--at] = pairs[(int)(2 * pair)];
        }
        if (v >= 10)
        {
            into[1] = pairs[(int)(2 * v + 1)];
            into[0] = pairs[(int)(2 * v)];
        }
        else
        {
            into[0] = (byte)('0' + v);
        }
        return digits;
    }

    private static ReadOnlySpan<byte> DigitPairs =>
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    /// <summary>Free buffer space of at least <paramref name="bytes"/> bytes (flushing first if needed), to fill and then <see cref="Advance"/>.</summary>
    /// <remarks>For rows written in one go: one capacity check per row instead of one per field.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Span<byte> Reserve(int bytes)
    {
        if (_buffer.Length - _used < bytes)
        {
            Flush();
            if (_buffer.Length < bytes) _buffer = new byte[bytes]; // rows of very long ids
        }
        return _buffer.AsSpan(_used);
    }

    /// <summary>Keeps <paramref name="bytes"/> bytes written into the span from <see cref="Reserve"/>.</summary>
    public void Advance(int bytes) => _used += bytes;

    /// <summary>A number that reads back to the same double (as "R" writes it); NaN as an empty field.</summary>
    /// <remarks>
    /// Whole numbers below 10^15 (a third of a summary's cells are zero) go through the integer path: the same
    /// text as "R", at a tenth of the cost of the shortest round-trip search.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Number(double value)
    {
        if (double.IsNaN(value)) return;
        if (Math.Abs(value) < 1e15 && value == Math.Truncate(value) && !(value == 0 && double.IsNegative(value)))
        {
            long whole = (long)value;
            if (whole >= 0 && whole <= int.MaxValue) Count((int)whole);
            else Formatted(whole);
            return;
        }
        Formatted(value, "R");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Formatted<T>(T value, string? format = null) where T : IUtf8SpanFormattable
    {
        if (_buffer.Length - _used < 32) Flush();
        if (!value.TryFormat(_buffer.AsSpan(_used), out int written, format, CultureInfo.InvariantCulture))
            throw new InvalidOperationException("a number did not fit in 32 bytes");
        _used += written;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
