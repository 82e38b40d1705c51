using RouteSim.Analysis.Counterfactuals;
using RouteSim.Core.Engine;

namespace RouteSim.Analysis.Sweeps;

/// <summary>An outcome bound to one model's indices: turns a replication (and its baseline twin) into one number.</summary>
public sealed class CompiledOutcome
{
    private readonly Func<ReplicationResult, ReplicationResult?, double> _measure;

    private CompiledOutcome(Outcome outcome, Func<ReplicationResult, ReplicationResult?, double> measure)
    {
        Outcome = outcome;
        _measure = measure;
    }

    /// <summary>What is measured.</summary>
    public Outcome Outcome { get; }

    /// <summary>The value for one replication; NaN when undefined (a ratio over zero).</summary>
    public double Measure(ReplicationResult result, ReplicationResult? baseline) => _measure(result, baseline);

    /// <summary>Names of the metrics of each scope (<see cref="Metrics"/>), or of the comparison measures, for checking files.</summary>
    public static IReadOnlyList<string> MetricsOf(OutcomeScope scope) => scope switch
    {
        OutcomeScope.Location => Metrics.Location.Select(m => m.Name).ToArray(),
        OutcomeScope.Organization => Metrics.Organization.Select(m => m.Name).ToArray(),
        OutcomeScope.Route => Metrics.Route.Select(m => m.Name).ToArray(),
        _ => ComparisonMeasures,
    };

    /// <summary>Names of the comparison measures, as in comparison.csv.</summary>
    public static IReadOnlyList<string> ComparisonMeasures { get; } = Counterfactuals.ComparisonMeasures.All.Select(m => m.Name).ToArray();

    /// <summary>Binds an outcome to a model (and, for comparison measures, its baseline); throws ArgumentException naming what is unknown.</summary>
    public static CompiledOutcome Compile(Outcome outcome, CompiledScenario model, CompiledScenario? baseline)
    {
        int periods = model.Scenario.Periods;
        var window = new Window(outcome.From, outcome.To ?? periods);
        if (window.From < 0 || window.To > periods || window.Length < 1)
            throw new ArgumentException($"outcome {outcome.Name}: window {window.From}:{window.To} is not inside the run's {periods} periods");
        double scale = outcome.PerPeriod ? 1.0 / window.Length : 1.0;
        var layout = model.Layout;
        if (outcome.Scope == OutcomeScope.Comparison && !ComparisonMeasures.Contains(outcome.Metric))
            throw new ArgumentException($"outcome {outcome.Name}: '{outcome.Metric}' is not a comparison metric (one of {string.Join(", ", ComparisonMeasures)})");

        switch (outcome.Scope)
        {
            case OutcomeScope.Location:
            {
                var metric = Find(Metrics.Location, outcome);
                int l = Find(model.LocationIds, outcome.Location, "location", outcome);
                int[] commodities = outcome.Commodity is null
                    ? Enumerable.Range(0, model.CommodityCount).ToArray()
                    : [Find(model.CommodityIds, outcome.Commodity, "commodity", outcome)];
                return new(outcome, (r, _) =>
                {
                    long sum = 0;
                    for (int t = window.From; t < window.To; t++)
                        foreach (int k in commodities) sum += r.Locations[layout.Location(t, l, k, metric)];
                    return sum * scale;
                });
            }
            case OutcomeScope.Organization:
            {
                var metric = Find(Metrics.Organization, outcome);
                var ids = model.Organizations.Select(o => o.Organization.Id).ToArray();
                int[] organizations = outcome.Organization is null
                    ? Enumerable.Range(0, ids.Length).ToArray()
                    : [Find(ids, outcome.Organization, "organization", outcome)];
                return new(outcome, (r, _) =>
                {
                    long sum = 0;
                    for (int t = window.From; t < window.To; t++)
                        foreach (int g in organizations) sum += r.Organizations[layout.Organization(t, g, metric)];
                    return sum * scale;
                });
            }
            case OutcomeScope.Route:
            {
                Find(Metrics.Route, outcome);
                var ids = model.Organizations.Select(o => o.Organization.Id).ToArray();
                var plan = model.Organizations[Find(ids, outcome.Organization, "organization", outcome)];
                int route = plan.RouteOffset + Find(plan.Routes.Select(r => r.Id).ToArray(), outcome.Route, $"route of {plan.Organization.Id}", outcome);
                return new(outcome, (r, _) =>
                {
                    long sum = 0;
                    for (int t = window.From; t < window.To; t++) sum += r.Routes[layout.Route(t, route)];
                    return sum * scale;
                });
            }
            default:
            {
                if (baseline is null) throw new ArgumentException($"outcome {outcome.Name}: {outcome.Metric} compares with a counterfactual, and the sweep names none");
                var targeted = CounterfactualRun.Targets(baseline, model, window);
                var nodes = model.Scenario.Nodes;
                var commodities = model.Scenario.Commodities;
                string name = outcome.Metric;
                string commodity = outcome.Commodity ?? Counterfactuals.ComparisonMeasures.AllCommodities;
                if (commodity != Counterfactuals.ComparisonMeasures.AllCommodities) Find(model.CommodityIds, commodity, "commodity", outcome);
                bool count = Counterfactuals.ComparisonMeasures.Get(name).Kind == MeasureKind.Count;
                var reduceBaseline = new ArmReduction(baseline, model, window);
                var reduceIntervention = new ArmReduction(model, model, window);
                // One replication through the same code as `routesim compare`, so the definitions cannot drift.
                return new(outcome, (r, b) =>
                {
                    var comparison = Comparison.Compute(nodes, commodities, targeted, [reduceBaseline.Reduce(b!)], [reduceIntervention.Reduce(r)], window);
                    return comparison[name, commodity].Value is { } v ? v.Mean * (count ? scale : 1) : double.NaN;
                });
            }
        }
    }

    private static TId Find<TId>(IReadOnlyList<Metric<TId>> table, Outcome outcome) where TId : struct, Enum =>
        Metrics.Find(table, outcome.Metric)?.Id
        ?? throw new ArgumentException($"outcome {outcome.Name}: '{outcome.Metric}' is not a {outcome.Scope.ToString().ToLowerInvariant()} metric (one of {string.Join(", ", table.Select(m => m.Name))})");

    private static int Find(string[] ids, string? id, string what, Outcome outcome)
    {
        if (id is null) throw new ArgumentException($"outcome {outcome.Name}: give the {what}");
        int i = Array.IndexOf(ids, id);
        return i >= 0 ? i : throw new ArgumentException($"outcome {outcome.Name}: unknown {what} '{id}'");
    }
}
