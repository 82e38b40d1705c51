using RouteSim.Results.Reading;

namespace RouteSim.Results.Tests;

/// <summary>Results' tables read through the one CSV reader: its problems come back as located ResultsReadExceptions.</summary>
public class CsvTableErrorTests
{
    [Fact]
    public void R_style_quoted_headers_name_the_columns()
    {
        var table = CsvTable.Parse("\"fiscal_year\",\"san_diego\",\"el_paso\"\r\n2019,58049,35138\r\n", "o.csv");
        Assert.Equal("58049", table.Rows.Single()[table.Column("san_diego")]);
    }

    [Fact]
    public void A_located_problem_keeps_its_line_and_detail()
    {
        var e = Assert.Throws<ResultsReadException>(() => CsvTable.Parse("a,b\n1\n", "t.csv"));
        Assert.Equal((2, "1 fields, but the header has 2"), (e.Line, e.Detail));
        Assert.Equal("t.csv:2: 1 fields, but the header has 2", e.Message);
        var empty = Assert.Throws<ResultsReadException>(() => CsvTable.Parse("", "t.csv"));
        Assert.Equal("t.csv: empty file (a table needs a header line)", empty.Message);
    }
}
