using RouteSim.Core.Engine;
using RouteSim.Core.Model;

namespace RouteSim.Analysis.Optimization;

/// <summary>
/// Where to put a budget of resource units: the candidate allocation replaces the configured resources on the
/// eligible locations from period Start on (an event that sets them, after the scenario's own events of that
/// period), and every candidate is judged by simulating the full model, smugglers learning and rerouting.
/// </summary>
public sealed class AllocationProblem
{
    /// <summary>Sets up the problem; an ArgumentException when the budget is not a whole number or the bounds leave no whole-unit allocation.</summary>
    public AllocationProblem(CompiledScenario model, IReadOnlyList<string> locations, double budget, double[] minimum, double[] maximum, int start, Objective objective)
    {
        if (!double.IsFinite(budget) || budget < 0 || budget != Math.Floor(budget)) throw new ArgumentException("the budget must be a whole number of resource units");
        if (minimum.Sum(Math.Ceiling) > budget) throw new ArgumentException("the minimums (rounded up to whole units) exceed the budget");
        if (maximum.Sum(Math.Floor) < budget) throw new ArgumentException("the maximums (rounded down to whole units) cannot hold the budget");
        Model = model;
        Locations = locations;
        Budget = budget;
        Minimum = minimum;
        Maximum = maximum;
        Start = start;
        Objective = objective;
    }

    /// <summary>The scenario, compiled.</summary>
    public CompiledScenario Model { get; }

    /// <summary>Eligible location ids.</summary>
    public IReadOnlyList<string> Locations { get; }

    /// <summary>Resource units to allocate: a whole number (allocations are in whole units).</summary>
    public double Budget { get; }

    /// <summary>Least units on each eligible location.</summary>
    public double[] Minimum { get; }

    /// <summary>Most units on each eligible location.</summary>
    public double[] Maximum { get; }

    /// <summary>Period from which the allocation holds.</summary>
    public int Start { get; }

    /// <summary>What to minimise.</summary>
    public Objective Objective { get; }

    /// <summary>The scenario's own allocation: its configured resources on the eligible locations at Start.</summary>
    public double[] OwnAllocation()
    {
        var schedule = Model.Enforcement.ConfiguredSchedule(Model.Scenario.Periods)[Start];
        return Locations.Select(id => schedule[Array.IndexOf(Model.LocationIds, id)]).ToArray();
    }

    /// <summary>The model with this allocation in force from Start.</summary>
    public CompiledScenario With(double[] allocation)
    {
        var enforcement = Model.Scenario.Enforcement;
        var set = Locations.Select((id, i) => (id, allocation[i])).ToDictionary(p => p.id, p => p.Item2, StringComparer.Ordinal);
        var events = enforcement.Events.Append(new EnforcementEvent(Start, set, new Dictionary<string, double>())).ToArray();
        return Model.WithEnforcement(enforcement with { Events = events });
    }

    /// <summary>The objective in each replication of the allocation, with these seeds.</summary>
    public double[] Evaluate(double[] allocation, ulong seed, int replications, int threads, CancellationToken cancellation = default)
    {
        var model = With(allocation);
        var values = new double[replications];
        Ensemble.Run(model, new RunSettings(seed, replications, threads), r => values[r.Replication] = Objective.Of(r, model), null, cancellation);
        return values;
    }

    /// <summary>
    /// Brings an allocation within the minimums and maximums, keeping the total (repeated clipping), in whole
    /// resource units: the budget is split by largest remainders (ties to the earlier location), with each location's
    /// bounds rounded inward (minimum up, maximum down). Shapes: one value per eligible location, in resource units.
    /// </summary>
    public double[] Feasible(double[] allocation)
    {
        var low = Minimum.Select(Math.Ceiling).ToArray();
        var high = Maximum.Select(Math.Floor).ToArray();
        var x = allocation.Select((v, i) => Math.Clamp(v, low[i], high[i])).ToArray();
        for (int pass = 0; pass < 50; pass++)
        {
            double gap = Budget - x.Sum();
            if (Math.Abs(gap) < 1e-9 * Math.Max(1, Budget)) break;
            var free = Enumerable.Range(0, x.Length).Where(i => gap > 0 ? x[i] < high[i] : x[i] > low[i]).ToArray();
            if (free.Length == 0) break;
            double weight = free.Sum(i => gap > 0 ? high[i] - x[i] : x[i] - low[i]);
            foreach (var i in free)
                x[i] = Math.Clamp(x[i] + gap * (gap > 0 ? high[i] - x[i] : x[i] - low[i]) / weight, low[i], high[i]);
        }
        return WholeUnits(x, low, high);
    }

    /// <summary>Rounds down, then hands the units left, one each, to the largest remainders that have room.</summary>
    private double[] WholeUnits(double[] x, double[] low, double[] high)
    {
        var whole = x.Select((v, i) => Math.Clamp(Math.Floor(v + 1e-9), low[i], high[i])).ToArray();
        int left = (int)Math.Round(Math.Min(Budget, high.Sum()) - whole.Sum());
        var order = Enumerable.Range(0, x.Length).OrderByDescending(i => x[i] - whole[i]).ThenBy(i => i).ToArray();
        for (int pass = 0; left > 0 && pass < 2; pass++)
            foreach (var i in order)
            {
                if (left == 0) break;
                if (whole[i] + 1 > high[i]) continue;
                whole[i] += 1;
                left--;
            }
        return whole;
    }
}
