namespace RouteSim.Core.Engine;

/// <summary>Enforcement as it stands during one replication: resources by location and the effectiveness.</summary>
public sealed class EnforcementState
{
    private readonly EnforcementPlan _plan;
    private int _nextEvent;

    /// <summary>Starts from the plan's period-0 allocation.</summary>
    public EnforcementState(EnforcementPlan plan)
    {
        _plan = plan;
        Resources = (double[])plan.Initial.Clone();
        Effectiveness = plan.Effectiveness;
        DeterrenceCost = new double[plan.Initial.Length];
    }

    /// <summary>E_l now, by location.</summary>
    public double[] Resources { get; }

    /// <summary>eta now.</summary>
    public double Effectiveness { get; private set; }

    /// <summary>
    /// Deterrence cost now, by location, in utility units: the sum of every deterrence event applied so far,
    /// added to the cost of each route through the location (docs/model.md section 9).
    /// </summary>
    public double[] DeterrenceCost { get; }

    /// <summary>True once an event has added deterrence anywhere; until then routes cost what the scenario writes.</summary>
    public bool HasDeterrenceCost { get; private set; }

    /// <summary>Applies every event scheduled for period t: set, then add, then effectiveness, then deterrence. Call once per period, in order.</summary>
    public void ApplyEvents(int period)
    {
        var events = _plan.Events;
        while (_nextEvent < events.Count && events[_nextEvent].Period <= period)
        {
            var e = events[_nextEvent++];
            foreach (var (l, level) in e.Set) Resources[l] = level;
            foreach (var (l, amount) in e.Add) Resources[l] = Math.Max(0, Resources[l] + amount);
            if (e.Effectiveness is { } eta) Effectiveness = eta;
            foreach (var (l, cost) in e.DeterrenceCost)
            {
                DeterrenceCost[l] += cost;
                HasDeterrenceCost = true;
            }
        }
    }

    /// <summary>True when adaptation is on and due at the start of this period (t > 0 and t % every == 0).</summary>
    public bool AdaptationDue(int period) =>
        _plan.Adaptive is { } a && period > 0 && period % a.Every == 0;

    /// <summary>
    /// Moves resources toward recent seizures (<see cref="ModelLaws.AdaptEnforcement"/>, docs/model.md section 6),
    /// given the interdictions at each location over the last `every` periods.
    /// </summary>
    public void Adapt(ReadOnlySpan<long> recentInterdictions)
    {
        var a = _plan.Adaptive ?? throw new InvalidOperationException("adaptation is off");
        ModelLaws.AdaptEnforcement(Resources, a.Eligible, recentInterdictions, a.Fraction, a.Floor);
    }
}
