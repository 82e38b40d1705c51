namespace RouteSim.Core.Network;

/// <summary>A candidate route: a loop-free path from an origin to a destination, with its cost C_r and danger D_r.</summary>
/// <param name="Id">Stable id: origin, destination and rank by cost, as <c>O:D#1</c>.</param>
/// <param name="Nodes">Node indices from origin to destination.</param>
public sealed record Route(string Id, int Origin, int Destination, int[] Nodes, double Cost, double Danger)
{
    /// <summary>The route's node ids joined by '&gt;', as written in route_catalog.csv.</summary>
    public string PathText(IReadOnlyList<string> nodeIds) => string.Join('>', Nodes.Select(n => nodeIds[n]));
}
