using RouteSim.Experiments.Calibration;
using RouteSim.Scenarios;

namespace RouteSim.Experiments.Tests;

/// <summary>Observed tables go through the project's one CSV reader (Results' CsvTable over Sep).</summary>
public class ObservedTableQuotingTests
{
    [Fact]
    public void R_style_quoted_headers_name_the_columns()
    {
        // write.csv(df, row.names = FALSE): every name quoted, numbers bare.
        var file = Files.Write(Files.Scratch(), "observed.csv",
            "\"fiscal_year\",\"san_diego\",\"el_paso\",\"tucson\"\n2019,58049,35138,63490\n2020,26922,20641,66074\n");
        var errors = new List<ScenarioError>();
        var table = ObservedCsv.Read(file, "fiscal_year", ["san_diego", "tucson"], errors);
        Assert.True(table is not null, string.Join("\n", errors));
        Assert.Equal([2019L, 2020L], table.Keys);
        Assert.Equal([58049.0, 63490.0], table.Values[0]);
        Assert.Equal([26922.0, 66074.0], table.Values[1]);
    }

    [Fact]
    public void Every_short_row_is_reported_not_just_the_first()
    {
        var file = Files.Write(Files.Scratch(), "observed.csv", "fiscal_year,a,b\n2019,1\n2020,2,3\n2021,x,3\n");
        var errors = new List<ScenarioError>();
        Assert.Null(ObservedCsv.Read(file, "fiscal_year", ["a", "b"], errors));
        Assert.Equal([2, 4], errors.Select(e => e.Line));
        Assert.Equal("2 fields, but the header has 3", errors[0].Message);
    }
}
