using RouteSim.Core.Model;
using RouteSim.Core.Network;

namespace RouteSim.Core.Engine;

/// <summary>Enforcement compiled to location indices: the starting allocation, events by period, and adaptation.</summary>
public sealed class EnforcementPlan
{
    private EnforcementPlan(double effectiveness, double[] initial, IReadOnlyList<CompiledEvent> events, AdaptivePlan? adaptive)
    {
        Effectiveness = effectiveness;
        Initial = initial;
        Events = events;
        Adaptive = adaptive;
    }

    /// <summary>eta at period 0.</summary>
    public double Effectiveness { get; }

    /// <summary>E_l at period 0, by location.</summary>
    public double[] Initial { get; }

    /// <summary>Events in the order they apply (by period, then as written).</summary>
    public IReadOnlyList<CompiledEvent> Events { get; }

    /// <summary>Adaptive reallocation, or null when off.</summary>
    public AdaptivePlan? Adaptive { get; }

    /// <summary>Compiles the scenario's enforcement against the network's node indices.</summary>
    public static EnforcementPlan Compile(Enforcement enforcement, RouteNetwork network)
    {
        var initial = new double[network.Nodes.Count];
        foreach (var (id, amount) in enforcement.Allocation) initial[network.IndexOf(id)] = amount;

        static (int, double)[] Indexed(IReadOnlyDictionary<string, double> changes, RouteNetwork network) =>
            changes.Select(c => (network.IndexOf(c.Key), c.Value)).ToArray();

        var events = enforcement.Events
            .Select((e, order) => (e, order))
            .OrderBy(p => p.e.Period).ThenBy(p => p.order)
            .Select(p => new CompiledEvent(p.e.Period, Indexed(p.e.Set, network), Indexed(p.e.Add, network), p.e.Effectiveness,
                Indexed(p.e.DeterrenceCost ?? new Dictionary<string, double>(), network)))
            .ToArray();

        AdaptivePlan? adaptive = null;
        if (enforcement.Adaptive is { } a)
        {
            var eligible = a.Locations.Count > 0
                ? a.Locations.Select(network.IndexOf).ToArray()
                : Enumerable.Range(0, network.Nodes.Count).Where(i => network.Nodes[i].Kind == NodeKind.Crossing).ToArray();
            adaptive = new AdaptivePlan(a.Every, a.Fraction, a.Floor, eligible);
        }
        return new EnforcementPlan(enforcement.Effectiveness, initial, events, adaptive);
    }

    /// <summary>
    /// The configured resources per period (allocation and events, adaptation aside), as [period][location]:
    /// what docs/model.md section 8 compares to find the targeted crossings.
    /// </summary>
    public double[][] ConfiguredSchedule(int periods)
    {
        var state = new EnforcementState(this);
        var schedule = new double[periods][];
        for (int t = 0; t < periods; t++)
        {
            state.ApplyEvents(t);
            schedule[t] = (double[])state.Resources.Clone();
        }
        return schedule;
    }

    /// <summary>True when some event adds a deterrence cost (docs/model.md section 9).</summary>
    public bool HasDeterrenceCost => Events.Any(e => e.DeterrenceCost.Length > 0);

    /// <summary>
    /// The deterrence cost X_l(t) per period, in utility units, as [period][location]: the sum of the deterrence
    /// events applied by then (docs/model.md section 9); all zero without such events.
    /// </summary>
    public double[][] ConfiguredDeterrenceCost(int periods)
    {
        var state = new EnforcementState(this);
        var schedule = new double[periods][];
        for (int t = 0; t < periods; t++)
        {
            state.ApplyEvents(t);
            schedule[t] = (double[])state.DeterrenceCost.Clone();
        }
        return schedule;
    }
}

/// <summary>A scheduled change with location indices; <paramref name="DeterrenceCost"/> is the cost added at each location (utility units).</summary>
public sealed record CompiledEvent(int Period, (int Location, double Level)[] Set, (int Location, double Amount)[] Add, double? Effectiveness,
    (int Location, double Cost)[] DeterrenceCost);

/// <summary>Adaptive enforcement with location indices (docs/model.md section 6).</summary>
public sealed record AdaptivePlan(int Every, double Fraction, double Floor, int[] Eligible);
