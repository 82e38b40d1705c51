namespace RouteSim.Analysis.Sweeps;

/// <summary>One quantity a sweep records per replication: a summary metric totalled or averaged over a window, or a comparison measure.</summary>
/// <param name="Name">Column name in the results.</param>
/// <param name="Metric">The metric or comparison measure, by its name in the results files.</param>
/// <param name="Location">Location id (location scope).</param>
/// <param name="Organization">Organization id (organization and route scopes); null sums all organizations.</param>
/// <param name="Route">Route id (route scope).</param>
/// <param name="Commodity">Commodity id for a location metric or a comparison measure; null means every commodity together.</param>
/// <param name="From">First period of the window.</param>
/// <param name="To">Period after the last one of the window; null means the end of the run.</param>
/// <param name="PerPeriod">Average per period over the window rather than total.</param>
public sealed record Outcome(
    string Name,
    OutcomeScope Scope,
    string Metric,
    string? Location = null,
    string? Organization = null,
    string? Route = null,
    string? Commodity = null,
    int From = 0,
    int? To = null,
    bool PerPeriod = false);
