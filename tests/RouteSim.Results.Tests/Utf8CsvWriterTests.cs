using System.Globalization;
using System.Text;
using CsCheck;

namespace RouteSim.Results.Tests;

public sealed class Utf8CsvWriterTests
{
    private static string Formatted(int value)
    {
        var into = new byte[Utf8CsvWriter.MaxIntegerBytes];
        int length = Utf8CsvWriter.Count(into, value);
        return Encoding.ASCII.GetString(into, 0, length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(101)]
    [InlineData(999_999_999)]
    [InlineData(1_000_000_000)]
    [InlineData(int.MaxValue)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Integers_read_as_the_invariant_formatter_writes_them(int value) =>
        Assert.Equal(value.ToString(CultureInfo.InvariantCulture), Formatted(value));

    [Fact]
    public void Any_integer_reads_as_the_invariant_formatter_writes_it() =>
        Gen.Int.Sample(value => Assert.Equal(value.ToString(CultureInfo.InvariantCulture), Formatted(value)), iter: 100_000);

    /// <summary>Rows written in one go across the buffer's edge come out whole and in order.</summary>
    [Fact]
    public void Reserved_rows_survive_many_flushes()
    {
        var stream = new MemoryStream();
        var expected = new StringBuilder("h\n");
        using (var w = new Utf8CsvWriter(stream, "h"))
        {
            for (int i = 0; i < 20_000; i++)
            {
                var row = w.Reserve(2 * Utf8CsvWriter.MaxIntegerBytes + 2);
                int n = Utf8CsvWriter.Count(row, i);
                row[n++] = (byte)',';
                n += Utf8CsvWriter.Count(row[n..], -i * 7919);
                row[n++] = (byte)'\n';
                w.Advance(n);
                expected.Append(CultureInfo.InvariantCulture, $"{i},{-i * 7919}\n");
            }
        }
        Assert.Equal(expected.ToString(), Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void A_reservation_larger_than_the_buffer_is_honoured()
    {
        var stream = new MemoryStream();
        using (var w = new Utf8CsvWriter(stream, null))
        {
            w.Raw("a,"u8);
            var row = w.Reserve(200_000);
            row[..199_999].Fill((byte)'x');
            row[199_999] = (byte)'\n';
            w.Advance(200_000);
        }
        var text = Encoding.ASCII.GetString(stream.ToArray());
        Assert.Equal(200_002, text.Length);
        Assert.StartsWith("a,xxx", text, StringComparison.Ordinal);
        Assert.EndsWith("x\n", text, StringComparison.Ordinal);
    }

    private static string Written(double value)
    {
        var stream = new MemoryStream();
        using (var w = new Utf8CsvWriter(stream, null)) w.Number(value);
        return Encoding.ASCII.GetString(stream.ToArray());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-3.0)]
    [InlineData(12.35)]
    [InlineData(0.1 + 0.2)]
    [InlineData(2147483647.0)]
    [InlineData(2147483648.0)]
    [InlineData(999_999_999_999_999.0)]
    [InlineData(1e15)]
    [InlineData(-1e15)]
    [InlineData(1e300)]
    [InlineData(5e-324)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Doubles_read_as_R_writes_them(double value) =>
        Assert.Equal(value.ToString("R", CultureInfo.InvariantCulture), Written(value));

    [Fact]
    public void Any_double_reads_as_R_writes_it()
    {
        Gen.Double.Sample(value => double.IsNaN(value) || Written(value) == value.ToString("R", CultureInfo.InvariantCulture), iter: 100_000);
        Gen.Long[-2_000_000_000_000_000, 2_000_000_000_000_000].Sample(whole => Written(whole) == ((double)whole).ToString("R", CultureInfo.InvariantCulture), iter: 100_000);
        Gen.Int[0, 100_000].Sample(k => Written(k / 20.0) == (k / 20.0).ToString("R", CultureInfo.InvariantCulture), iter: 100_000);
    }

    [Fact]
    public void Negative_zero_keeps_its_sign() => Assert.Equal("-0", Written(-0.0));

    [Fact]
    public void Not_a_number_is_an_empty_field() => Assert.Equal("", Written(double.NaN));
}
