using System.Globalization;
using RouteSim.Core.Model;

namespace RouteSim.Cli.Console;

/// <summary>
/// The words that say enforcement moves itself during a run (docs/model.md section 6): the phases, enforcement.csv,
/// the maps' enforcement classes and compare's "reinforced" all read the configured schedule, not the resources
/// adaptation puts where seizures were, so a reader must be told.
/// </summary>
public static class AdaptationNote
{
    /// <summary>A sentence for a run of <paramref name="scenario"/>, or null when its enforcement does not adapt.</summary>
    public static string? ForRun(Scenario scenario) => scenario.Enforcement.Adaptive is not { } a ? null
        : $"Enforcement also adapts: every {Every(a, scenario.PeriodUnit)} it moves {a.Fraction.ToString("0.##", CultureInfo.InvariantCulture)} of the resources "
          + $"among {Where(a)} toward recent interdictions (docs/model.md section 6). The phases above, enforcement.csv and the figures show the configured "
          + "schedule only; the resources actually at those crossings differ from it.";

    /// <summary>A sentence for a comparison, or null when neither arm's enforcement adapts.</summary>
    public static string? ForComparison(Scenario baseline, Scenario intervention)
    {
        var (b, x) = (baseline.Enforcement.Adaptive, intervention.Enforcement.Adaptive);
        if (b is null && x is null) return null;
        string arms = b is not null && x is not null ? "in both arms" : b is not null ? "in the baseline" : "in the intervention";
        var a = (b ?? x)!;
        return $"Enforcement adapts {arms} (every {Every(a, baseline.PeriodUnit)}, among {Where(a)}; docs/model.md section 6). Reinforced and targeted crossings "
            + "are those with more configured resources or deterrence cost (the reference model's definition, adaptation aside), so a crossing that adaptation "
            + "reinforces counts among the others, and its change, whatever adaptation did there, counts as displacement.";
    }

    private static string Every(AdaptivePolicy a, string unit) => a.Every == 1 ? unit : $"{a.Every} {unit}s";

    private static string Where(AdaptivePolicy a) => a.Locations.Count == 0 ? "all crossings" : string.Join(", ", a.Locations);
}
