namespace RouteSim.Core.Model;

/// <summary>How candidate routes are enumerated (docs/model.md section 1).</summary>
/// <param name="RoutesPerPair">K, the most routes kept per origin-destination pair.</param>
/// <param name="MaxStretch">Routes costing more than this times the cheapest are dropped.</param>
public sealed record Routing(int RoutesPerPair = Routing.DefaultRoutesPerPair, double MaxStretch = Routing.DefaultMaxStretch)
{
    /// <summary>docs/model.md's default K.</summary>
    public const int DefaultRoutesPerPair = 8;

    /// <summary>docs/model.md's default max stretch.</summary>
    public const double DefaultMaxStretch = 3.0;
}
