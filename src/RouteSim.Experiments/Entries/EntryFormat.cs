using RouteSim.Scenarios.Format;
using static RouteSim.Scenarios.Format.FieldType;

namespace RouteSim.Experiments.Entries;

/// <summary>
/// The keys sweep and calibration files share word for word: which items an outcome (a sweep's outcome, a
/// calibration's target) counts, and how a parameter's value is applied.
/// </summary>
public static class EntryFormat
{
    /// <summary>The location of a location metric.</summary>
    public static FieldSpec Location { get; } = new("location", Id, false, "Location of a location metric.");

    /// <summary>The organization of an organization or route metric.</summary>
    public static FieldSpec Organization { get; } = new("organization", Id, false, "Organization of an organization or route metric.", Default: "all organizations");

    /// <summary>The commodity of a location metric.</summary>
    public static FieldSpec Commodity { get; } = new("commodity", Id, false, "Commodity of a location metric.", Default: "all commodities");

    /// <summary>Whether a parameter's value replaces the number at its path or multiplies it.</summary>
    public static FieldSpec Multiply { get; } = new("multiply", Flag, false, "The value multiplies the number(s) the scenario writes at the path (with [*], every item's) instead of replacing it.", Default: "false");
}
