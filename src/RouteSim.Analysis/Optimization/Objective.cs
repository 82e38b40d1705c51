using RouteSim.Analysis.Counterfactuals;
using RouteSim.Core.Engine;

namespace RouteSim.Analysis.Optimization;

/// <summary>What an allocation should make small, summed over a window: delivered loads, deaths, or both weighted.</summary>
/// <param name="Kind">delivered, deaths or weighted.</param>
/// <param name="Commodity">Count only organizations smuggling this commodity; null for all.</param>
/// <param name="DeathWeight">In weighted: delivered + DeathWeight x deaths.</param>
public sealed record Objective(string Kind, Window Window, string? Commodity = null, double DeathWeight = 1)
{
    /// <summary>The objective's kinds.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["delivered", "deaths", "weighted"];

    /// <summary>A short description for tables and figures.</summary>
    public string Describe() => Kind switch
    {
        "delivered" => $"{Commodity ?? "all"} delivered",
        "deaths" => $"deaths{(Commodity is null ? "" : $" ({Commodity})")}",
        _ => $"{Commodity ?? "all"} delivered + {DeathWeight:G4} x deaths",
    };

    /// <summary>The objective of one replication.</summary>
    public double Of(ReplicationResult result, CompiledScenario model)
    {
        var layout = result.Layout;
        double delivered = 0, deaths = 0;
        foreach (var plan in model.Organizations)
        {
            if (Commodity is not null && model.CommodityIds[plan.Commodity] != Commodity) continue;
            for (int t = Window.From; t < Window.To; t++)
            {
                delivered += result.Organizations[layout.Organization(t, plan.Index, OrganizationMetric.Successes)];
                deaths += result.Organizations[layout.Organization(t, plan.Index, OrganizationMetric.Deaths)];
            }
        }
        return Kind switch
        {
            "delivered" => delivered,
            "deaths" => deaths,
            _ => delivered + DeathWeight * deaths,
        };
    }
}
