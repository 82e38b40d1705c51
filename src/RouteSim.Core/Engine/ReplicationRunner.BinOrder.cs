namespace RouteSim.Core.Engine;

// Agents stored in order of their bin of rho, where an organization's choices are decided eight at a time by bins
// (ReplicationRunner.WalkLanes.cs). Eight acting agents in a row then mostly share a bin, and one row of bounds
// decides them together (ChoiceBounds.GroupChoices) instead of each lane loading its rho and its own row.
//
// Which slot of the agent arrays an agent occupies changes no number: every draw of an agent comes from its key
// (AgentKey of its index as drawn, kept in the arrays beside it), each agent's choice and walk are computed alone,
// and the counts are integer sums over the agents in any order.
public sealed partial class ReplicationRunner
{
    /// <summary>
    /// Whether organization plan's agents are stored by bin of rho: it chooses and walks in eight lanes, and its
    /// one od pair has bounds that decide eight agents at a time.
    /// </summary>
    private bool StoresByBin(OrganizationPlan plan) =>
        _walkLanes[plan.Index] is not null && _bounds[_odIndexStart[plan.Index]] is { HasEightLanes: true };

    /// <summary>
    /// Reorders the organization's agents (key and rho; all of its one od pair, and each one's bucket of rho,
    /// ChoiceBounds.Bucket, in FreeAt) by bucket, keeping the drawn order within a bucket, and returns where each bucket starts: bucket b
    /// holds the agents at [starts[b], starts[b + 1]), slots of the whole agent arrays.
    /// </summary>
    /// <remarks>A counting sort; the agents are then moved in place along the cycles of the permutation, whose
    /// targets wait in FreeAt (cleared after), so a replication allocates no second set of agent arrays. Where rho is
    /// drawn when needed (ReplicationRunner.RiskDraw.cs) there is nothing to move: each key is computed into its slot.</remarks>
    private int[] SortByBin(OrganizationPlan plan)
    {
        var bounds = _bounds[_odIndexStart[plan.Index]]!;
        int start = plan.AgentStart, end = plan.AgentStart + plan.AgentCount, buckets = bounds.BinCount + 1;
        var starts = new int[buckets + 1];
        var target = _freeAt; // each agent's bucket (written by SetUp), then its slot
        for (int i = start; i < end; i++) starts[target[i] + 1]++;
        starts[0] = start;
        for (int b = 0; b < buckets; b++) starts[b + 1] += starts[b];

        var fill = (int[])starts.Clone();
        if (DrawsRhoWhenNeeded(plan))
        {
            // No rho drawn yet (all NaN) and each key a function of the agent's number: written straight to its slot.
            for (int i = start; i < end; i++) _agentKey[fill[target[i]]++] = Randomness.CounterRng.AgentKey(_replicationKey, i);
            Array.Clear(_freeAt, start, end - start);
            return starts;
        }
        for (int i = start; i < end; i++) target[i] = fill[target[i]]++;
        for (int i = start; i < end; i++)
            while (target[i] != i)
            {
                // The agent at i goes to its slot j; the one there comes to i and is moved next.
                int j = target[i];
                (_agentKey[i], _agentKey[j]) = (_agentKey[j], _agentKey[i]);
                (_risk[i], _risk[j]) = (_risk[j], _risk[i]);
                (target[i], target[j]) = (target[j], j);
            }
        Array.Clear(_freeAt, start, end - start);
        return starts;
    }

    /// <summary>
    /// Whether an od pair of organization plan with this many options (the outside option included) gets bounds
    /// that decide eight agents at a time (ChoiceBounds.GroupChoices), and so bins for groups: the organization
    /// chooses and walks in eight lanes, the pair has at most eight boundaries, and the processor has AVX-512.
    /// </summary>
    private static bool DecidesInGroups(OrganizationPlan plan, int options) =>
        FitsWalkLanes(plan) && options - 1 <= 8 && System.Runtime.Intrinsics.X86.Avx512F.IsSupported;

    /// <summary>Bytes <see cref="SortByBin"/> allocates for organization plan where it is stored by bin (the starts and their copy while filling), else 0.</summary>
    private static long BinStartBytes(CompiledScenario model, OrganizationPlan plan)
    {
        if (!FitsWalkLanes(plan) || SharesChoice(model, plan)) return 0;
        int options = plan.OdRouteStart[1] - plan.OdRouteStart[0] + 1;
        if (!DecidesInGroups(plan, options)) return 0;
        int bins = ChoiceBounds.BinsFor(plan.Organization.RiskSigma, ActingPerPeriod(plan, 0), options, grouped: true);
        return bins == 0 ? 0 : 2 * (4L * (bins + 2) + 24);
    }
}
