namespace RouteSim.Core.Model;

/// <summary>A location: a node of the directed route graph (docs/model.md section 1).</summary>
/// <param name="Id">Unique name used everywhere else in the scenario.</param>
/// <param name="Kind">Origin, transit, crossing or destination.</param>
/// <param name="Cost">Cost c paid when a trip passes this node (>= 0).</param>
/// <param name="BaseDetection">Detection probability b with no enforcement, in [0,1).</param>
/// <param name="Area">Area A the enforcement here must cover (> 0).</param>
/// <param name="Danger">Chance d that a people-carrying trip dies here, in [0,1).</param>
/// <param name="Prior">Prior mean q0 of the organizations' belief; null means b.</param>
/// <param name="Lat">Latitude in degrees, if known.</param>
/// <param name="Lon">Longitude in degrees, if known.</param>
/// <param name="Label">A human-readable name for plots and reports; null means the id.</param>
public sealed record Node(
    string Id,
    NodeKind Kind,
    double Cost = 0,
    double BaseDetection = 0,
    double Area = 1,
    double Danger = 0,
    double? Prior = null,
    double? Lat = null,
    double? Lon = null,
    string? Label = null)
{
    /// <summary>The prior mean q0 used by beliefs: the scenario's prior, else the base detection.</summary>
    public double PriorMean => Prior ?? BaseDetection;
}
