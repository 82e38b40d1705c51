using RouteSim.Analysis.Sweeps;
using RouteSim.Scenarios.Yaml;

namespace RouteSim.Experiments.Entries;

/// <summary>
/// The reading an outcome entry of a sweep file and a target entry of a calibration file share: which count a
/// metric reads (its scope), with the same error messages.
/// </summary>
public static class OutcomeEntry
{
    /// <summary>The entry's value of <paramref name="key"/>, or null when it has none.</summary>
    public static string? Optional(MappingReader r, string key) => r.Has(key) ? r.Text(key) : null;

    /// <summary>
    /// The scope of a summary metric: trips are counted per route, a metric with a location per location, any
    /// other per organization; null, with the error reported, for traversals without a location (they are
    /// counted per location only).
    /// </summary>
    public static OutcomeScope? MetricScope(MappingReader r, string metric, bool atLocation)
    {
        if (metric == "trips") return OutcomeScope.Route;
        if (atLocation) return OutcomeScope.Location;
        if (metric == "traversals")
        {
            r.Diagnostics.Error(r.PathOf("metric"), "traversals are counted per location; give location");
            return null;
        }
        return OutcomeScope.Organization;
    }
}
