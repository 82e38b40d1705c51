using RouteSim.Analysis.Calibration;
using RouteSim.Analysis.Sweeps;
using RouteSim.Experiments.Entries;
using RouteSim.Experiments.Templates;
using RouteSim.Scenarios;
using RouteSim.Scenarios.Yaml;

namespace RouteSim.Experiments.Calibration;

/// <summary>Reads and checks a calibration file, the scenario and the observed table it names; reports every problem with file, line and column.</summary>
public static class CalibrationFile
{
    /// <summary>Loads a calibration; null with its errors when anything is wrong.</summary>
    public static Calibration? Load(string file, LoadOptions options, out IReadOnlyList<ScenarioError> errors) =>
        ExperimentFile.Load(file, (text, d, other) => Read(file, text, options, d, other), out errors);

    private static Calibration? Read(string file, string text, LoadOptions options, Diagnostics d, List<ScenarioError> other)
    {
        var root = SingleDocument.Parse(text, d, "a calibration needs name, scenario, observed, key, periods, targets, parameters, replications, seed");
        if (root is null) return null;
        var r = MappingReader.Open(root, CalibrationFormat.Calibration, "", d);
        if (r is null) return null;

        string name = r.Text("name"), description = r.Text("description"), key = r.Text("key");
        var scale = r.Text("compare", "counts") == "shares" ? FitScale.Shares : FitScale.Counts;
        double countScale = r.Number("count_scale", 1);
        string targetName = r.Text("target_name", "target");
        string groupName = r.Text("group_name", "target");
        int replications = (int)r.Integer("replications");
        ulong seed = SeedEntry.Read(r);
        var fit = r.Object("fit");
        int maxEvaluations = (int)(fit?.Integer("max_evaluations", 200) ?? 200);
        double tolerance = fit?.Number("tolerance", 1e-6) ?? 1e-6;
        double step = fit?.Number("step", NelderMeadFit.DefaultStep) ?? NelderMeadFit.DefaultStep;
        int starts = (int)(fit?.Integer("starts", 1) ?? 1);
        bool fitChanges = fit?.Flag("changes") ?? false;
        var method = fit?.Text("method", "least-squares") == "nelder-mead" ? FitMethod.NelderMead : FitMethod.LeastSquares;
        int? polish = fit is not null && fit.Has("polish") ? (int)fit.Integer("polish") : null;
        // The polish follows least squares; a simplex has none, and a setting it would ignore is refused (0, none, is what it does).
        if (polish is > 0 && method == FitMethod.NelderMead) d.Error(fit!.PathOf("polish"), "polish follows the least-squares search; nelder-mead has none (remove polish, set it to 0, or change the method)");
        var periodsReader = r.Object("periods");
        KeyPeriods? periods = periodsReader is null ? null
            : new KeyPeriods(periodsReader.Integer("first_key"), (int)periodsReader.Integer("start"), (int)periodsReader.Integer("length"));
        var targetReaders = r.Objects("targets");
        var parameterReaders = r.Objects("parameters");
        EntryList.NeedsOne(r, "targets", targetReaders, "a calibration needs at least one target");
        EntryList.NeedsOne(r, "parameters", parameterReaders, "a calibration needs at least one parameter");

        string Relative(string k) => EntryFiles.Relative(file, r, k);
        if (!d.Ok) return null;

        var scenario = ScenarioTemplate.Open(Relative("scenario"), options, out var scenarioErrors);
        if (scenario is null)
        {
            other.AddRange(scenarioErrors);
            return null;
        }
        var model = scenario.Baseline.Model!;

        var targets = new List<Outcome>();
        var labels = new List<string>();
        var groupNames = new List<string>();
        var groupOf = new List<int>();
        foreach (var t in targetReaders)
        {
            string metric = t.Text("metric");
            if (metric.Length == 0) continue; // already reported where it stands
            string? Optional(string k) => OutcomeEntry.Optional(t, k);
            if (OutcomeEntry.MetricScope(t, metric, t.Has("location")) is not { } scope || !OutcomeEntry.KeysFit(t, scope)) continue;
            var outcome = new Outcome(t.Text("column"), scope, metric, Optional("location"), Optional("organization"), Optional("route"), Optional("commodity"));
            if (!OutcomeEntry.Compiles(t, t.Path, outcome, model)) continue;
            targets.Add(outcome);
            labels.Add(t.Has("label") ? t.Text("label") : outcome.Name);
            string group = t.Has("group") ? t.Text("group") : "";
            if (!groupNames.Contains(group)) groupNames.Add(group);
            groupOf.Add(groupNames.IndexOf(group));
        }

        var estimates = new List<EstimateTarget>();
        foreach (var e in r.Objects("estimates"))
        {
            string estimateName = e.Text("name");
            if (estimates.Any(x => x.Estimate.Name == estimateName))
            {
                d.Error(e.PathOf("name"), $"estimate '{estimateName}' is named twice");
                continue;
            }
            if (e.Text("numerator").Length == 0 || e.Text("denominator").Length == 0) continue; // already reported
            var numerator = new Outcome(estimateName, OutcomeScope.Organization, e.Text("numerator"), Organization: OutcomeEntry.Optional(e, "organization"));
            var denominator = numerator with { Metric = e.Text("denominator") };
            // Both are organization metrics (the format's choices), so only the organization can fail to compile.
            if (!OutcomeEntry.Compiles(e, e.PathOf("organization"), numerator, model) || !OutcomeEntry.Compiles(e, e.PathOf("organization"), denominator, model)) continue;
            double value = e.Number("value"), standardError = e.Number("standard_error");
            if (double.IsNaN(value) || double.IsNaN(standardError)) continue;
            string source = e.Text("source").Trim();
            if (source.Length == 0)
            {
                d.Error(e.PathOf("source"), "give the study the estimate comes from (author, year, title)");
                continue;
            }
            estimates.Add(new EstimateTarget(new ExternalEstimate(estimateName, value, standardError, source), numerator, denominator));
        }

        var parameters = new List<(ParameterPath, BoundedParameter)>();
        foreach (var p in parameterReaders)
        {
            var path = ParameterEntry.Path(p, "fit one factor that scales them all", out bool multiply);
            if (path is null) continue;
            double min = p.Number("min"), max = p.Number("max");
            bool log = ParameterEntry.Log(p);
            if (!ParameterEntry.IsRange(p, min, max, log)) continue;
            if (!ParameterEntry.InFormatRange(p, path, multiply, (min, "min"), (max, "max"))) continue;
            var current = multiply ? 1 : scenario.Read(path);
            double start = p.Has("start") ? p.Number("start") : current is { } c && c > min && c < max ? c : log ? Math.Sqrt(min * max) : (min + max) / 2;
            if (!(start > min && start < max))
            {
                d.Error(p.PathOf("start"), $"start must lie strictly between min and max, got {start:G6}");
                continue;
            }
            var check = scenario.Instantiate([path], [start], LoadOptions.Unlimited);
            if (!check.Ok)
            {
                d.Error(p.PathOf("path"), $"{scenario.File}: {check.Errors[0].Message}");
                continue;
            }
            parameters.Add((path, new BoundedParameter(p.Has("name") ? p.Text("name") : path.Text, min, max, start, log)));
        }
        // A polish too short for the curvature and one poll would be skipped: refuse it rather than ignore it.
        if (polish is > 0 && method == FitMethod.LeastSquares && parameters.Count == parameterReaders.Count && polish < PolishedFit.MinEvaluations(parameters.Count))
            d.Error(fit!.PathOf("polish"), $"polish needs at least {PolishedFit.MinEvaluations(parameters.Count)} evaluations for {parameters.Count} parameter{(parameters.Count == 1 ? "" : "s")} " +
                $"(2 per parameter for the curvature and 1 poll), got {polish}; use 0 for none");
        if (!d.Ok || periods is null) return null;

        string observedFile = Relative("observed");
        if (!File.Exists(observedFile))
        {
            // Named where the calibration file gives it, so the user sees which line to fix.
            d.Error(r.PathOf("observed"), $"{observedFile}: file not found");
            return null;
        }
        var observed = ObservedCsv.Read(observedFile, key, targets.Select(t => t.Name).ToArray(), other);
        if (observed is null) return null;

        var all = observed;
        if (r.Object("fit_keys") is { } fitKeys)
        {
            long from = fitKeys.Integer("from"), to = fitKeys.Integer("to");
            var used = Enumerable.Range(0, observed.Keys.Count).Where(i => observed.Keys[i] >= from && observed.Keys[i] <= to).ToArray();
            if (used.Length == 0)
            {
                d.Error(r.PathOf("fit_keys"), $"no observed row has a key from {from} to {to}");
                return null;
            }
            observed = observed with { Keys = used.Select(i => observed.Keys[i]).ToArray(), Values = used.Select(i => observed.Values[i]).ToArray() };
        }
        IReadOnlyList<long> predictKeys = all.Keys;
        int predictReplications = replications;
        bool anchored = false;
        if (r.Object("predict") is { } predict)
        {
            anchored = predict.Text("anchor", "none") == "last_fitted";
            long from = predict.Integer("from"), to = predict.Integer("to");
            predictReplications = (int)predict.Integer("replications", replications);
            if (to < from) d.Error(predict.PathOf("to"), $"to must not come before from ({from})");
            else predictKeys = Enumerable.Range(0, (int)(to - from + 1)).Select(i => from + i).ToArray();
        }
        foreach (var k in all.Keys.Concat(predictKeys).Distinct())
        {
            long first = periods.Start + (k - periods.FirstKey) * (long)periods.Length;
            if (first < 0 || first + periods.Length > model.Scenario.Periods)
            {
                d.Error(r.PathOf("periods"), $"key {k} would cover periods {first}-{first + periods.Length - 1}, outside the scenario's {model.Scenario.Periods} periods");
                break;
            }
        }
        if (groupNames.Count > 1 && groupNames.Contains("")) d.Error(r.PathOf("targets"), "give every target a group, or none");
        if (scale == FitScale.Shares)
            // A row whose targets (within a group) are all zero has no shares: 0 / 0, which no loss can compare.
            for (int i = 0; i < observed.Keys.Count; i++)
                for (int g = 0; g < Math.Max(1, groupNames.Count); g++)
                {
                    var members = Enumerable.Range(0, targets.Count).Where(j => groupNames.Count == 0 || groupOf[j] == g).ToArray();
                    var row = observed.Values[i];
                    if (members.All(j => double.IsNaN(row[j]))) continue;
                    if (members.Sum(j => double.IsNaN(row[j]) ? 0 : row[j]) == 0)
                        d.Error(r.PathOf("observed"), $"{observedFile}: key {observed.Keys[i]}: every target{(groupNames.Count > 1 ? $" of group {groupNames[g]}" : "")} is 0, so its shares are undefined (compare: shares); drop the row or compare counts");
                }
        IntervalSettings? intervals = null;
        if (r.Object("intervals") is { } iv)
            intervals = new IntervalSettings((int)iv.Integer("draws", 100), (int)iv.Integer("replications", replications), iv.Number("step", ParameterUncertainty.DefaultStep),
                iv.Flag("forecast_error"));
        if (intervals is { ForecastError: true } && !anchored)
            d.Error(r.PathOf("intervals"), "forecast_error is the error of anchored one-step forecasts: it needs predict.anchor: last_fitted");
        if (!d.Ok) return null;
        return new Calibration(file, name, description, scenario, parameters, observed, all, observedFile, periods, targets, scale, countScale, targetName,
            replications, seed, maxEvaluations, tolerance, step, predictKeys, predictReplications, anchored)
        {
            Starts = starts,
            Groups = new TargetGroups(groupNames, groupOf),
            GroupName = groupName,
            Labels = labels,
            Intervals = intervals,
            FitChanges = fitChanges,
            Method = method,
            PolishEvaluations = polish ?? PolishedFit.DefaultEvaluationsPerParameter * parameters.Count,
            Estimates = estimates,
        };
    }
}
