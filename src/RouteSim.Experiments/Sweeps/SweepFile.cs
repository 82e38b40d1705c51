using RouteSim.Analysis.Counterfactuals;
using RouteSim.Analysis.Designs;
using RouteSim.Analysis.Sweeps;
using RouteSim.Core.Randomness;
using RouteSim.Experiments.Entries;
using RouteSim.Experiments.Templates;
using RouteSim.Scenarios;
using RouteSim.Scenarios.Yaml;

namespace RouteSim.Experiments.Sweeps;

/// <summary>
/// Reads and checks a sweep file: its own keys, then the scenarios it names, every parameter path against them
/// and the format's allowed ranges, the design's size, and every outcome against the scenario. Reports every
/// problem found, each with file, line and column.
/// </summary>
public static class SweepFile
{
    /// <summary>Most work items a sweep may hold: row indices stay exact in a double and sizes stay sane.</summary>
    public const long MaxWorkItems = 1L << 40;

    /// <summary>Loads a sweep; null with its errors when anything is wrong.</summary>
    public static Sweep? Load(string file, LoadOptions options, out IReadOnlyList<ScenarioError> errors) =>
        ExperimentFile.Load(file, (text, d, scenarioErrors) => Read(file, text, options, d, scenarioErrors), out errors);

    private static Sweep? Read(string file, string text, LoadOptions options, Diagnostics diagnostics, List<ScenarioError> scenarioErrors)
    {
        var root = SingleDocument.Parse(text, diagnostics, "a sweep needs name, scenario, replications, seed, design, parameters, outcomes");
        if (root is null) return null;
        var reader = MappingReader.Open(root, SweepFormat.Sweep, "", diagnostics);
        if (reader is null) return null;

        string name = reader.Text("name");
        string description = reader.Text("description");
        int replications = (int)reader.Integer("replications");
        ulong seed = SeedEntry.Read(reader);
        var seeds = reader.Text("seeds", "independent") == "common" ? SeedMode.Common : SeedMode.Independent;
        var design = reader.Object("design");
        var parameterReaders = reader.Objects("parameters");
        var outcomeReaders = reader.Objects("outcomes");
        EntryList.NeedsOne(reader, "parameters", parameterReaders, "a sweep needs at least one parameter");
        EntryList.NeedsOne(reader, "outcomes", outcomeReaders, "a sweep needs at least one outcome");

        // The scenarios, relative to the sweep file; their own errors are reported as theirs.
        string Relative(string key) => EntryFiles.Relative(file, reader, key);
        ScenarioTemplate? scenario = null, counterfactual = null;
        if (reader.Has("scenario") && reader.Text("scenario").Length > 0)
        {
            scenario = ScenarioTemplate.Open(Relative("scenario"), options, out var errors);
            if (scenario is null) scenarioErrors.AddRange(errors);
        }
        if (reader.Has("counterfactual") && scenarioErrors.Count == 0)
        {
            counterfactual = ScenarioTemplate.Open(Relative("counterfactual"), options, out var errors);
            if (counterfactual is null) scenarioErrors.AddRange(errors);
            else if (scenario is not null)
                foreach (var difference in ScenarioPairing.Differences(counterfactual.Baseline.Scenario!, scenario.Baseline.Scenario!))
                    diagnostics.Error(reader.PathOf("counterfactual"), $"the counterfactual must differ from the scenario only in enforcement: {difference}");
        }
        if (scenarioErrors.Count > 0) return null;

        var parameters = parameterReaders.Select(p => ReadParameter(p, scenario, counterfactual)).ToArray();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (p, r) in parameters.Zip(parameterReaders))
            if (p is not null && !names.Add(p.Factor.Name)) diagnostics.Error(r.PathOf(r.Has("name") ? "name" : "path"), $"two parameters are named '{p.Factor.Name}'; give one a different name");
        var outcomes = outcomeReaders.Select(o => ReadOutcome(o, scenario, counterfactual)).ToArray();
        foreach (var (o, r) in outcomes.Zip(outcomeReaders))
            if (o is not null && !names.Add(o.Name)) diagnostics.Error(r.PathOf("name"), $"the name '{o.Name}' is used twice (outcome and parameter names share the results' columns)");
        foreach (var (column, r) in parameters.Select(p => p?.Factor.Name).Concat(outcomes.Select(o => o?.Name)).Zip(parameterReaders.Concat(outcomeReaders)))
            if (column is not null && RowColumns.Contains(column))
                diagnostics.Error(r.PathOf(r.Has("name") ? "name" : "path"), $"'{column}' is a column every row of runs.csv already has ({string.Join(", ", RowColumns)}); give it another name");
        if (scenario is not null && diagnostics.Ok)
            for (int i = 0; i < parameters.Length; i++)
                CheckHorizon(parameters[i]!, parameterReaders[i], outcomes, outcomeReaders, scenario, counterfactual, options);

