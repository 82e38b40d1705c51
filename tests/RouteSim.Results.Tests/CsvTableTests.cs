using RouteSim.Results.Reading;

namespace RouteSim.Results.Tests;

/// <summary>Tables read back through Sep: RFC 4180 quoting, a byte-order mark, and one-line errors naming file and line.</summary>
public class CsvTableTests
{
    [Fact]
    public void What_the_writer_quotes_reads_back_as_written()
    {
        string[] texts = ["Nogales", "San Diego, CA", "say \"hi\"", "two\nlines", ""];
        var csv = "id,text\n" + string.Join("", texts.Select((t, i) => $"{i},{Csv.Text(t)}\n"));
        var table = CsvTable.Parse(csv, "t.csv");
        Assert.Equal(texts, table.Rows.Select(r => r[table.Column("text")]));
        Assert.Equal([2, 3, 4, 5, 7], table.Lines);
    }

    [Fact]
    public void Quoted_names_and_a_byte_order_mark_are_not_part_of_the_names()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "\"measure\",\"estimate\"\r\n\"a, b\",1.5\r\n", new System.Text.UTF8Encoding(true));
            var table = CsvTable.Read(file);
            Assert.Equal(["measure", "estimate"], table.Header);
            Assert.Equal("a, b", table.Rows.Single()[table.Column("measure")]);
            Assert.Equal(1.5, CsvTable.Number(table.Rows.Single()[table.Column("estimate")]));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("a,b\n1,2,3\n", "t.csv:2: 3 fields, but the header has 2")]
    [InlineData("", "t.csv: empty file")]
    public void Broken_tables_are_one_line_errors(string csv, string message)
    {
        var error = Assert.Throws<ResultsReadException>(() => CsvTable.Parse(csv, "t.csv"));
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void A_missing_column_lists_the_columns()
    {
        var error = Assert.Throws<ResultsReadException>(() => CsvTable.Parse("a,b\n1,2\n", "t.csv").Column("c"));
        Assert.Equal("t.csv: no column 'c'; columns: a, b", error.Message);
    }

    [Fact]
    public void A_field_that_is_not_a_number_is_a_read_error_not_a_crash() =>
        Assert.Throws<ResultsReadException>(() => CsvTable.Number("twelve"));

    [Fact]
    public void A_header_that_names_a_column_twice_is_a_located_read_error()
    {
        var e = Assert.Throws<RouteSim.Results.Reading.ResultsReadException>(() => RouteSim.Results.Reading.CsvTable.Parse("a,b,b\n1,2,3\n", "t.csv"));
        Assert.StartsWith("t.csv:1:", e.Message);
    }

    [Theory]
    [InlineData("{\"x\":")]
    [InlineData("[]")]
    [InlineData("{\"scenario\": \"s\", \"replications\": \"two\"}")]
    public void A_damaged_manifest_reads_as_no_manifest(string json)
    {
        Assert.Null(RouteSim.Results.RunManifest.FromJson(json));
        Assert.Null(RouteSim.Results.ComparisonManifest.FromJson(json));
    }
}
