using RouteSim.Analysis.Sweeps;
using RouteSim.Core.Engine;
using RouteSim.Experiments.Entries;
using RouteSim.Scenarios.Format;
using static RouteSim.Scenarios.Format.FieldType;

namespace RouteSim.Experiments.Sweeps;

/// <summary>The sweep file format, key by key (read with the same machinery as scenarios, so errors carry line and column).</summary>
public static class SweepFormat
{
    /// <summary>How points are chosen.</summary>
    public static ObjectSpec Design { get; } = new("design", "How the sweep's points are chosen.",
    [
        new("kind", Choice, true, "grid: every combination of levels; lhs: Latin hypercube; saltelli: for Sobol indices; morris: elementary-effects trajectories.", Choices: ["grid", "lhs", "saltelli", "morris"]),
        new("points", Integer, false, "Points of a Latin hypercube.", "points", Bounds.Between(1, 10_000_000)),
        new("base_samples", Integer, false, "Saltelli's N: the sweep has N(k + 2) points for k parameters.", "rows", Bounds.Between(2, 10_000_000)),
        new("trajectories", Integer, false, "Morris's r: the sweep has r(k + 1) points.", "trajectories", Bounds.Between(2, 10_000_000)),
        new("levels", Integer, false, "Levels of each ranged parameter on a grid, or Morris's p (even).", "levels", Bounds.Between(1, 1000), "5 (grid), 4 (morris)"),
        new("seed", Integer, false, "Seed of the design's own random draws.", "", Bounds.Between(0, long.MaxValue), "the sweep's seed"),
    ]);

    /// <summary>One swept parameter.</summary>
    public static ObjectSpec Parameter { get; } = new("parameter", "A number of the scenario, addressed by path, and the values it takes.",
    [
        new("path", Text, true, "Where the number is, e.g. organizations[cartel].temperature, nodes[X1].danger, enforcement.allocation.X1."),
        new("name", Id, false, "Column name in the results.", Default: "the path"),
        new("min", Number, false, "Lowest value of a range."),
        new("max", Number, false, "Highest value of a range."),
        new("values", NumberList, false, "The values to take, instead of a range."),
        new("scale", Choice, false, "Spread a range evenly on this scale.", Choices: ["linear", "log"], Default: "linear"),
        EntryFormat.Multiply,
        new("applies_to", Choice, false, "Which scenarios the value is set in, when the sweep has a counterfactual (for example, the size of a deployment only the scenario has).", Choices: ["both", "scenario", "counterfactual"], Default: "both"),
    ]);

    /// <summary>One recorded outcome.</summary>
    public static ObjectSpec Outcome { get; } = new("outcome", "A quantity recorded for every replication of every point.",
    [
        new("name", Id, true, "Column name in the results."),
        new("metric", Choice, false, $"A summary metric: per location ({NamesOf(Metrics.Location)}, with location), per organization ({NamesOf(Metrics.Organization)}), per route ({NamesOf(Metrics.Route)}, with organization and route).",
            Choices: [.. Metrics.Names]),
        new("measure", Choice, false, "A measure of the comparison with the counterfactual (needs counterfactual).", Choices: [.. CompiledOutcome.ComparisonMeasures]),
        EntryFormat.Location,
        EntryFormat.Organization,
        new("route", Id, false, "Route id (as in route_catalog.csv) of a route metric."),
        EntryFormat.Commodity,
        new("from", Integer, false, "First period of the window.", "periods", Bounds.Between(0, int.MaxValue), "0"),
        new("to", Integer, false, "Period after the window's last.", "periods", Bounds.Between(1, int.MaxValue), "the end of the run"),
        new("stat", Choice, false, "total over the window, or mean per period.", Choices: ["total", "mean"], Default: "total"),
    ]);

    /// <summary>The whole file.</summary>
    public static ObjectSpec Sweep { get; } = new("sweep", "A sweep: a base scenario, parameters with ranges, a design, replications and outcomes.",
    [
        new("name", Text, true, "Title of the sweep."),
        new("description", Text, false, "What the sweep asks."),
        new("scenario", Text, true, "The scenario file, relative to the sweep file."),
        new("counterfactual", Text, false, "A baseline scenario (differing only in enforcement) to compare every point with; parameters are set in both."),
        new("replications", Integer, true, "Replications per point.", "", Bounds.Between(1, 1_000_000)),
        new("seed", Integer, true, "Master seed of the sweep.", "", Bounds.Between(0, long.MaxValue)),
        new("seeds", Choice, false, "independent: every (point, replication) its own seed from its global index; common: replication r of every point shares seed and streams (common random numbers).", Choices: ["independent", "common"], Default: "independent"),
        new("design", Mapping, true, "How points are chosen.", Nested: Design),
        new("parameters", MappingList, true, "The swept parameters.", Nested: Parameter),
        new("outcomes", MappingList, true, "What to record.", Nested: Outcome),
    ]);

    private static string NamesOf(IEnumerable<Metric> metrics) => string.Join(", ", metrics.Select(m => m.Name));
}
