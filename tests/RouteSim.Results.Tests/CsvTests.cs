namespace RouteSim.Results.Tests;

public class CsvTests
{
    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-20, "1E-20")]
    [InlineData(double.NaN, "")]
    [InlineData(-2.5, "-2.5")]
    public void Numbers_round_trip_in_invariant_culture(double value, string text) => Assert.Equal(text, Csv.Number(value));

    [Theory]
    [InlineData("Nogales", "Nogales")]
    [InlineData("San Diego, CA", "\"San Diego, CA\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    public void Text_is_quoted_only_when_needed(string value, string text) => Assert.Equal(text, Csv.Text(value));
}
