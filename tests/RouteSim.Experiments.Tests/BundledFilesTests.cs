using RouteSim.Experiments.Calibration;
using RouteSim.Experiments.Sweeps;
using RouteSim.Scenarios;

namespace RouteSim.Experiments.Tests;

public class BundledFilesTests
{
    public static TheoryData<string> SweepFiles() =>
        [.. Directory.GetFiles(Files.Scenario(), "*.yaml", SearchOption.AllDirectories).Where(f => f.Contains($"{Path.DirectorySeparatorChar}sweeps{Path.DirectorySeparatorChar}", StringComparison.Ordinal))];

    public static TheoryData<string> CalibrationFiles() =>
        [.. Directory.GetFiles(Files.Scenario(), "calibration*.yaml", SearchOption.AllDirectories)];

    [Theory]
    [MemberData(nameof(SweepFiles))]
    public void Every_bundled_sweep_loads_and_builds_its_first_point(string file)
    {
        var sweep = SweepFile.Load(file, LoadOptions.Unlimited, out var errors);
        Assert.True(sweep is not null, string.Join("\n", errors));
        Assert.NotNull(sweep.Point(0, LoadOptions.Unlimited).Model);
    }

    [Theory]
    [MemberData(nameof(CalibrationFiles))]
    public void Every_bundled_calibration_loads(string file)
    {
        var calibration = CalibrationFile.Load(file, LoadOptions.Unlimited, out var errors);
        Assert.True(calibration is not null, string.Join("\n", errors));
        Assert.NotEmpty(calibration.Observed.Keys);
    }

    [Fact]
    public void The_backtest_predicts_every_fiscal_year_and_fits_only_the_given_ones()
    {
        var calibration = CalibrationFile.Load(Files.Scenario("backtest", "gatekeeper", "calibration.yaml"), LoadOptions.Unlimited, out _)!;
        Assert.Equal(Enumerable.Range(1992, 9).Select(y => (long)y), calibration.PredictKeys);
        Assert.Equal(Enumerable.Range(1992, 5).Select(y => (long)y), calibration.Observed.Keys);
        Assert.Equal(["san_diego", "el_centro", "yuma", "tucson", "el_paso", "big_bend", "del_rio", "laredo", "rio_grande_valley"], calibration.Observed.Targets);
        Assert.Equal("sector", calibration.TargetName);
        Assert.True(calibration.Anchored);
    }
}
