using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RouteSim.Results;

/// <summary>
/// One per-replication table (locations, organizations or routes): each row's key columns, already encoded, and
/// where its counts sit in a period's block of the result arrays. Writes a period's rows in one pass.
/// </summary>
/// <remarks>
/// Millions of rows per run, written while the simulation needs both cores: each row is stored through a
/// reference into buffer space reserved once (its length checked up front), with the period's
/// "replication,period," prefix formatted once for all its rows.
/// </remarks>
internal sealed class CountTable(Utf8CsvWriter writer, byte[][] keys, int[] firsts, int width, int cellsPerPeriod)
{
    private readonly int _longestRow = keys.Max(k => k.Length) + width * (Utf8CsvWriter.MaxIntegerBytes + 1) + 1;

    /// <summary>Appends every row of <paramref name="period"/>, each starting with <paramref name="prefix"/>.</summary>
    public void WritePeriod(ReadOnlySpan<byte> prefix, int[] counts, int period)
    {
        var block = counts.AsSpan(period * cellsPerPeriod, cellsPerPeriod);
        int longest = prefix.Length + _longestRow;
        for (int j = 0; j < keys.Length;)
        {
            // Space for a batch of rows at a time: one check per batch rather than per row.
            int batch = Math.Min(keys.Length - j, RowsPerBatch);
            var space = writer.Reserve(batch * longest);
            int used = 0;
            for (int end = j + batch; j < end; j++)
                used += Row(space[used..], prefix, keys[j], block.Slice(firsts[j], width));
            writer.Advance(used);
        }
    }

    private const int RowsPerBatch = 64;

    /// <summary>Writes prefix, key and counts into <paramref name="into"/> (long enough: see the caller); returns the length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Row(Span<byte> into, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> key, ReadOnlySpan<int> counts)
    {
        ref byte at = ref MemoryMarshal.GetReference(into);
        Unsafe.CopyBlockUnaligned(ref at, ref MemoryMarshal.GetReference(prefix), (uint)prefix.Length);
        int n = prefix.Length;
        Unsafe.CopyBlockUnaligned(ref Unsafe.Add(ref at, n), ref MemoryMarshal.GetReference(key), (uint)key.Length);
        n += key.Length;
        foreach (int count in counts)
        {
            Unsafe.Add(ref at, n++) = (byte)',';
            // Most cells are below a hundred: spare them the call.
            if ((uint)count < 10)
            {
                Unsafe.Add(ref at, n++) = (byte)('0' + count);
            }
            else if ((uint)count < 100)
            {
                Unsafe.Add(ref at, n++) = (byte)('0' + count / 10);
                Unsafe.Add(ref at, n++) = (byte)('0' + count % 10);
            }
            else
            {
                n += Utf8CsvWriter.Count(into[n..], count);
            }
        }
        Unsafe.Add(ref at, n++) = (byte)'\n';
        return n;
    }
}
