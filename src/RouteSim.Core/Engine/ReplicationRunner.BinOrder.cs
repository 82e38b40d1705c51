namespace RouteSim.Core.Engine;

// Agents stored in order of od pair, and within an od pair whose choices are decided eight at a time by bins in order
// of their bin of rho, where an organization chooses and walks in eight lanes (ReplicationRunner.WalkLanes.cs). A
// block's acting agents then come in runs of one od pair, which the lanes load without sorting them, and eight acting
// agents in a row mostly share a bin, so one row of bounds decides them together (ChoiceBounds.GroupChoices) instead
// of each lane loading its rho and its own row.
//
// Which slot of the agent arrays an agent occupies changes no number: every draw of an agent comes from its key
// (AgentKey of its index as drawn, kept in the arrays beside it), each agent's choice and walk are computed alone,
// and the counts are integer sums over the agents in any order.
public sealed partial class ReplicationRunner
{
    /// <summary>
    /// Whether organization plan's agents are stored by od pair and bin (ReplicationRunner.SortByPairAndBin): it
    /// chooses and walks in eight lanes on this processor.
    /// </summary>
    private bool StoresByPair(OrganizationPlan plan) =>
        _walkLanes[plan.Index] is not null && System.Runtime.Intrinsics.X86.Avx512F.IsSupported;

    /// <summary>
    /// Reorders the organization's agents (od pair, key and rho; all still free) by bucket (WalkLanes.FirstBucket:
    /// od pair, then ChoiceBounds.Bucket where the pair is decided by bins eight at a time), keeping the drawn order
    /// within a bucket, and returns where each bucket starts: bucket b holds the agents at [starts[b], starts[b + 1]),
    /// slots of the whole agent arrays.
    /// </summary>
    /// <remarks>A counting sort, whose buckets and then slots wait in FreeAt (cleared after).</remarks>
    private int[] SortByPairAndBin(OrganizationPlan plan)
    {
        var pairs = _walkLanes[plan.Index]!;
        int start = plan.AgentStart, end = plan.AgentStart + plan.AgentCount, buckets = pairs[^1].FirstBucket + pairs[^1].Buckets;
        var starts = new int[buckets + 1];
        starts[0] = start;
        if (buckets == 1)
        {
            starts[1] = end;
            return starts;
        }
        var target = _freeAt; // each agent's bucket
        var bounds = new ChoiceBounds?[pairs.Length];
        for (int w = 0; w < pairs.Length; w++)
            if (pairs[w].Buckets > 1) bounds[w] = _bounds[_odIndexStart[plan.Index] + w];
        for (int i = start; i < end; i++)
        {
            int w = _od[i];
            starts[(target[i] = pairs[w].FirstBucket + (bounds[w] is { } b ? b.Bucket(_risk[i]) : 0)) + 1]++;
        }
        starts[0] = start;
        for (int b = 0; b < buckets; b++) starts[b + 1] += starts[b];

        // Each agent's slot, then its rho moved there through the key array and its key written there: a key is a
        // function of the agent's number, so the key array is free to carry rho until the keys are computed into
        // their slots (no cycles of the permutation to follow, no second set of agent arrays, no second draw).
        var fill = (int[])starts.Clone();
        for (int i = start; i < end; i++) target[i] = fill[target[i]]++;
        for (int i = start; i < end; i++) _agentKey[target[i]] = (ulong)BitConverter.DoubleToInt64Bits(_risk[i]);
        System.Runtime.InteropServices.MemoryMarshal.Cast<ulong, double>(_agentKey.AsSpan(start, end - start)).CopyTo(_risk.AsSpan(start, end - start));
        for (int i = start; i < end; i++) _agentKey[target[i]] = Randomness.CounterRng.AgentKey(_replicationKey, i);
        for (int w = 0; w < pairs.Length; w++)
        {
            int from = starts[pairs[w].FirstBucket], to = starts[pairs[w].FirstBucket + pairs[w].Buckets];
            Array.Fill(_od, (ushort)w, from, to - from);
        }
        Array.Clear(_freeAt, start, end - start);
        return starts;
    }

    /// <summary>
    /// Whether an od pair of organization plan with this many options (the outside option included) gets bounds
    /// that decide eight agents at a time (ChoiceBounds.GroupChoices), and so bins for groups: the organization
    /// chooses and walks in eight lanes (so the pair has at most 32 boundaries), and the processor has AVX-512.
    /// </summary>
    private static bool DecidesInGroups(OrganizationPlan plan, int options) =>
        FitsWalkLanes(plan) && options - 1 <= WalkLanes.MaxRoutes && System.Runtime.Intrinsics.X86.Avx512F.IsSupported;

    /// <summary>Bytes <see cref="SortByPairAndBin"/> allocates for organization plan where it stores it by od pair (the starts and their copy while filling), else 0.</summary>
    private static long BinStartBytes(CompiledScenario model, OrganizationPlan plan)
    {
        if (!FitsWalkLanes(plan) || !System.Runtime.Intrinsics.X86.Avx512F.IsSupported) return 0;
        long buckets = 0;
        for (int w = 0; w < plan.Organization.Od.Count; w++)
        {
            int options = plan.OdRouteStart[w + 1] - plan.OdRouteStart[w] + 1;
            int bins = SharesChoice(model, plan) ? 0 : ChoiceBounds.BinsFor(plan.Organization.RiskSigma, ActingPerPeriod(plan, w), options, grouped: true);
            buckets += bins == 0 ? 1 : bins + 1;
        }
        return buckets == 1 ? 4L * 2 + 24 : 2 * (4L * (buckets + 1) + 24);
    }
}