        if (!diagnostics.Ok || design is null || scenario is null) return null;
        var factors = parameters.Select(p => p!.Factor).ToArray();
        ulong designSeed = design.Has("seed") ? SeedEntry.Read(design) : Seeds.SweepDesign(seed);
        var built = BuildDesign(design, factors, designSeed);
        if (built is null) return null;
        var plan = new SweepPlan(built, replications, seed, seeds);
        if (plan.Count > MaxWorkItems)
        {
            diagnostics.Error("design", $"{plan.Count:N0} work items ({built.Count:N0} points x {replications} replications); at most {MaxWorkItems:N0}");
            return null;
        }
        return new Sweep(file, name, description, scenario, counterfactual, parameters.Select(p => p!).ToArray(), built, designSeed, plan, outcomes.Select(o => o!).ToArray());
    }

    /// <summary>The columns runs.csv gives every row before the parameters and outcomes.</summary>
    private static readonly string[] RowColumns = ["index", "point", "replication", "seed"];

    /// <summary>
    /// Scenario keys a sweep sets itself for every work item, so a value swept there would be written as a column
    /// and ignored by every run: refused, saying which key of the sweep to use instead.
    /// </summary>
    private static readonly Dictionary<string, string> OwnedBySweep = new(StringComparer.Ordinal)
    {
        ["seed"] = "every work item's seed comes from the sweep's own seed and the item's index, so a swept seed would be ignored; to replicate, raise the sweep's replications (each replication has its own seed), and to try other streams change its seed",
        ["replications"] = "the sweep's own replications key sets the replications of every point, so a swept value would be ignored; give replications in the sweep",
    };

    private static SweepParameter? ReadParameter(MappingReader r, ScenarioTemplate? scenario, ScenarioTemplate? counterfactual)
    {
        var d = r.Diagnostics;
        string text = r.Text("path");
        if (!r.Has("path")) return null;
        if (ParameterPath.Parse(text, out _) is { } parsed)
            foreach (var (key, why) in OwnedBySweep)
                if (ReferenceEquals(parsed.Field, Scenarios.Format.ScenarioFormat.Scenario.Field(key)))
                {
                    d.Error(r.PathOf("path"), $"'{text}' cannot be swept: {why}");
                    return null;
                }
        var path = ParameterEntry.Path(r, "scale them all by the swept value", out bool multiply);
        if (path is null) return null;
        string appliesTo = r.Text("applies_to", "both");
        if (r.Has("applies_to") && counterfactual is null) d.Error(r.PathOf("applies_to"), "applies_to needs a counterfactual in the sweep");
        bool inScenario = appliesTo != "counterfactual", inCounterfactual = appliesTo != "scenario" && counterfactual is not null;
        foreach (var template in new[] { inScenario ? scenario : null, inCounterfactual ? counterfactual : null }.OfType<ScenarioTemplate>())
        {
            var probe = multiply ? 1 : template.Read(path) ?? 1;
            var check = template.Instantiate([path], [probe], Scenarios.LoadOptions.Unlimited);
            if (!check.Ok && check.Errors[0].Path == path.Text)
            {
                string hint = template == counterfactual && !r.Has("applies_to") ? " (if the value belongs to the scenario only, add applies_to: scenario)" : "";
                d.Error(r.PathOf("path"), $"{template.File}: {check.Errors[0].Message}{hint}");
                return null;
            }
        }

        string name = r.Has("name") ? r.Text("name") : text;
        bool log = ParameterEntry.Log(r);
        Factor factor;
        if (r.Has("values"))
        {
            if (r.Has("min") || r.Has("max")) d.Error(r.PathOf("values"), "give either values or min and max, not both");
            var values = r.Numbers("values");
            if (values.Count == 0)
            {
                if (r.Has("values") && d.Ok) d.Error(r.PathOf("values"), "needs at least one value");
                return null;
            }
            if (log) d.Error(r.PathOf("scale"), "scale applies to a range (min and max), not to listed values");
            factor = Factor.Listed(name, values, path.IsInteger);
        }
        else
        {
            if (!r.Has("min") || !r.Has("max"))
            {
                d.Error(r.Position, r.Path, "give min and max (a range) or values (a list)");
                return null;
            }
            double min = r.Number("min"), max = r.Number("max");
            if (!ParameterEntry.IsRange(r, min, max, log)) return null;
            factor = new Factor(name, min, max, null, log, path.IsInteger);
        }
        bool listed = r.Has("values");
        if (!ParameterEntry.InFormatRange(r, path, multiply, (factor.Lower, listed ? "values" : "min"), (factor.Upper, listed ? "values" : "max"), "the sweep")) return null;
        return new SweepParameter(path, factor, inScenario, inCounterfactual);
    }

    /// <summary>
    /// A swept number of periods is applied point by point; it must not leave the sweep's outcomes or the
    /// counterfactual behind: the shortest run must still hold every outcome's window and the scenario's events,
    /// and the counterfactual must run as long as the scenario.
    /// </summary>
    private static void CheckHorizon(SweepParameter parameter, MappingReader r, Outcome?[] outcomes, IReadOnlyList<MappingReader> outcomeReaders,
        ScenarioTemplate scenario, ScenarioTemplate? counterfactual, LoadOptions options)
    {
        if (!ReferenceEquals(parameter.Path.Field, Scenarios.Format.ScenarioFormat.Scenario.Field("periods"))) return;
        var d = r.Diagnostics;
        if (counterfactual is not null && !(parameter.InScenario && parameter.InCounterfactual))
        {
            d.Error(r.PathOf("applies_to"), "periods must be the same in the scenario and its counterfactual (their runs are compared period by period); drop applies_to");
            return;
        }
        int periods = int.MaxValue;
        foreach (var template in new[] { scenario, counterfactual }.OfType<ScenarioTemplate>())
        {
            var shortest = template.Instantiate([parameter.Path], [parameter.Factor.Lower], options);
            if (!shortest.Ok)
            {
                var e = shortest.Errors[0];
                d.Error(r.PathOf(r.Has("values") ? "values" : "min"), $"{template.File}: {(e.Path.Length > 0 ? e.Path + ": " : "")}{e.Message}");
                return;
            }
            periods = Math.Min(periods, shortest.Scenario!.Periods);
        }
        foreach (var (o, reader) in outcomes.Zip(outcomeReaders))
            if (o is not null && (o.From >= periods || o.To > periods))
                d.Error(reader.PathOf(o.To > periods ? "to" : "from"),
                    $"outcome {o.Name} reads periods {o.From}{(o.To is { } to ? $"-{to - 1}" : " onwards")}, past the shortest run of the sweep ({periods} periods, numbered from 0, where {parameter.Path.Text} = {parameter.Factor.Lower:G6})");
    }

    private static Outcome? ReadOutcome(MappingReader r, ScenarioTemplate? scenario, ScenarioTemplate? counterfactual)
    {
        var d = r.Diagnostics;
        string name = r.Text("name");
        string? Optional(string key) => OutcomeEntry.Optional(r, key);
        string? metric = Optional("metric"), measure = Optional("measure");
        string? location = Optional("location"), organization = Optional("organization"), route = Optional("route"), commodity = Optional("commodity");
        int from = (int)r.Integer("from", 0);
        int? to = r.Has("to") ? (int)r.Integer("to") : null;
        bool mean = r.Text("stat", "total") == "mean";
        if ((metric is null) == (measure is null))
        {
            d.Error(r.Position, r.Path, "give either metric (a summary metric) or measure (a comparison measure)");
            return null;
        }
        OutcomeScope scope;
        if (measure is not null)
        {
            scope = OutcomeScope.Comparison;
            if (counterfactual is null)
            {
                d.Error(r.PathOf("measure"), $"{measure} compares with a counterfactual; name one with the sweep's counterfactual key");
                return null;
            }
        }
        else if (OutcomeEntry.MetricScope(r, metric!, location is not null) is { } metricScope) scope = metricScope;
        else return null;

        OutcomeEntry.KeysFit(r, scope);
        if (!d.Ok || scenario is null) return null;

        var outcome = new Outcome(name, scope, measure ?? metric!, location, organization, route, commodity, from, to, mean);
        try
        {
            CompiledOutcome.Compile(outcome, scenario.Baseline.Model!, counterfactual?.Baseline.Model);
            return outcome;
        }
        catch (ArgumentException e)
        {
            d.Error(r.Path, e.Message);
            return null;
        }
    }

    private static Design? BuildDesign(MappingReader r, Factor[] factors, ulong seed)
    {
        var d = r.Diagnostics;
        string kindText = r.Text("kind");
        if (Design.Parse(kindText) is not { } kind) return null;
        int Required(string key, string what)
        {
            if (r.Has(key)) return (int)r.Integer(key);
            d.Error(r.Position, r.Path, $"a {kindText} design needs {key} ({what})");
            return -1;
        }
        void Unused(params string[] keys)
        {
            foreach (var key in keys)
                if (r.Has(key)) d.Error(r.PathOf(key), $"{key} does not apply to a {kindText} design");
        }
        switch (kind)
        {
            case DesignKind.Grid:
            {
                Unused("points", "base_samples", "trajectories");
                int levels = r.Has("levels") ? (int)r.Integer("levels") : 5;
                if (levels < 1) return null;
                long size = GridDesign.Size(factors, levels);
                if (size > 10_000_000)
                {
                    d.Error(r.Path, $"the grid has {size:N0} points; use fewer levels or a Latin hypercube");
                    return null;
                }
                return GridDesign.Build(factors, levels);
            }
            case DesignKind.LatinHypercube:
            {
                Unused("base_samples", "trajectories", "levels");
                int n = Required("points", "how many");
                return n < 1 ? null : LatinHypercube.Build(factors, n, seed);
            }
            case DesignKind.Saltelli:
            {
                Unused("points", "trajectories", "levels");
                int n = Required("base_samples", "N: the sweep runs N(k + 2) points");
                return n < 2 ? null : SaltelliDesign.Build(factors, n, seed);
            }
            default:
            {
                Unused("points", "base_samples");
                int r2 = Required("trajectories", "r: the sweep runs r(k + 1) points");
                int levels = r.Has("levels") ? (int)r.Integer("levels") : 4;
                if (levels >= 2 && levels % 2 != 0) d.Error(r.PathOf("levels"), $"Morris needs an even number of levels, got {levels}");
                if (levels < 2 && r.Has("levels") && levels > 0) d.Error(r.PathOf("levels"), "Morris needs at least 2 levels");
                return r2 < 2 || levels < 2 || levels % 2 != 0 ? null : MorrisDesign.Build(factors, r2, levels, seed);
            }
        }
    }
}
