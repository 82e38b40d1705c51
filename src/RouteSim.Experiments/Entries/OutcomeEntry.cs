using RouteSim.Analysis.Sweeps;
using RouteSim.Core.Engine;
using RouteSim.Scenarios;
using RouteSim.Scenarios.Yaml;

namespace RouteSim.Experiments.Entries;

/// <summary>
/// The reading an outcome entry of a sweep file and a target entry of a calibration file share: which count a
/// metric reads (its scope), and whether an outcome can be counted in a scenario, with the same error messages.
/// </summary>
public static class OutcomeEntry
{
    /// <summary>The entry's value of <paramref name="key"/>, or null when it has none.</summary>
    public static string? Optional(MappingReader r, string key) => r.Has(key) ? r.Text(key) : null;

    /// <summary>
    /// The scope of a summary metric (<see cref="Metrics"/>): a route metric (trips) is counted per route, a
    /// metric with a location per location, any other per organization; null, with the error reported, for a
    /// metric counted per location only (traversals) given without a location.
    /// </summary>
    public static OutcomeScope? MetricScope(MappingReader r, string metric, bool atLocation)
    {
        if (Metrics.Find(Core.Engine.MetricScope.Route, metric) is not null) return OutcomeScope.Route;
        if (atLocation) return OutcomeScope.Location;
        if (Metrics.Find(Core.Engine.MetricScope.Organization, metric) is null && Metrics.Find(Core.Engine.MetricScope.Location, metric) is not null)
        {
            r.Diagnostics.Error(r.PathOf("metric"), $"{metric} are counted per location; give location");
            return null;
        }
        return OutcomeScope.Organization;
    }

    /// <summary>
    /// Whether <paramref name="outcome"/> can be counted in <paramref name="model"/> (its location, organization,
    /// route and commodity exist); when not, reports why at <paramref name="path"/>, without the outcome's name
    /// (the path names the entry).
    /// </summary>
    public static bool Compiles(MappingReader r, string path, Outcome outcome, CompiledScenario model)
    {
        try
        {
            CompiledOutcome.Compile(outcome, model, null);
            return true;
        }
        catch (ArgumentException e)
        {
            r.Diagnostics.Error(path, e.Message.Replace($"outcome {outcome.Name}: ", "", StringComparison.Ordinal));
            return false;
        }
    }

    /// <summary>
    /// Whether the entry's optional keys fit its scope: commodity only on a location metric or a comparison measure,
    /// organization not on either of those, route only on a route metric (trips). False, with one error per key
    /// that does not apply, when they do not: the count would otherwise be summed over the wrong items.
    /// </summary>
    public static bool KeysFit(MappingReader r, OutcomeScope scope)
    {
        var d = r.Diagnostics;
        bool fit = true;
        if (scope is not (OutcomeScope.Location or OutcomeScope.Comparison) && r.Has("commodity"))
        {
            d.Error(r.PathOf("commodity"), "commodity applies to location metrics and comparison measures only");
            fit = false;
        }
        if (scope is OutcomeScope.Location or OutcomeScope.Comparison && r.Has("organization"))
        {
            d.Error(r.PathOf("organization"), $"organization does not apply to {(scope == OutcomeScope.Location ? "location metrics" : "comparison measures")}");
            fit = false;
        }
        if (scope != OutcomeScope.Route && r.Has("route"))
        {
            d.Error(r.PathOf("route"), "route applies to the trips metric only");
            fit = false;
        }
        return fit;
    }
}
