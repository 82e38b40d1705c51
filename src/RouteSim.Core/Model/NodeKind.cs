namespace RouteSim.Core.Model;

/// <summary>The role a location plays in the network (docs/model.md section 1).</summary>
public enum NodeKind
{
    Origin,
    Transit,
    Crossing,
    Destination,
}
