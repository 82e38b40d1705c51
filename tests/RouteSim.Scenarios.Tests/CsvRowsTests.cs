using RouteSim.Scenarios.Tables;

namespace RouteSim.Scenarios.Tests;

/// <summary>The project's one CSV reader: quoted headers as R writes them, trimming, and ragged rows kept for a caller that reports them.</summary>
public class CsvRowsTests
{
    [Fact]
    public void R_style_quoted_headers_are_read_unquoted()
    {
        var table = CsvRows.Parse("\"fiscal_year\",\"san_diego\",\"el_paso\"\r\n2019,58049,35138\r\n", CsvOptions.Strict);
        Assert.Equal(["fiscal_year", "san_diego", "el_paso"], table.Header);
        Assert.Equal(["2019", "58049", "35138"], table.Rows.Single());
        Assert.Equal([2], table.Lines);
    }

    [Fact]
    public void Trim_drops_spaces_around_names_and_fields()
    {
        var table = CsvRows.Parse(" key , value \n 1 , 2.5 \n", new CsvOptions(Trim: true));
        Assert.Equal(["key", "value"], table.Header);
        Assert.Equal(["1", "2.5"], table.Rows.Single());
    }

    [Fact]
    public void Ragged_rows_and_an_empty_text_are_kept_only_when_asked()
    {
        var lenient = new CsvOptions(KeepRagged: true);
        var table = CsvRows.Parse("a,b\n1\n\n2,3\n", lenient);
        Assert.Equal([1, 2], table.Rows.Select(r => r.Length));
        Assert.Equal([2, 4], table.Lines);
        Assert.Empty(CsvRows.Parse("", lenient).Header);

        var ragged = Assert.Throws<CsvFormatException>(() => CsvRows.Parse("a,b\n1\n", CsvOptions.Strict));
        Assert.Equal((2, "1 fields, but the header has 2"), (ragged.Line, ragged.Detail));
        var empty = Assert.Throws<CsvFormatException>(() => CsvRows.Parse("", CsvOptions.Strict));
        Assert.Null(empty.Line);
    }

    [Fact]
    public void A_name_given_twice_is_an_error_at_line_1_whatever_the_options()
    {
        var e = Assert.Throws<CsvFormatException>(() => CsvRows.Parse("a,a\n1,2\n", new CsvOptions(Trim: true, KeepRagged: true)));
        Assert.Equal(1, e.Line);
        Assert.Contains("a", e.Detail, StringComparison.Ordinal);
    }
}
