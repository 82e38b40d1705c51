using RouteSim.Core.Model;

namespace RouteSim.Server;

/// <summary>
/// The answer of <c>GET /api/scenario</c>: the baseline's name, periods and network, each node with its
/// configured enforcement as steps (the units from each period on where they change; adaptation aside), and
/// the allocation and events those steps come from (so the page can work out the levels a what-if sets).
/// </summary>
public sealed record ScenarioView(
    string Name,
    string Description,
    string File,
    int Periods,
    string PeriodUnit,
    ulong Seed,
    int Replications,
    int MaxReplications,
    IReadOnlyList<NodeView> Nodes,
    IReadOnlyList<EdgeView> Edges,
    IReadOnlyDictionary<string, double> EnforcementAllocation,
    IReadOnlyList<EventView> EnforcementEvents)
{
    /// <summary>Describes the baseline.</summary>
    public static ScenarioView From(BaselineScenario baseline, int replications, int maxReplications)
    {
        var s = baseline.Scenario;
        var nodes = s.Nodes.Select((n, l) => new NodeView(n.Id, n.Label ?? n.Id, n.Kind.ToString().ToLowerInvariant(), n.Lat, n.Lon,
            n.Area, n.Danger, Steps(baseline.Schedule, l))).ToArray();
        return new ScenarioView(s.Name, s.Description.Trim(), Path.GetFileName(baseline.File), s.Periods, s.PeriodUnit, s.Seed, replications, maxReplications,
            nodes, s.Edges.Select(e => new EdgeView(e.From, e.To)).ToArray(), s.Enforcement.Allocation,
            s.Enforcement.Events.Select(e => new EventView(e.Period, e.Set, e.Add)).ToArray());
    }

    private static EnforcementStep[] Steps(double[][] schedule, int location)
    {
        var steps = new List<EnforcementStep>();
        for (int t = 0; t < schedule.Length; t++)
            if (t == 0 || schedule[t][location] != schedule[t - 1][location])
                steps.Add(new EnforcementStep(t, schedule[t][location]));
        return steps.ToArray();
    }
}

/// <summary>A node: id, label, kind (origin, transit, crossing, destination), position if known, area, danger and enforcement steps.</summary>
public sealed record NodeView(string Id, string Label, string Kind, double? Lat, double? Lon, double Area, double Danger, IReadOnlyList<EnforcementStep> Enforcement);

/// <summary>Configured enforcement units at a node from <paramref name="Period"/> on (until the next step).</summary>
public sealed record EnforcementStep(int Period, double Units);

/// <summary>One of the scenario's enforcement events (what-if events apply after them, as in the engine: by period, then as written; set, then add).</summary>
public sealed record EventView(int Period, IReadOnlyDictionary<string, double> Set, IReadOnlyDictionary<string, double> Add);

/// <summary>A directed edge.</summary>
public sealed record EdgeView(string From, string To);
