using RouteSim.Scenarios.Yaml;

namespace RouteSim.Experiments.Entries;

/// <summary>A seed key of an experiment file (the file's master seed, a design's seed).</summary>
public static class SeedEntry
{
    /// <summary>
    /// The seed at <paramref name="key"/> of <paramref name="r"/>. The formats bound seeds to 0 or more; a value
    /// that failed that check (already reported) reads as 0, so reading goes on to find the file's other errors.
    /// </summary>
    public static ulong Read(MappingReader r, string key = "seed") => (ulong)Math.Max(0, r.Integer(key));
}
