using RouteSim.Scenarios.Yaml;

namespace RouteSim.Experiments.Entries;

/// <summary>A list of entries an experiment file must not leave empty (parameters, outcomes, targets).</summary>
public static class EntryList
{
    /// <summary>
    /// Reports <paramref name="needsOne"/> at <paramref name="key"/> when the file gives that list but it holds no
    /// <paramref name="entries"/> (unless an error came before: an empty list is often the echo of a broken one).
    /// </summary>
    public static void NeedsOne(MappingReader r, string key, IReadOnlyList<MappingReader> entries, string needsOne)
    {
        if (r.Has(key) && entries.Count == 0 && r.Diagnostics.Ok) r.Diagnostics.Error(key, needsOne);
    }
}
