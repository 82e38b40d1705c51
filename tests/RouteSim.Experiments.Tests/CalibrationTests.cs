using System.Globalization;
using RouteSim.Analysis.Calibration;
using RouteSim.Experiments.Calibration;
using RouteSim.Scenarios;

namespace RouteSim.Experiments.Tests;

public class CalibrationTests
{
    private const double TrueEffectiveness = 0.5, TrueTemperature = 2.0;

    private static string CalibrationText(string extra = "") => $$"""
        name: recovery
        scenario: {{Files.Scenario("tutorial", "three-crossings.yaml")}}
        observed: observed.csv
        key: block
        periods: { first_key: 0, start: 0, length: 10 }
        compare: counts
        targets:
          - { column: x1, metric: interdictions, location: X1 }
          - { column: x2, metric: interdictions, location: X2 }
          - { column: x3, metric: interdictions, location: X3 }
          - { column: attempts, metric: attempts }
        parameters:
          - { path: enforcement.effectiveness, name: effectiveness, min: 0.05, max: 5, scale: log, start: 0.15 }
          - { path: "organizations[org].temperature", name: temperature, min: 0.2, max: 20, scale: log, start: 6 }
        replications: 4
        seed: 99
        fit: { max_evaluations: 400, tolerance: 1e-12 }
        {{extra}}
        """;

    /// <summary>A calibration whose observed table is what the model gives at the true values with the calibration's own seeds.</summary>
    private static Calibration.Calibration SelfGenerated(out string folder)
    {
        folder = Files.Scratch();
        Files.Write(folder, "observed.csv", "block,x1,x2,x3,attempts\n" + string.Join("", Enumerable.Range(0, 6).Select(k => $"{k},1,1,1,1\n")));
        var file = Files.Write(folder, "calibration.yaml", CalibrationText());
        var draft = CalibrationFile.Load(file, LoadOptions.Unlimited, out var errors) ?? throw new Xunit.Sdk.XunitException(string.Join("\n", errors));
        var truth = draft.Simulate([TrueEffectiveness, TrueTemperature], draft.Replications, 2, LoadOptions.Unlimited, out _)!;
        Files.Write(folder, "observed.csv", "block,x1,x2,x3,attempts\n" + string.Join("", truth.Keys.Select((k, i) =>
            $"{k},{string.Join(',', truth.Values[i].Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}\n")));
        return CalibrationFile.Load(file, LoadOptions.Unlimited, out errors) ?? throw new Xunit.Sdk.XunitException(string.Join("\n", errors));
    }

    [Fact]
    public void Calibration_recovers_the_parameters_that_generated_the_data()
    {
        var calibration = SelfGenerated(out _);
        double Loss(double[] v) => calibration.Loss(v, 2, LoadOptions.Unlimited);
        // With common random numbers the loss is exactly zero at the truth, so the fit must find it, up to the
        // flat steps a finite population puts into the loss: its loss must be no worse than that of the truth
        // moved by 1% in any single parameter.
        Assert.Equal(0, Loss([TrueEffectiveness, TrueTemperature]));
        var fit = NelderMeadFit.Minimize(calibration.Parameters.Select(p => p.Parameter).ToArray(), Loss, calibration.MaxEvaluations, calibration.Tolerance);
        double nearby = new[] { (1.01, 1.0), (0.99, 1.0), (1.0, 1.01), (1.0, 0.99) }.Min(f => Loss([TrueEffectiveness * f.Item1, TrueTemperature * f.Item2]));
        Assert.True(fit.BestLoss <= nearby, $"fit {string.Join(", ", fit.Best)} loss {fit.BestLoss} vs {nearby} 1% from the truth");
        Assert.Equal(TrueEffectiveness, fit.Best[0], TrueEffectiveness * 0.02);
        Assert.Equal(TrueTemperature, fit.Best[1], TrueTemperature * 0.02);
        Assert.True(fit.Trace.Count <= calibration.MaxEvaluations);
        Assert.Equal(fit.BestLoss, fit.Trace.Min(e => e.Loss));
    }

