using RouteSim.Core.Engine;
using RouteSim.Scenarios.Tests.Support;

namespace RouteSim.Scenarios.Tests;

/// <summary>
/// The headline scenarios stay calibrated to FY2024 seizures (scenarios/north-america-2025/data/README.md): about 21,148 lb of
/// fentanyl a year at the southwest border, over 90% at ports of entry, and about 43 lb at the northern border.
/// The tolerance is the calibration's own (5% south, 50% north: a few dozen loads a year); sampling error over
/// ten replications is far smaller (about 0.3% south).
/// </summary>
public class BundledScenarioCalibrationTests
{
    private static (double SouthPorts, double SouthLines, double North) FentanylSeized(string file)
    {
        var loaded = ScenarioLoader.Load(File.ReadAllText(Repo.File("scenarios", "north-america-2025", file)), file, LoadOptions.Unlimited);
        Assert.True(loaded.Ok, string.Join("\n", loaded.Errors));
        var model = loaded.Model!;
        var summary = new RunSummary(model.Layout);
        Ensemble.Run(model, new RunSettings(2025, 10, 2), summary.Add);
        int fentanyl = Array.IndexOf(model.CommodityIds, "fentanyl");
        string[] north = ["BLA", "PEM", "DET", "BUF", "CHA"];
        double ports = 0, lines = 0, northern = 0;
        for (int l = 0; l < model.LocationCount; l++)
        {
            if (!model.LocationCarries[l * model.CommodityCount + fentanyl]) continue;
            string id = model.LocationIds[l];
            double seized = summary.Location(null, l, fentanyl, LocationMetric.Interdictions).Mean;
            if (north.Contains(id.Split('_')[0])) northern += seized;
            else if (id.EndsWith("_PORT", StringComparison.Ordinal)) ports += seized;
            else if (id.EndsWith("_LINE", StringComparison.Ordinal)) lines += seized;
        }
        return (ports, lines, northern);
    }

    [Theory]
    [InlineData("mexico-baseline.yaml")]
    [InlineData("north-america-baseline.yaml")]
    public void Southwest_border_seizures_match_fiscal_2024(string file)
    {
        var (ports, lines, _) = FentanylSeized(file);
        Assert.InRange(ports + lines, 21_148 * 0.95, 21_148 * 1.05);
        Assert.True(ports / (ports + lines) > 0.9, $"{ports / (ports + lines):P1} at ports of entry");
    }

    [Fact]
    public void Northern_border_seizures_match_fiscal_2024()
    {
        var (_, _, north) = FentanylSeized("north-america-baseline.yaml");
        Assert.InRange(north, 43 * 0.5, 43 * 1.5);
    }
}
