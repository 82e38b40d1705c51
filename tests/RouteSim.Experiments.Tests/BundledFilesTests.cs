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

    /// <summary>
    /// The operations enter the Gatekeeper scenario as dated deterrence costs of 1 (build.py, OPERATIONS) and every
    /// Gatekeeper calibration fits one factor for all of them: Hold the Line from FY1994, Gatekeeper from FY1995.
    /// </summary>
    [Theory]
    [InlineData("calibration.yaml")]
    [InlineData("calibration-holdout.yaml")]
    public void The_Gatekeeper_operations_are_dated_deterrence_costs_with_one_fitted_size(string name)
    {
        var calibration = CalibrationFile.Load(Files.Scenario("backtest", "gatekeeper", name), LoadOptions.Unlimited, out var errors);
        Assert.True(calibration is not null, string.Join("\n", errors));
        var deterrence = Assert.Single(calibration.Parameters, p => p.Path.Text.Contains("deterrence_cost", StringComparison.Ordinal));
        Assert.Equal("enforcement.events[*].deterrence_cost.*", deterrence.Path.Text);
        Assert.True(deterrence.Path.Multiplies);
        Assert.Equal(0, deterrence.Parameter.Lower);

        var values = calibration.Parameters.Select(p => p.Parameter.Start).ToArray();
        int at = calibration.Parameters.ToList().IndexOf(deterrence);
        values[at] = 0.87;
        var model = calibration.Model(values, LoadOptions.Unlimited, out var problem);
        Assert.True(model is not null, problem);
        var operations = model.Scenario.Enforcement.Events.Where(e => e.DeterrenceCost is { Count: > 0 })
            .Select(e => (e.Period, Location: Assert.Single(e.DeterrenceCost!).Key, Cost: e.DeterrenceCost!.Values.Single()));
        // FY y starts at period 12 (y - 1991): October 1993 is FY1994, October 1994 FY1995.
        Assert.Equal([(36, "el_paso", 0.87), (48, "san_diego", 0.87)], operations);
    }

    [Fact]
    public void The_SBI_backtest_fits_apprehension_and_death_shares_of_FY2001_2006_and_predicts_FY2001_2010_with_intervals()
    {
        var calibration = CalibrationFile.Load(Files.Scenario("backtest", "sbi", "calibration.yaml"), LoadOptions.Unlimited, out var errors);
        Assert.True(calibration is not null, string.Join("\n", errors));
        Assert.Equal(Enumerable.Range(2001, 10).Select(y => (long)y), calibration.PredictKeys);
        Assert.Equal(Enumerable.Range(2001, 6).Select(y => (long)y), calibration.Observed.Keys);
        Assert.Equal(["apprehensions", "deaths"], calibration.Groups.Names);
        string[] sectors = ["san diego", "el centro", "yuma", "tucson", "el paso", "big bend", "del rio", "laredo", "rio grande valley"];
        Assert.Equal([.. sectors, .. sectors], calibration.Labels);
        Assert.Equal(Enumerable.Repeat(0, 9).Concat(Enumerable.Repeat(1, 9)), calibration.Groups.Of);
        Assert.NotNull(calibration.Intervals);
        Assert.True(calibration.Anchored);
    }

    [Theory]
    [InlineData("gatekeeper", 1992, 1994, 1996)]
    [InlineData("sbi", 2001, 2004, 2006)]
    public void Each_pseudo_holdout_fits_the_first_years_and_checks_the_last_two_it_can_see(string backtest, int first, int lastFitted, int lastSeen)
    {
        var calibration = CalibrationFile.Load(Files.Scenario("backtest", backtest, "calibration-holdout.yaml"), LoadOptions.Unlimited, out var errors);
        Assert.True(calibration is not null, string.Join("\n", errors));
        Assert.Equal(Enumerable.Range(first, lastFitted - first + 1).Select(y => (long)y), calibration.Observed.Keys);
        Assert.Equal(lastSeen, calibration.AllObserved.Keys.Max());
        Assert.Equal(lastSeen, calibration.PredictKeys.Max());
        Assert.NotNull(calibration.Intervals);
    }

    [Theory]
    [InlineData("gatekeeper", "calibration")]
    [InlineData("gatekeeper", "calibration-holdout")]
    [InlineData("sbi", "calibration")]
    [InlineData("sbi", "calibration-holdout")]
    public void The_bundled_backtests_carry_no_outside_estimate_and_their_estimate_variants_differ_only_by_it(string backtest, string name)
    {
        var bundled = CalibrationFile.Load(Files.Scenario("backtest", backtest, name + ".yaml"), LoadOptions.Unlimited, out var errors);
        Assert.True(bundled is not null, string.Join("\n", errors));
        var variant = CalibrationFile.Load(Files.Scenario("backtest", backtest, "variants", name + "-estimates.yaml"), LoadOptions.Unlimited, out errors);
        Assert.True(variant is not null, string.Join("\n", errors));
        // The bundled fits are the published ones: no estimate, the Nelder-Mead search.
        Assert.Empty(bundled.Estimates);
        Assert.Equal(FitMethod.NelderMead, bundled.Method);
        Assert.Equal(bundled.Parameters.Select(p => p.Parameter), variant.Parameters.Select(p => p.Parameter));
        Assert.Equal(bundled.Observed.Keys, variant.Observed.Keys);
        Assert.Equal(bundled.PredictKeys, variant.PredictKeys);
        Assert.Equal((bundled.Method, bundled.MaxEvaluations, bundled.Seed, bundled.Replications), (variant.Method, variant.MaxEvaluations, variant.Seed, variant.Replications));
        var estimate = Assert.Single(variant.Estimates);
        Assert.Equal(("interdictions", "attempts"), (estimate.Numerator.Metric, estimate.Denominator.Metric));
        Assert.Contains("Massey", estimate.Estimate.Source, StringComparison.Ordinal);
    }
}