    [Fact]
    public void The_least_squares_fit_recovers_the_parameters_that_generated_the_data()
    {
        var calibration = SelfGenerated(out _);
        Assert.Equal(FitMethod.LeastSquares, calibration.Method);
        double Loss(double[] v) => calibration.Loss(v, 2, LoadOptions.Unlimited);
        // As for Nelder-Mead: no worse than the truth moved by 1% in any single parameter, and within 2% of it.
        var fit = calibration.Fit(calibration.MaxEvaluations, 2, LoadOptions.Unlimited);
        double nearby = new[] { (1.01, 1.0), (0.99, 1.0), (1.0, 1.01), (1.0, 0.99) }.Min(f => Loss([TrueEffectiveness * f.Item1, TrueTemperature * f.Item2]));
        Assert.True(fit.BestLoss <= nearby, $"fit {string.Join(", ", fit.Best)} loss {fit.BestLoss} vs {nearby} 1% from the truth");
        Assert.Equal(TrueEffectiveness, fit.Best[0], TrueEffectiveness * 0.02);
        Assert.Equal(TrueTemperature, fit.Best[1], TrueTemperature * 0.02);
        Assert.Equal(Loss(fit.Best), fit.BestLoss);
        Assert.True(fit.Trace.Count <= calibration.MaxEvaluations);
    }

    [Fact]
    public void The_fit_evaluates_the_same_points_in_the_same_order_whatever_the_thread_count()
    {
        var calibration = SelfGenerated(out _);
        var one = calibration.Fit(60, 1, LoadOptions.Unlimited);
        var two = calibration.Fit(60, 2, LoadOptions.Unlimited);
        Assert.Equal(one.Trace.Select(e => (e.Loss, string.Join(',', e.Values))), two.Trace.Select(e => (e.Loss, string.Join(',', e.Values))));
        Assert.Equal(one.Best, two.Best);
    }

    [Fact]
    public void The_fit_runs_only_to_its_last_fitted_key_and_gets_the_loss_of_a_full_run()
    {
        SelfGenerated(out var folder);
        var file = Files.Write(folder, "early.yaml", CalibrationText("fit_keys: { from: 0, to: 2 }"));
        var calibration = CalibrationFile.Load(file, LoadOptions.Unlimited, out var errors)!;
        Assert.Empty(errors);
        double[] values = [0.3, 1.5];
        var full = calibration.Simulate(values, calibration.Replications, 2, LoadOptions.Unlimited, out _)!;
        Assert.True(full.Keys.Count > calibration.Observed.Keys.Count);
        Assert.Equal(CalibrationLoss.Compute(calibration.Observed, full, calibration.Scale), calibration.Loss(values, 2, LoadOptions.Unlimited));
        Assert.Equal(CalibrationLoss.Residuals(calibration.Observed, full, calibration.Scale), calibration.Residuals(values, 2, LoadOptions.Unlimited));
    }

    [Fact]
    public void The_loss_is_the_same_at_the_same_values_whatever_the_thread_count()
    {
        var calibration = SelfGenerated(out _);
        double[] values = [0.3, 1.5];
        Assert.Equal(calibration.Loss(values, 1, LoadOptions.Unlimited), calibration.Loss(values, 2, LoadOptions.Unlimited));
    }

