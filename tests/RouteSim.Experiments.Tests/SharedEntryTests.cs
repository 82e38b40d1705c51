using RouteSim.Experiments.Calibration;
using RouteSim.Experiments.Sweeps;
using RouteSim.Scenarios;

namespace RouteSim.Experiments.Tests;

/// <summary>
/// Sweep and calibration files read their parameter and outcome entries through one reader
/// (Entries/ParameterEntry, Entries/OutcomeEntry): the same mistake gets the same message at the same place in both.
/// </summary>
public class SharedEntryTests
{
    private static string Sweep(string parameter, string outcome) => $$"""
        name: s
        scenario: {{Files.Scenario("tutorial", "three-crossings.yaml")}}
        replications: 2
        seed: 1
        design: { kind: grid, levels: 2 }
        parameters:
          - {{parameter}}
        outcomes:
          - {{outcome}}
        """;

    private static string Calibration(string parameter, string target) => $$"""
        name: c
        scenario: {{Files.Scenario("tutorial", "three-crossings.yaml")}}
        observed: observed.csv
        key: block
        periods: { first_key: 0, start: 0, length: 10 }
        targets:
          - {{target}}
        parameters:
          - {{parameter}}
        replications: 2
        seed: 1
        """;

    private static ScenarioError SweepError(string parameter, string outcome = "{ name: d, metric: deaths }")
    {
        var file = Files.Write(Files.Scratch(), "sweep.yaml", Sweep(parameter, outcome));
        Assert.Null(SweepFile.Load(file, LoadOptions.Unlimited, out var errors));
        return Assert.Single(errors);
    }

    private static ScenarioError CalibrationError(string parameter, string target = "{ column: x, metric: deaths }")
    {
        var folder = Files.Scratch();
        Files.Write(folder, "observed.csv", "block,x\n0,1\n");
        var file = Files.Write(folder, "calibration.yaml", Calibration(parameter, target));
        Assert.Null(CalibrationFile.Load(file, LoadOptions.Unlimited, out var errors));
        return Assert.Single(errors);
    }

    [Theory]
    [InlineData("{ path: enforcement.effectiveness, min: 0.8, max: 0.2 }", "max", "max must be greater than min (0.8)")]
    [InlineData("{ path: enforcement.effectiveness, min: 0, max: 0.5, scale: log }", "min", "a log scale needs a positive min")]
    [InlineData("{ path: \"organizations[*].temperature\", min: 1, max: 2 }", "path", "'organizations[*].temperature' picks every item with [*]; add multiply: true to ")]
    public void A_bad_parameter_range_or_path_reads_alike_in_sweeps_and_calibrations(string parameter, string key, string message)
    {
        var sweep = SweepError(parameter);
        var calibration = CalibrationError(parameter);
        Assert.Equal($"parameters[0].{key}", sweep.Path);
        Assert.Equal(sweep.Path, calibration.Path);
        Assert.StartsWith(message, sweep.Message, StringComparison.Ordinal);
        Assert.StartsWith(message, calibration.Message, StringComparison.Ordinal);
        Assert.Equal(sweep.Line, calibration.Line + (Sweep("", "").Split('\n').ToList().FindIndex(l => l.Contains("parameters:", StringComparison.Ordinal))
            - Calibration("", "").Split('\n').ToList().FindIndex(l => l.Contains("parameters:", StringComparison.Ordinal))));
    }

    [Fact]
    public void Traversals_without_a_location_read_alike_in_sweeps_and_calibrations()
    {
        const string parameter = "{ path: enforcement.effectiveness, min: 0.2, max: 0.8 }";
        var sweep = SweepError(parameter, "{ name: t, metric: traversals }");
        var calibration = CalibrationError(parameter, "{ column: x, metric: traversals }");
        Assert.Equal("traversals are counted per location; give location", sweep.Message);
        Assert.Equal(sweep.Message, calibration.Message);
        Assert.Equal("outcomes[0].metric", sweep.Path);
        Assert.Equal("targets[0].metric", calibration.Path);
    }

    // A key the metric does not count by was once accepted on calibration targets and ignored, so the fit compared
    // the observed column with a sum over every commodity or organization: refused in both files, alike.
    [Theory]
    [InlineData("metric: deaths, commodity: cocaine", "commodity", "commodity applies to location metrics and comparison measures only")]
    [InlineData("metric: deaths, location: X1, organization: cartel", "organization", "organization does not apply to location metrics")]
    [InlineData("metric: deaths, route: 1", "route", "route applies to the trips metric only")]
    public void A_key_the_metric_is_not_counted_by_is_refused_alike_in_sweeps_and_calibrations(string entry, string key, string message)
    {
        const string parameter = "{ path: enforcement.effectiveness, min: 0.2, max: 0.8 }";
        var sweep = SweepError(parameter, $"{{ name: d, {entry} }}");
        var calibration = CalibrationError(parameter, $"{{ column: x, {entry} }}");
        Assert.Equal($"outcomes[0].{key}", sweep.Path);
        Assert.Equal($"targets[0].{key}", calibration.Path);
        Assert.Equal(message, sweep.Message);
        Assert.Equal(message, calibration.Message);
        string line = calibration.ToString();
        Assert.DoesNotContain('\n', line);
        Assert.StartsWith($"{calibration.File}:{calibration.Line}:", line, StringComparison.Ordinal);
        Assert.EndsWith($"targets[0].{key}: {message}", line, StringComparison.Ordinal);
    }

    // Both files load through one loader: the file's own errors and its scenario's are reported together.
    [Fact]
    public void A_sweep_reports_its_own_errors_beside_its_scenarios()
    {
        var text = Sweep("{ path: enforcement.effectiveness, min: 0.2, max: 0.8 }", "{ name: d, metric: deaths }")
            .Replace("three-crossings.yaml", "nowhere.yaml", StringComparison.Ordinal).Replace("replications: 2", "replications: 0", StringComparison.Ordinal);
        var file = Files.Write(Files.Scratch(), "sweep.yaml", text);
        Assert.Null(SweepFile.Load(file, LoadOptions.Unlimited, out var errors));
        Assert.Equal(2, errors.Count);
        Assert.Equal("replications", errors[0].Path);
        Assert.Contains("file not found", errors[1].ToString(), StringComparison.Ordinal);
    }
}
