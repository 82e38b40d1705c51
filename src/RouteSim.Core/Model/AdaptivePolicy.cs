namespace RouteSim.Core.Model;

/// <summary>Enforcement that chases recent seizures (docs/model.md section 6).</summary>
/// <param name="Every">Adapt every this many periods (>= 1).</param>
/// <param name="Fraction">Share phi in [0,1] of resources moved at each adaptation.</param>
/// <param name="Floor">Minimum resources kept on each eligible location.</param>
/// <param name="Locations">Eligible locations; empty means every crossing.</param>
public sealed record AdaptivePolicy(int Every, double Fraction, double Floor, IReadOnlyList<string> Locations);
