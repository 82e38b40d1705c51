using RouteSim.Results.Reading;

namespace RouteSim.Results.Tests;

/// <summary>The one CSV reader's options: quoted headers as R writes them, trimming, and keeping ragged rows for a caller that reports them.</summary>
public class CsvOptionsTests
{
    [Fact]
    public void R_style_quoted_headers_are_read_unquoted()
    {
        var table = CsvTable.Parse("\"fiscal_year\",\"san_diego\",\"el_paso\"\r\n2019,58049,35138\r\n", "o.csv");
        Assert.Equal(["fiscal_year", "san_diego", "el_paso"], table.Header);
        Assert.Equal("58049", table.Rows.Single()[table.Column("san_diego")]);
    }

    [Fact]
    public void Trim_drops_spaces_around_names_and_fields()
    {
        var table = CsvTable.Parse(" key , value \n 1 , 2.5 \n", "t.csv", new CsvOptions(Trim: true));
        Assert.Equal(["key", "value"], table.Header);
        Assert.Equal(["1", "2.5"], table.Rows.Single());
    }

    [Fact]
    public void Ragged_rows_and_an_empty_file_are_kept_only_when_asked()
    {
        var lenient = new CsvOptions(KeepRagged: true);
        var table = CsvTable.Parse("a,b\n1\n2,3\n", "t.csv", lenient);
        Assert.Equal([1, 2], table.Rows.Select(r => r.Length));
        Assert.Equal([2, 3], table.Lines);
        Assert.Empty(CsvTable.Parse("", "t.csv", lenient).Header);

        var e = Assert.Throws<ResultsReadException>(() => CsvTable.Parse("a,b\n1\n", "t.csv"));
        Assert.Equal((2, "1 fields, but the header has 2"), (e.Line, e.Detail));
        Assert.Equal("t.csv:2: 1 fields, but the header has 2", e.Message);
    }

    [Fact]
    public void A_name_given_twice_is_an_error_at_line_1_whatever_the_options()
    {
        var e = Assert.Throws<ResultsReadException>(() => CsvTable.Parse("a,a\n1,2\n", "t.csv", new CsvOptions(Trim: true, KeepRagged: true)));
        Assert.Equal(1, e.Line);
        Assert.StartsWith("t.csv:1: ", e.Message, StringComparison.Ordinal);
    }
}
