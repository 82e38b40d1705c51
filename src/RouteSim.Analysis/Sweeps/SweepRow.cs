namespace RouteSim.Analysis.Sweeps;

/// <summary>The result of one work item: its identity and one value per outcome (NaN when undefined).</summary>
public sealed record SweepRow(WorkItem Item, double[] Values);
