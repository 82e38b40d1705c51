using RouteSim.Experiments.Calibration;
using RouteSim.Scenarios;

namespace RouteSim.Experiments.Tests;

/// <summary>Observed tables as other tools write them (RFC 4180): read by column name, whatever the quoting.</summary>
public class ObservedTableTests
{
    private static (Analysis.Calibration.ObservedTable? Table, List<ScenarioError> Errors) Read(string csv, bool bom = false)
    {
        var folder = Files.Scratch();
        var file = Path.Combine(folder, "observed.csv");
        File.WriteAllText(file, csv, new System.Text.UTF8Encoding(bom));
        var errors = new List<ScenarioError>();
        var table = ObservedCsv.Read(file, "fiscal_year", ["seized_kg", "crossings"], errors);
        return (table, errors);
    }

    /// <summary>A repeated column name cannot be read by name: one located line, not an internal error.</summary>
    [Fact]
    public void A_column_named_twice_is_refused_at_the_header()
    {
        var (table, errors) = Read("fiscal_year,seized_kg,seized_kg\n2019,1,2\n");
        Assert.Null(table);
        var e = Assert.Single(errors);
        Assert.Equal(1, e.Line);
        Assert.Contains("seized_kg", e.Message);
    }

    [Fact]
    public void A_table_written_by_R_write_csv_is_read()
    {
        // write.csv(df): quoted names, a quoted row-name column with an empty name, NA for missing, CRLF on Windows.
        var (table, errors) = Read("\"\",\"fiscal_year\",\"seized_kg\",\"crossings\",\"sector\"\r\n" +
                                   "\"1\",2019,12.5,300,\"Tucson, AZ\"\r\n" +
                                   "\"2\",2020,NA,310,\"El Paso \"\"Del Norte\"\"\"\r\n");
        Assert.True(table is not null, string.Join("\n", errors));
        Assert.Equal([2019L, 2020L], table.Keys);
        Assert.Equal(12.5, table.Values[0][0]);
        Assert.True(double.IsNaN(table.Values[1][0]));
        Assert.Equal(310, table.Values[1][1]);
    }

    [Fact]
    public void A_byte_order_mark_and_spaces_around_names_are_not_part_of_the_names()
    {
        var (table, errors) = Read("fiscal_year , seized_kg,crossings\n2019,1,2\n", bom: true);
        Assert.True(table is not null, string.Join("\n", errors));
        Assert.Equal(2019, table.Keys.Single());
    }

    [Fact]
    public void A_quoted_field_may_hold_commas_and_line_breaks_and_later_lines_keep_their_numbers()
    {
        var (table, errors) = Read("fiscal_year,note,seized_kg,crossings\n2019,\"two\nlines, and a comma\",1,2\n2020,plain,x,4\n");
        Assert.Null(table);
        var error = Assert.Single(errors);
        Assert.Equal(4, error.Line); // the row of 2020 starts on line 4: the quoted line break counts
        Assert.Contains("'x' is not a non-negative number", error.Message);
    }

    [Fact]
    public void A_missing_column_lists_the_columns_by_their_unquoted_names()
    {
        var (_, errors) = Read("\"year\",\"seized_kg\",\"crossings\"\n2019,1,2\n");
        var error = Assert.Single(errors);
        Assert.Equal("no column 'fiscal_year' (the calibration's key); columns: 'year', 'seized_kg', 'crossings'", error.Message);
    }

    [Theory]
    [InlineData("fiscal_year,seized_kg,crossings\n2019,1\n", 2, "2 fields, but the header has 3")]
    [InlineData("fiscal_year,seized_kg,crossings\n2019,1,2\n2019,1,2\n", 3, "key 2019 appears twice")]
    [InlineData("fiscal_year,seized_kg,crossings\n2019,1e999,2\n", 2, "'1e999' is not a non-negative number")]
    [InlineData("fiscal_year,seized_kg,crossings\n", 1, "needs a header and at least one row")]
    [InlineData("", 1, "needs a header and at least one row")]
    public void Problems_name_the_line(string csv, int line, string message)
    {
        var (table, errors) = Read(csv);
        Assert.Null(table);
        var error = Assert.Single(errors);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message);
    }
}
