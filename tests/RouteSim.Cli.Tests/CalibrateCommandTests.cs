using RouteSim.Cli.Tests.Support;
using RouteSim.Scenarios;

namespace RouteSim.Cli.Tests;

public sealed class CalibrateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("routesim-calibrate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Calibration(string observed = SmallCalibration.Observed, string extra = "") => SmallCalibration.Write(_dir, 15, observed, extra);

    [Fact]
    public void Calibrate_writes_the_fitted_scenario_the_trace_the_fit_the_predictions_and_figures()
    {
        var target = Path.Combine(_dir, "out");
        var result = Routesim.Run("calibrate", Calibration(), "--out", target);
        Assert.True(result.Exit == 0, result.Error);
        foreach (var f in new[] { "fitted.yaml", "parameters.csv", "loss_trace.csv", "fit.csv", "predicted_shares.csv", "observed-vs-simulated.svg", "loss-trace.png", "manifest.json" })
            Assert.True(File.Exists(Path.Combine(target, f)), f);
        Assert.True(ScenarioFile.Load(Path.Combine(target, "fitted.yaml"), LoadOptions.Unlimited).Ok);
        Assert.Equal(16, File.ReadAllLines(Path.Combine(target, "loss_trace.csv")).Length);
        var predicted = File.ReadAllLines(Path.Combine(target, "predicted_shares.csv"));
        Assert.Equal("block,crossing,share", predicted[0]);
        Assert.Equal(1 + 3 * 2, predicted.Length);
        var fit = File.ReadAllLines(Path.Combine(target, "fit.csv"));
        Assert.Contains(fit, l => l.StartsWith("2,x1,", StringComparison.Ordinal) && l.EndsWith(",false", StringComparison.Ordinal));
        Assert.Contains("effectiveness =", result.Out);
        // Without groups the held-out row covers every target and says so.
        var holdout = File.ReadAllLines(Path.Combine(target, "holdout.csv"));
        Assert.Equal("targets,keys,cells,model_mae,naive_mae,covered,coverage", holdout[0]);
        Assert.StartsWith("all,2,2,", holdout[1], StringComparison.Ordinal);
        // 15 evaluations were the whole budget: the fit did not converge, and the console, manifest and report say so.
        Assert.Contains("warning:", result.Error);
        Assert.Contains("whole budget of 15 evaluations", result.Error);
        Assert.Contains("\"warning\"", File.ReadAllText(Path.Combine(target, "manifest.json")));
    }

    [Fact]
    public void A_fit_that_converges_within_its_budget_carries_no_warning()
    {
        var target = Path.Combine(_dir, "converged");
        var result = Routesim.Run("calibrate", SmallCalibration.Write(_dir, 400), "--out", target);
        Assert.True(result.Exit == 0, result.Error);
        Assert.True(File.ReadAllLines(Path.Combine(target, "loss_trace.csv")).Length - 1 < 400);
        Assert.DoesNotContain("warning", result.Error);
        Assert.DoesNotContain("\"warning\"", File.ReadAllText(Path.Combine(target, "manifest.json")));
    }

    [Theory]
    [InlineData("least-squares")]
    [InlineData("nelder-mead")]
    public void An_outside_estimate_is_written_with_the_models_value_and_printed_whatever_the_fit_method(string method)
    {
        var text = File.ReadAllText(Calibration(extra: """
            intervals: { draws: 4, replications: 2 }
            estimates:
              - { name: caught_per_attempt, numerator: interdictions, denominator: attempts, value: 0.3, standard_error: 0.05, source: "A. Author (2000), A title" }
            """));
        var file = Sweeps.WriteFile(_dir, "estimate.yaml", text.Replace("fit: { max_evaluations: 15 }", $"fit: {{ method: {method}, max_evaluations: 15 }}", StringComparison.Ordinal));
        var target = Path.Combine(_dir, "estimate");
        var result = Routesim.Run("calibrate", file, "--out", target);
        Assert.True(result.Exit == 0, result.Error);
        var lines = File.ReadAllLines(Path.Combine(target, "estimates.csv"));
        Assert.Equal("estimate,value,standard_error,model,deviation,source", lines[0]);
        var cells = lines[1].Split(',');
        Assert.Equal(["caught_per_attempt", "0.3", "0.05"], cells[..3]);
        double model = double.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(model, 0, 1);
        Assert.Equal((model - 0.3) / 0.05, double.Parse(cells[4], System.Globalization.CultureInfo.InvariantCulture), 9);
        Assert.EndsWith("\"A. Author (2000), A title\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("estimate caught_per_attempt: model", result.Out, StringComparison.Ordinal);
        Assert.Contains("fitted cells alone", result.Out, StringComparison.Ordinal);
        var manifest = File.ReadAllText(Path.Combine(target, "manifest.json"));
        Assert.Contains("mean squared residual of shares and estimates", manifest, StringComparison.Ordinal);
        Assert.Contains("\"estimates\"", manifest, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("", "intervals: { draws: 6, replications: 2 }")]
    [InlineData("polish: 0, ", "intervals: { draws: 6, replications: 2 }")]
    [InlineData("method: nelder-mead, ", "intervals: { draws: 6, replications: 2 }")]
    public void The_same_calibration_gives_the_same_numbers_whatever_the_thread_count(string method, string extra)
    {
        // The least-squares fit evaluates a Jacobian's columns, its polish the curvature's points and each poll, and the
        // intervals their curvature's points and draws, side by side on two threads. A budget that leaves the polish room.
        var text = File.ReadAllText(SmallCalibration.Write(_dir, 60, extra: extra));
        var file = Sweeps.WriteFile(_dir, "calibration.yaml", text.Replace("fit: { max_evaluations: 60 }", $"fit: {{ {method}max_evaluations: 60 }}", StringComparison.Ordinal));
        var one = Routesim.Run("calibrate", file, "--out", Path.Combine(_dir, "a"), "--threads", "1", "--quiet");
        Assert.True(one.Exit == 0, one.Error);
        // The default search ends with its polish (the stop reason says so); the others have none.
        Assert.Equal(method.Length == 0, one.Out.Contains("; polish (", StringComparison.Ordinal));
        Assert.Equal(0, Routesim.Run("calibrate", file, "--out", Path.Combine(_dir, "b"), "--threads", "2", "--quiet").Exit);
        Sweeps.SameBytes(Path.Combine(_dir, "a"), Path.Combine(_dir, "b"), "loss_trace.csv", "fit.csv", "predicted_shares.csv", "fitted.yaml", "parameters.csv");
    }

    [Fact]
    public void Nelder_Mead_stays_available_and_an_unknown_method_is_refused_in_one_line()
    {
        var text = File.ReadAllText(Calibration());
        var simplex = Sweeps.WriteFile(_dir, "simplex.yaml", text.Replace("fit: { max_evaluations: 15 }", "fit: { method: nelder-mead, max_evaluations: 15 }", StringComparison.Ordinal));
        var result = Routesim.Run("calibrate", simplex, "--out", Path.Combine(_dir, "simplex"), "--quiet");
        Assert.True(result.Exit == 0, result.Error);
        Assert.Equal(16, File.ReadAllLines(Path.Combine(_dir, "simplex", "loss_trace.csv")).Length);
        var unknown = Sweeps.WriteFile(_dir, "unknown.yaml", text.Replace("fit: { max_evaluations: 15 }", "fit: { method: bobyqa, max_evaluations: 15 }", StringComparison.Ordinal));
        result = Routesim.Run("calibrate", unknown, "--out", Path.Combine(_dir, "unknown"));
        Assert.Equal(1, result.Exit);
        Assert.Contains("fit.method: 'bobyqa' is not one of least-squares, nelder-mead", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(_dir, "unknown")));
    }

    [Fact]
    public void A_bad_observed_table_is_named_with_its_line()
    {
        var result = Routesim.Run("calibrate", Calibration("block,x1,x2\n0,300,200\n1,-5,220\n"), "--out", Path.Combine(_dir, "bad"));
        Assert.Equal(1, result.Exit);
        Assert.Contains("observed.csv:3:1: x1: '-5' is not a non-negative number", result.Error);
        Assert.False(Directory.Exists(Path.Combine(_dir, "bad")));
        Routesim.AssertNoStackTrace(result.Error);
    }

    [Fact]
    public void Grouped_targets_get_shares_within_their_group_and_predictions_with_intervals_scored_on_held_out_keys()
    {
        Sweeps.WriteFile(_dir, "grouped.csv", "block,i1,i2,t1,t2\n0,300,200,900,1100\n1,280,220,950,1050\n2,260,240,1000,1000\n");
        var file = Sweeps.WriteFile(_dir, "grouped.yaml", $$"""
            name: grouped fit
            scenario: {{Routesim.Tutorial}}
            observed: grouped.csv
            key: block
            periods: { first_key: 0, start: 0, length: 20 }
            compare: shares
            target_name: crossing
            group_name: measure
            targets:
              - { column: i1, metric: interdictions, location: X1, group: interdictions, label: first crossing }
              - { column: i2, metric: interdictions, location: X2, group: interdictions, label: second crossing }
              - { column: t1, metric: traversals, location: X1, group: traversals, label: first crossing }
              - { column: t2, metric: traversals, location: X2, group: traversals, label: second crossing }
            parameters:
              - { path: enforcement.effectiveness, name: effectiveness, min: 0.05, max: 5, scale: log }
              - { path: "edges[*].cost", multiply: true, name: edge_cost, min: 0.2, max: 5, scale: log }
            replications: 2
            seed: 3
            fit: { max_evaluations: 10 }
            fit_keys: { from: 0, to: 1 }
            predict: { from: 0, to: 2, anchor: last_fitted }
            intervals: { draws: 8, replications: 2 }
            """);
        var target = Path.Combine(_dir, "grouped");
        var result = Routesim.Run("calibrate", file, "--out", target);
        Assert.True(result.Exit == 0, result.Error);
        var predicted = File.ReadAllLines(Path.Combine(target, "predicted_shares.csv"));
        Assert.Equal("block,crossing,measure,share,ci_low,ci_high", predicted[0]);
        Assert.Equal(1 + 3 * 4, predicted.Length);
        Assert.StartsWith("2,first crossing,interdictions,", predicted[9], StringComparison.Ordinal);
        foreach (var key in new[] { "0", "1", "2" })
            foreach (var measure in new[] { "interdictions", "traversals" })
            {
                var rows = predicted.Skip(1).Select(l => l.Split(',')).Where(f => f[0] == key && f[2] == measure).ToArray();
                Assert.Equal(1, rows.Sum(f => double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture)), 9);
                Assert.All(rows, f => Assert.True(double.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture) <= double.Parse(f[5], System.Globalization.CultureInfo.InvariantCulture)));
            }
        var holdout = File.ReadAllLines(Path.Combine(target, "holdout.csv"));
        Assert.Equal("measure,keys,cells,model_mae,naive_mae,covered,coverage", holdout[0]);
        Assert.StartsWith("interdictions,2,2,", holdout[1], StringComparison.Ordinal);
        Assert.StartsWith("traversals,2,2,", holdout[2], StringComparison.Ordinal);
        Assert.Contains("ci_low,ci_high", File.ReadAllLines(Path.Combine(target, "parameters.csv"))[0]);
        Assert.True(File.Exists(Path.Combine(target, "observed-vs-simulated-traversals.svg")));
        Assert.Contains("naive persistence", result.Out);
    }

    [Fact]
    public void The_report_opens_with_the_fits_numbers_in_words_and_writes_years_without_thousands_separators()
    {
        // Years as keys, held-out 1994, intervals, and a budget of 6 the fit spends: every part of the summary shows.
        var text = File.ReadAllText(SmallCalibration.Write(_dir, 6, "year,x1,x2\n1992,300,200\n1993,280,220\n1994,260,240\n", "intervals: { draws: 4, replications: 2 }"))
            .Replace("first_key: 0", "first_key: 1992", StringComparison.Ordinal)
            .Replace("key: block", "key: year", StringComparison.Ordinal)
            .Replace("fit_keys: { from: 0, to: 1 }", "fit_keys: { from: 1992, to: 1993 }", StringComparison.Ordinal)
            .Replace("predict: { from: 0, to: 2,", "predict: { from: 1992, to: 1994,", StringComparison.Ordinal);
        var file = Sweeps.WriteFile(_dir, "years.yaml", text);
        var target = Path.Combine(_dir, "years");
        var result = Routesim.Run("calibrate", file, "--out", target);
        Assert.True(result.Exit == 0, result.Error);

        // What the time covers, phase by phase (the figures are wall-clock times, so only their form is checked).
        Assert.Matches(@"(?m)^small fit: 6 evaluations: fit \d+\.\d s; the best point's run and the intervals \(5 curvature evaluations, 4 forecast draws\) \d+\.\d s; total \d+\.\d s\r?$", result.Out);
        Assert.Contains("stopped at the budget of 6 evaluations, not converged", result.Out);
        // The coverage carries the warning's caveat.
        Assert.Matches(@"held out 1994: mean absolute error \d+\.\d\d percentage points, naive persistence \d+\.\d\d percentage points; 95% intervals cover \d of 2, which says little here: the fit did not converge", result.Out);
        Assert.Contains("unreliable in either direction", result.Error);

        var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(target, "manifest.json"))).RootElement;
        Assert.Equal("percentage points", manifest.GetProperty("holdout")[0].GetProperty("error_unit").GetString());

        Assert.Equal(0, Routesim.Run("report", target).Exit);
        var html = File.ReadAllText(Path.Combine(target, "report.html"));
        // fit.csv's key column: 3 years x 2 targets, as written, never 1,992.
        foreach (var year in new[] { "1992", "1993", "1994" })
            Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, $"<tr><td>{year}</td>").Count);
        Assert.DoesNotContain("1,99", html, StringComparison.Ordinal);
        // The opening summary: the warning, the search, the loss with its units, the held-out scores with the caveat.
        int brief = html.IndexOf("<h2>In brief</h2>", StringComparison.Ordinal), parameters = html.IndexOf("Fitted parameters", StringComparison.Ordinal);
        string summary = html[brief..parameters];
        Assert.Contains("<strong>Warning:</strong> the search used its whole budget of 6 evaluations without converging", summary, StringComparison.Ordinal);
        Assert.Contains("The search made 6 evaluations and stopped at the budget of 6 evaluations, not converged; no polish: 0 evaluations of the budget left", summary, StringComparison.Ordinal);
        Assert.Matches(@"Best loss [\d.]+ \(mean squared error of shares \(percentage points squared\)\): root mean square error \d+\.\d\d percentage points\.", summary);
        Assert.Matches(@"Held out 1994: mean absolute error \d+\.\d\d percentage points, naive persistence \d+\.\d\d percentage points; 95% intervals cover \d of 2, which says little here", summary);
    }

    [Fact]
    public void Max_evaluations_has_one_limit_on_the_command_line_and_in_the_file()
    {
        var result = Routesim.Run("calibrate", Calibration(), "--max-evaluations", "1000001", "--out", Path.Combine(_dir, "huge"));
        Assert.NotEqual(0, result.Exit);
        Assert.Contains("--max-evaluations must be at most 1,000,000, got 1000001", result.Error);
        var file = Sweeps.WriteFile(_dir, "huge.yaml", File.ReadAllText(Calibration()).Replace("max_evaluations: 15", "max_evaluations: 1000001", StringComparison.Ordinal));
        var fromFile = Routesim.Run("calibrate", file, "--out", Path.Combine(_dir, "huge2"));
        Assert.NotEqual(0, fromFile.Exit);
        Assert.Contains("1,000,000", fromFile.Error);
        Routesim.AssertNoStackTrace(fromFile.Error);
    }
}
