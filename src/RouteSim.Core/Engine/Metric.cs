namespace RouteSim.Core.Engine;

/// <summary>One row of the table of metrics.</summary>
/// <param name="Name">Its name in the CSVs (column of the per-replication tables, metric of the summaries) and in sweep and calibration files.</param>
/// <param name="Scope">What it is counted per.</param>
/// <param name="Unit">What one count is: a trip or an agent, per period.</param>
/// <param name="Definition">What it counts, with the section of docs/model.md.</param>
public abstract record Metric(string Name, MetricScope Scope, string Unit, string Definition);

/// <summary>A row of the table of metrics with its typed id (see <see cref="Metric"/>).</summary>
/// <param name="Id">The enum member that indexes it in <see cref="ResultLayout"/>.</param>
public sealed record Metric<TId>(TId Id, string Name, MetricScope Scope, string Unit, string Definition) : Metric(Name, Scope, Unit, Definition)
    where TId : struct, Enum;

/// <summary>What a count is counted per.</summary>
public enum MetricScope
{
    /// <summary>Per period, location and commodity.</summary>
    Location,

    /// <summary>Per period and organization.</summary>
    Organization,

    /// <summary>Per period and organization route.</summary>
    Route,
}