    [Fact]
    public void Holding_out_rows_fits_on_the_others_and_anchoring_moves_the_last_fitted_observation_by_the_models_change()
    {
        SelfGenerated(out var folder);
        var file = Files.Write(folder, "holdout.yaml", CalibrationText("fit_keys: { from: 0, to: 3 }\npredict: { from: 0, to: 5, anchor: last_fitted }"));
        var calibration = CalibrationFile.Load(file, LoadOptions.Unlimited, out var errors)!;
        Assert.Empty(errors);
        Assert.Equal(new long[] { 0, 1, 2, 3 }, calibration.Observed.Keys);
        Assert.Equal(6, calibration.AllObserved.Keys.Count);
        var simulated = calibration.Simulate([0.4, 2.5], 4, 2, LoadOptions.Unlimited, out _)!;
        var predicted = Forecast.Predict(simulated, calibration.Observed, FitScale.Counts, 1, anchored: true);
        Assert.Equal(simulated.Values[2], predicted[2]);
        for (int j = 0; j < 4; j++)
            Assert.Equal(calibration.Observed.Values[3][j] * simulated.Values[5][j] / simulated.Values[3][j], predicted[5][j], 9);
    }

    [Theory]
    [InlineData("observed.csv", "block,x1,x2\n0,1,2\n", "no column 'x3'")]
    [InlineData("observed.csv", "block,x1,x2,x3,attempts\n0,1,2,x,4\n", "'x' is not a non-negative number")]
    [InlineData("observed.csv", "block,x1,x2,x3,attempts\n0,1,2,3,4\n0,1,2,3,4\n", "key 0 appears twice")]
    [InlineData("observed.csv", "block,x1,x2,x3,attempts\n9,1,2,3,4\n", "outside the scenario's 60 periods")]
    public void Observed_table_problems_name_the_file_and_line(string name, string csv, string message)
    {
        var folder = Files.Scratch();
        Files.Write(folder, name, csv);
        var file = Files.Write(folder, "calibration.yaml", CalibrationText());
        Assert.Null(CalibrationFile.Load(file, LoadOptions.Unlimited, out var errors));
        Assert.Contains(errors, e => e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_observed_file_is_named_at_the_calibration_files_line()
    {
        var folder = Files.Scratch();
        var file = Files.Write(folder, "calibration.yaml", CalibrationText());
        Assert.Null(CalibrationFile.Load(file, LoadOptions.Unlimited, out var errors));
        var e = Assert.Single(errors);
        Assert.Equal(file, e.File);
        Assert.Equal("observed", e.Path);
        Assert.True(e.Line > 0);
        Assert.Contains("file not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_start_outside_the_bounds_is_refused_at_its_line()
    {
        var folder = Files.Scratch();
        Files.Write(folder, "observed.csv", "block,x1,x2,x3,attempts\n0,1,2,3,4\n");
        var text = CalibrationText().Replace("start: 0.15", "start: 9", StringComparison.Ordinal);
        var file = Files.Write(folder, "calibration.yaml", text);
        Assert.Null(CalibrationFile.Load(file, LoadOptions.Unlimited, out var errors));
        var e = Assert.Single(errors);
        Assert.Equal("parameters[0].start", e.Path);
        Assert.Equal(text.Split('\n').ToList().FindIndex(l => l.Contains("start: 9", StringComparison.Ordinal)) + 1, e.Line);
    }

    [Theory]
    [InlineData("intervals: { draws: 10, forecast_error: true }", "intervals", "forecast_error is the error of anchored one-step forecasts")]
    [InlineData("targets_extra", "targets", "give every target a group, or none")]
    public void Interval_and_group_settings_that_cannot_work_are_refused(string extra, string path, string message)
    {
        var folder = Files.Scratch();
        Files.Write(folder, "observed.csv", "block,x1,x2,x3,attempts\n0,1,2,3,4\n");
        var text = extra == "targets_extra"
            ? CalibrationText().Replace("location: X1 }", "location: X1, group: crossings }", StringComparison.Ordinal)
            : CalibrationText(extra);
        var file = Files.Write(folder, "calibration.yaml", text);
        Assert.Null(CalibrationFile.Load(file, LoadOptions.Unlimited, out var errors));
        var e = Assert.Single(errors);
        Assert.Equal(path, e.Path);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Groups_labels_intervals_and_the_change_loss_are_read()
    {
        var folder = Files.Scratch();
        Files.Write(folder, "observed.csv", "block,x1,x2,x3,attempts\n0,1,2,3,4\n1,1,2,3,4\n");
        var text = CalibrationText("predict: { from: 0, to: 2, anchor: last_fitted }\nintervals: { draws: 10, replications: 2, forecast_error: true }")
            .Replace("fit: { max_evaluations: 400, tolerance: 1e-12 }", "fit: { max_evaluations: 400, tolerance: 1e-12, changes: true }", StringComparison.Ordinal)
            .Replace("location: X1 }", "location: X1, group: crossings, label: first }", StringComparison.Ordinal)
            .Replace("location: X2 }", "location: X2, group: crossings }", StringComparison.Ordinal)
            .Replace("location: X3 }", "location: X3, group: crossings }", StringComparison.Ordinal)
            .Replace("metric: attempts }", "metric: attempts, group: trips }", StringComparison.Ordinal);
        var calibration = CalibrationFile.Load(Files.Write(folder, "calibration.yaml", text), LoadOptions.Unlimited, out var errors);
        Assert.True(calibration is not null, string.Join("\n", errors));
        Assert.Equal(["crossings", "trips"], calibration.Groups.Names);
        Assert.Equal([0, 0, 0, 1], calibration.Groups.Of);
        Assert.Equal(["first", "x2", "x3", "attempts"], calibration.Labels);
        Assert.True(calibration.FitChanges);
        Assert.Equal(new IntervalSettings(10, 2, ParameterUncertainty.DefaultStep, true), calibration.Intervals);
    }

    [Theory]
    [InlineData("nelder-mead", null)]
    [InlineData("least-squares", null)]
    [InlineData("simplex", "'simplex' is not one of least-squares, nelder-mead")]
    public void The_fit_method_is_read_and_an_unknown_one_is_refused_at_its_line(string method, string? message)
    {
        var folder = Files.Scratch();
        Files.Write(folder, "observed.csv", "block,x1,x2,x3,attempts\n0,1,2,3,4\n");
        var text = CalibrationText().Replace("fit: { max_evaluations: 400,", $"fit: {{ method: {method}, max_evaluations: 400,", StringComparison.Ordinal);
        var calibration = CalibrationFile.Load(Files.Write(folder, "calibration.yaml", text), LoadOptions.Unlimited, out var errors);
        if (message is null)
        {
            Assert.True(calibration is not null, string.Join("\n", errors));
            Assert.Equal(method == "nelder-mead" ? FitMethod.NelderMead : FitMethod.LeastSquares, calibration.Method);
            return;
        }
        Assert.Null(calibration);
        var e = Assert.Single(errors);
        Assert.Equal("fit.method", e.Path);
        Assert.Equal(text.Split('\n').ToList().FindIndex(l => l.Contains("method: simplex", StringComparison.Ordinal)) + 1, e.Line);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 20, null)]
    [InlineData("polish: 0, ", 0, null)]
    [InlineData("polish: 50, ", 50, null)]
    [InlineData("polish: -1, ", 0, "fit.polish")]
    [InlineData("polish: many, ", 0, "fit.polish")]
    [InlineData("method: nelder-mead, polish: 50, ", 0, "fit.polish")]
    [InlineData("method: nelder-mead, polish: 0, ", 0, null)]
    [InlineData("polish: 5, ", 5, null)]
    [InlineData("polish: 4, ", 0, "fit.polish")]
    public void The_polish_budget_is_read_defaults_to_ten_per_parameter_and_is_refused_where_it_cannot_apply(string setting, int expected, string? errorPath)
    {
        var folder = Files.Scratch();
        Files.Write(folder, "observed.csv", "block,x1,x2,x3,attempts\n0,1,2,3,4\n");
        var text = CalibrationText().Replace("fit: { max_evaluations: 400,", $"fit: {{ {setting}max_evaluations: 400,", StringComparison.Ordinal);
        var calibration = CalibrationFile.Load(Files.Write(folder, "calibration.yaml", text), LoadOptions.Unlimited, out var errors);
        if (errorPath is null)
        {
            Assert.True(calibration is not null, string.Join("\n", errors));
            // Two parameters: ten evaluations each by default.
            Assert.Equal(expected, calibration.PolishEvaluations);
            return;
        }
        Assert.Null(calibration);
        var e = Assert.Single(errors);
        Assert.Equal(errorPath, e.Path);
        Assert.Equal(text.Split('\n').ToList().FindIndex(l => l.Contains("fit: {", StringComparison.Ordinal)) + 1, e.Line);
    }

    [Fact]
    public void A_polish_too_short_for_the_curvature_and_one_poll_is_refused_with_the_least_it_needs()
    {
        var folder = Files.Scratch();
        Files.Write(folder, "observed.csv", "block,x1,x2,x3,attempts\n0,1,2,3,4\n");
        var text = CalibrationText().Replace("fit: { max_evaluations: 400,", "fit: { polish: 4, max_evaluations: 400,", StringComparison.Ordinal);
        Assert.Null(CalibrationFile.Load(Files.Write(folder, "calibration.yaml", text), LoadOptions.Unlimited, out var errors));
        // Two parameters: 2 x 2 curvature points and one poll.
        Assert.Equal("polish needs at least 5 evaluations for 2 parameters (2 per parameter for the curvature and 1 poll), got 4; use 0 for none", Assert.Single(errors).Message);
    }

    [Fact]
    public void The_polished_fit_ends_no_higher_than_least_squares_alone_and_its_loss_is_the_loss_at_its_point()
    {
        var calibration = SelfGenerated(out var folder);
        var text = File.ReadAllText(Path.Combine(folder, "calibration.yaml")).Replace("fit: {", "fit: { polish: 0,", StringComparison.Ordinal);
        var unpolished = CalibrationFile.Load(Files.Write(folder, "unpolished.yaml", text), LoadOptions.Unlimited, out var errors) ?? throw new Xunit.Sdk.XunitException(string.Join("\n", errors));
        Assert.Equal(20, calibration.PolishEvaluations);
        var plain = unpolished.Fit(calibration.MaxEvaluations, 2, LoadOptions.Unlimited);
        var polished = calibration.Fit(calibration.MaxEvaluations, 2, LoadOptions.Unlimited);
        Assert.True(polished.BestLoss <= plain.BestLoss);
        Assert.Equal(calibration.Loss(polished.Best, 2, LoadOptions.Unlimited), polished.BestLoss);
        Assert.Equal(plain.Trace.Select(e => e.Loss), polished.Trace.Take(plain.Trace.Count).Select(e => e.Loss));
    }

    private const string Estimate = """
        estimates:
          - { name: caught_per_attempt, numerator: interdictions, denominator: attempts, value: 0.3, standard_error: 0.05, source: "a study (2000)" }
        """;

    [Fact]
    public void An_estimate_is_the_models_ratio_over_the_fitted_keys_and_one_more_residual_in_the_loss()
    {
        SelfGenerated(out var folder);
        var file = Files.Write(folder, "estimate.yaml", CalibrationText("fit_keys: { from: 1, to: 4 }\n" + Estimate));
        var calibration = CalibrationFile.Load(file, LoadOptions.Unlimited, out var errors);
        Assert.True(calibration is not null, string.Join("\n", errors));
        var estimate = Assert.Single(calibration.Estimates).Estimate;
        Assert.Equal(new ExternalEstimate("caught_per_attempt", 0.3, 0.05, "a study (2000)"), estimate);

        double[] values = [0.3, 1.5];
        var simulated = calibration.Simulate(values, calibration.Replications, 2, LoadOptions.Unlimited, out _)!;
        // Only X1-X3 detect in this scenario, so the organization's interdictions are the three targets' sum; keys 1-4 only.
        var fitted = Enumerable.Range(0, simulated.Keys.Count).Where(i => simulated.Keys[i] is >= 1 and <= 4).ToArray();
        double ratio = fitted.Sum(i => simulated.Values[i][0] + simulated.Values[i][1] + simulated.Values[i][2]) / fitted.Sum(i => simulated.Values[i][3]);
        Assert.Equal(ratio, Assert.Single(simulated.Estimates), 12);

        var cells = CalibrationLoss.Residuals(calibration.Observed, simulated, FitScale.Counts);
        double meanSquare = cells.Sum(r => r * r) / cells.Length, z = (ratio - 0.3) / 0.05;
        var residuals = calibration.Residuals(values, 2, LoadOptions.Unlimited);
        Assert.Equal(cells.Length + 1, residuals.Length);
        // The least-squares search evaluates its points through the batch form: the same vector, the estimate last.
        Assert.Equal(residuals, calibration.Residuals([values], 2, LoadOptions.Unlimited)[0]);
        Assert.Equal(z * Math.Sqrt(meanSquare), residuals[^1], 12);
        Assert.Equal(meanSquare * (cells.Length + z * z) / (cells.Length + 1), calibration.Loss(values, 2, LoadOptions.Unlimited), 12);
        Assert.Equal(CalibrationLoss.IndependentCells(calibration.Observed, FitScale.Counts) + 1, calibration.IndependentResiduals);
    }

    [Fact]
    public void Without_estimates_the_loss_is_the_cells_alone()
    {
        var calibration = SelfGenerated(out _);
        Assert.Empty(calibration.Estimates);
        double[] values = [0.3, 1.5];
        var simulated = calibration.Simulate(values, calibration.Replications, 2, LoadOptions.Unlimited, out _)!;
        Assert.Empty(simulated.Estimates);
        Assert.Equal(CalibrationLoss.Compute(calibration.Observed, simulated, FitScale.Counts), calibration.Loss(values, 2, LoadOptions.Unlimited));
    }

    [Theory]
    [InlineData("least-squares", 4)]
    [InlineData("nelder-mead", 1)]
    public void An_estimate_pulls_the_fit_towards_parameters_that_give_its_ratio(string method, int starts)
    {
        // In this scenario the share of attempts caught rises with the temperature (less careful choices): the data
        // say temperature 2; an estimate of the ratio that temperature 3 gives, with a small standard error, must
        // move the fit from 2 towards 3, and the fitted ratio towards the estimate, whichever search minimises the
        // loss (least squares sees the estimate as one more residual, Nelder-Mead in the mean square). Least squares
        // is a local search on a loss that a finite population makes rough: from the file's start alone it stopped at
        // a shallow minimum (loss 0.233, temperature 1.68, against 0.099 at 2.93 from the best of four starts), so it
        // gets the multi-start search a user would give it.
        // The data come from other seeds than the fit's, so the cells keep a residual variance, which sets an
        // estimate's weight (with an exact fit the cells' variance is 0 and no estimate could weigh against them).
        var draft = SelfGenerated(out var folder);
        var noisy = draft.Simulate([TrueEffectiveness, TrueTemperature], draft.Replications, 2, LoadOptions.Unlimited, out _, seed: 12345)!;
        Files.Write(folder, "observed.csv", "block,x1,x2,x3,attempts\n" + string.Join("", noisy.Keys.Select((k, i) =>
            $"{k},{string.Join(',', noisy.Values[i].Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}\n")));
        var probe = CalibrationFile.Load(Files.Write(folder, "estimate.yaml", CalibrationText(Estimate)), LoadOptions.Unlimited, out _)!;
        double Ratio(Calibration.Calibration c, double[] v) => c.Simulate(v, c.Replications, 2, LoadOptions.Unlimited, out _)!.Estimates[0];
        double target = Ratio(probe, [TrueEffectiveness, 3]), truth = Ratio(probe, [TrueEffectiveness, TrueTemperature]);
        Assert.True(Math.Abs(truth - target) > 0.005, $"ratios {truth} and {target} too close to tell apart");
        string text = CalibrationText(Estimate.Replace("value: 0.3, standard_error: 0.05", $"value: {target.ToString("R", CultureInfo.InvariantCulture)}, standard_error: 0.0005", StringComparison.Ordinal))
            .Replace("fit: { max_evaluations: 400,", $"fit: {{ method: {method}, starts: {starts}, max_evaluations: 400,", StringComparison.Ordinal);
        var calibration = CalibrationFile.Load(Files.Write(folder, "pulled.yaml", text), LoadOptions.Unlimited, out var errors);
        Assert.True(calibration is not null, string.Join("\n", errors));
        Assert.Equal(method == "nelder-mead" ? FitMethod.NelderMead : FitMethod.LeastSquares, calibration.Method);
        var fit = calibration.Fit(calibration.MaxEvaluations, 2, LoadOptions.Unlimited);
        // The loss the search reports is the one with the estimate's residual in it.
        Assert.Equal(calibration.Loss(fit.Best, 2, LoadOptions.Unlimited), fit.BestLoss, 12);
        double fitted = Ratio(calibration, fit.Best);
        Assert.True(fit.Best[1] > 1.1 * TrueTemperature, $"temperature {fit.Best[1]} stayed near the data's {TrueTemperature}");
        Assert.True(Math.Abs(fitted - target) < 0.75 * Math.Abs(truth - target), $"fitted ratio {fitted}, estimate {target}, truth's {truth}");
    }

    [Theory]
    [InlineData("numerator: captures", "estimates[0].numerator", "captures")]
    [InlineData("standard_error: 0", "estimates[0].standard_error", "")]
    [InlineData("value: -1", "estimates[0].value", "")]
    [InlineData("organization: nobody", "estimates[0].organization", "nobody")]
    [InlineData("source: \"  \" }", "estimates[0].source", "give the study")]
    public void Estimates_that_cannot_work_are_refused_at_their_line(string change, string path, string message)
    {
        var folder = Files.Scratch();
        Files.Write(folder, "observed.csv", "block,x1,x2,x3,attempts\n0,1,2,3,4\n");
        string key = change.Split(':')[0];
        string text = CalibrationText(Estimate);
        text = key == "organization"
            ? text.Replace("source:", change + ", source:", StringComparison.Ordinal)
            : System.Text.RegularExpressions.Regex.Replace(text, key + @": [^,]+", change);
        var file = Files.Write(folder, "calibration.yaml", text);
        Assert.Null(CalibrationFile.Load(file, LoadOptions.Unlimited, out var errors));
        var e = Assert.Single(errors);
        Assert.Equal(path, e.Path);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.True(e.Line > 0);
    }

    [Fact]
    public void An_unknown_target_metric_is_one_error_at_its_line()
    {
        var folder = Files.Scratch();
        Files.Write(folder, "observed.csv", "block,x1,x2,x3,attempts\n0,1,2,3,4\n");
        var file = Files.Write(folder, "calibration.yaml", CalibrationText(Estimate).Replace("{ column: x1, metric: interdictions,", "{ column: x1, metric: arrestz,", StringComparison.Ordinal));
        Assert.Null(CalibrationFile.Load(file, LoadOptions.Unlimited, out var errors));
        var e = Assert.Single(errors);
        Assert.Equal("targets[0].metric", e.Path);
        Assert.Contains("arrestz", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_estimate_named_twice_is_refused()
    {
        var folder = Files.Scratch();
        Files.Write(folder, "observed.csv", "block,x1,x2,x3,attempts\n0,1,2,3,4\n");
        var line = Estimate.Split('\n')[1];
        var file = Files.Write(folder, "calibration.yaml", CalibrationText(Estimate + "\n" + line));
        Assert.Null(CalibrationFile.Load(file, LoadOptions.Unlimited, out var errors));
        var e = Assert.Single(errors);
        Assert.Equal("estimates[1].name", e.Path);
        Assert.Contains("named twice", e.Message, StringComparison.Ordinal);
    }
}
