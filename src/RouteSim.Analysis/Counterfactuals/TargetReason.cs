namespace RouteSim.Analysis.Counterfactuals;

/// <summary>
/// Why a comparison counts a crossing among the intervention's targets T (docs/model.md section 8): during the
/// window the intervention configures more resources there than the baseline, a higher deterrence cost
/// (section 9), or both.
/// </summary>
[Flags]
public enum TargetReason
{
    /// <summary>Not targeted: the crossing belongs to the other crossings O.</summary>
    None = 0,

    /// <summary>More configured resources E_l(t) than in the baseline in some period of the window.</summary>
    Resources = 1,

    /// <summary>A higher deterrence cost X_l(t) than in the baseline in some period of the window.</summary>
    DeterrenceCost = 2,

    /// <summary>Both.</summary>
    Both = Resources | DeterrenceCost,
}

/// <summary>How a <see cref="TargetReason"/> is written in comparison_locations.csv's <c>targeted_by</c> column and read back.</summary>
public static class TargetReasons
{
    /// <summary>"resources", "deterrence_cost", "both", or "" when not targeted.</summary>
    public static string Name(TargetReason reason) => reason switch
    {
        TargetReason.Resources => "resources",
        TargetReason.DeterrenceCost => "deterrence_cost",
        TargetReason.Both => "both",
        _ => "",
    };

    /// <summary>The reason a <see cref="Name"/> stands for; anything else reads as <see cref="TargetReason.None"/>.</summary>
    public static TargetReason Parse(string name) => name switch
    {
        "resources" => TargetReason.Resources,
        "deterrence_cost" => TargetReason.DeterrenceCost,
        "both" => TargetReason.Both,
        _ => TargetReason.None,
    };

    /// <summary>In words, for tables and sentences: "resources", "deterrence cost", "resources and deterrence cost", or "".</summary>
    public static string Words(TargetReason reason) => reason switch
    {
        TargetReason.Resources => "resources",
        TargetReason.DeterrenceCost => "deterrence cost",
        TargetReason.Both => "resources and deterrence cost",
        _ => "",
    };
}
