using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using RouteSim.Core.Numerics;
using static RouteSim.Core.Randomness.CounterRng;

namespace RouteSim.Core.Engine;

// The hot path of a period: which agents act, their logit choices, and their walks (docs/model.md section 4, steps 2-5).
public sealed partial class ReplicationRunner
{
    /// <summary>When every agent has rho = 1 (sigma = 0) or rho does not matter (F = 0), the logit weights are shared.</summary>
    private bool SharesChoice(OrganizationPlan plan) => SharesChoice(_model, plan);

    private static bool SharesChoice(CompiledScenario model, OrganizationPlan plan) =>
        plan.Organization.RiskSigma == 0 || model.Scenario.Commodities[plan.Commodity].Penalty == 0;

    /// <summary>
    /// Cumulative logit weights of an od pair's options for risk multiplier rho: the vectorised form of
    /// <see cref="ModelLaws.ChoiceProbabilities"/> (docs/model.md section 4, step 3), unnormalised. U = A - rho B lane by lane, the largest U (the outside option's 0 included) subtracted, exp((U - max)/tau),
    /// then running sums over the real options. The lanes (attraction A and risk term B, the outside option first)
    /// are a multiple of four long, padding after the options; <paramref name="cumulative"/> is as long.
    /// </summary>
    internal static void CumulativeWeights(ReadOnlySpan<double> laneAttraction, ReadOnlySpan<double> laneRisk, int options, double rho, double inverseTemperature, Span<double> cumulative)
    {
        int lanes = laneAttraction.Length;
        ref double attraction = ref MemoryMarshal.GetReference(laneAttraction);
        ref double risk = ref MemoryMarshal.GetReference(laneRisk[..lanes]);
        ref double scratch = ref MemoryMarshal.GetReference(cumulative[..lanes]);
        var rhoV = Vector256.Create(rho);
        var maxV = Vector256.Create(double.NegativeInfinity);
        for (int lane = 0; lane < lanes; lane += 4)
        {
            var u = Vector256.LoadUnsafe(ref attraction, (nuint)lane) - rhoV * Vector256.LoadUnsafe(ref risk, (nuint)lane);
            u.StoreUnsafe(ref scratch, (nuint)lane);
            maxV = Vector256.MaxNative(maxV, u); // no NaN can occur, so the native instruction is exact
        }
        double m01 = maxV.GetElement(0) > maxV.GetElement(1) ? maxV.GetElement(0) : maxV.GetElement(1);
        double m23 = maxV.GetElement(2) > maxV.GetElement(3) ? maxV.GetElement(2) : maxV.GetElement(3);
        var shift = Vector256.Create(m01 > m23 ? m01 : m23);
        var scale = Vector256.Create(inverseTemperature);
        for (int lane = 0; lane < lanes; lane += 4)
            DeterministicExp.Exp((Vector256.LoadUnsafe(ref scratch, (nuint)lane) - shift) * scale).StoreUnsafe(ref scratch, (nuint)lane);
        double total = 0;
        for (int j = 0; j < options; j++)
        {
            total += Unsafe.Add(ref scratch, j);
            Unsafe.Add(ref scratch, j) = total;
        }
    }

    /// <summary>
    /// Each acting agent's choice: sorts the block's acting agents by od pair into the chunk's Sorted arrays,
    /// then chooses for eight (or four) agents of one od pair at a time, leaving each one's choice and walk draw
    /// beside it (see ReplicationRunner.ChoiceLanes.cs).
    /// </summary>
    private void ChooseByOdPair(Chunk chunk, int[] agents, ulong[] keys, int count, double inverseTemperature)
    {
        var plan = chunk.Plan;
        var start = chunk.PairStart;
        int pairs = plan.Organization.Od.Count;

        // Counting sort of the block's acting agents by od pair, keeping agent order within a pair.
        Array.Clear(start);
        for (int a = 0; a < count; a++) start[_od[agents[a]] + 1]++;
        for (int w = 0; w < pairs; w++) start[w + 1] += start[w];
        var fill = chunk.PairFill;
        Array.Copy(start, fill, pairs);
        var sortedAgent = chunk.SortedAgent;
        var sortedRho = chunk.SortedRho;
        var sortedKey = chunk.SortedKey;
        for (int a = 0; a < count; a++)
        {
            int i = agents[a], p = fill[_od[i]]++;
            sortedAgent[p] = i;
            sortedRho[p] = _risk[i];
            sortedKey[p] = keys[a];
        }

        for (int w = 0; w < pairs; w++)
        {
            int options = plan.OdRouteStart[w + 1] - plan.OdRouteStart[w] + 1, lane = LaneStart(plan, w);
            if (EightLanes) ChooseEightAtATime(chunk, start[w], start[w + 1], lane, options, inverseTemperature);
            else ChooseFourAtATime(chunk, start[w], start[w + 1], lane, options, inverseTemperature);
        }
    }

    /// <summary>
    /// Abstention (-1) or the index among the od pair's routes, by inverse CDF on cumulative weights: the number
    /// of cumulative weights at or below u * total, counted without branches (a mispredicted branch per agent
    /// would cost more than the count).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Pick(ReadOnlySpan<double> cumulative, int options, double u)
    {
        double x = u * cumulative[options - 1];
        return CountAtOrBelow(ref MemoryMarshal.GetReference(cumulative), options - 1, x) - 1;
    }

    /// <summary>
    /// How many of values[0..count) are at or below x, four at a time without branches. Reads up to three values
    /// past count, so the arrays it reads are padded to a multiple of four.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CountAtOrBelow(ref double values, int count, double x)
    {
        var xs = Vector256.Create(x);
        int total = 0;
        for (int j = 0; j < count; j += 4)
        {
            uint below = Vector256.GreaterThanOrEqual(xs, Vector256.LoadUnsafe(ref values, (nuint)j)).ExtractMostSignificantBits();
            int left = count - j;
            if (left < 4) below &= (1u << left) - 1;
            total += System.Numerics.BitOperations.PopCount(below);
        }
        return total;
    }

    /// <summary>
    /// One period for a chunk of agents, in blocks and three passes: find the agents that act, compute their logit
    /// weights, then choose and walk. Splitting the passes lets the processor overlap the long exp chains of many
    /// agents, which one agent at a time it cannot.
    /// </summary>
    private void ActChunk(Chunk chunk, int t)
    {
        var plan = chunk.Plan;
        var organization = plan.Organization;
        double activity = organization.Activity, inverseTemperature = 1 / organization.Temperature;
        int incapacitation = organization.Incapacitation;
        bool shared = SharesChoice(plan), lanes = UsesWalkLanes(plan);
        chunk.ClearEndings(lanes);
        long acting = 0, abstentions = 0;
        var agents = chunk.Acting;
        var keys = chunk.Keys;

        for (int blockStart = chunk.Start; blockStart < chunk.End; blockStart += Chunk.Block)
        {
            int blockEnd = Math.Min(chunk.End, blockStart + Chunk.Block), count = 0;
            // Who acts, without branches: a free agent whose activity draw is below a. Eight agents at a time,
            // the acting ones packed by the processor's compress instruction where it has one, else four at a time.
            int agent = blockStart;
            if (EightLanes && Avx512F.VL.IsSupported)
            {
                var threshold8 = Vector512.Create((long)Threshold(activity));
                var now8 = Vector256.Create(t);
                var lanes8 = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
                for (; agent + 8 <= blockEnd; agent += 8)
                {
                    var key = PeriodKey(Vector512.LoadUnsafe(ref _agentKey[agent]), t);
                    var active = Avx512F.ConvertToVector256Int32(Vector512.LessThan(UniformBits(key, Purpose.Activity).AsInt64(), threshold8));
                    var acts = active & Vector256.LessThanOrEqual(Vector256.LoadUnsafe(ref _freeAt[agent]), now8);
                    Avx512F.VL.Compress(Vector256<int>.Zero, acts, lanes8 + Vector256.Create(agent)).StoreUnsafe(ref agents[count]);
                    Avx512F.Compress(Vector512<ulong>.Zero, Avx512F.ConvertToVector512Int64(acts).AsUInt64(), key).StoreUnsafe(ref keys[count]);
                    count += System.Numerics.BitOperations.PopCount(acts.ExtractMostSignificantBits());
                }
            }
            var threshold = Vector256.Create((long)Threshold(activity));
            var periodNow = Vector128.Create(t);
            for (; agent + 4 <= blockEnd; agent += 4)
            {
                var key = PeriodKey(Vector256.LoadUnsafe(ref _agentKey[agent]), t);
                var draws = UniformBits(key, Purpose.Activity).AsInt64();
                var active = Vector256.LessThan(draws, threshold);
                var free = Vector128.LessThanOrEqual(Vector128.LoadUnsafe(ref _freeAt[agent]), periodNow);
                uint acts = active.ExtractMostSignificantBits() & free.ExtractMostSignificantBits();
                for (int lane = 0; lane < 4; lane++)
                {
                    agents[count] = agent + lane;
                    keys[count] = key.GetElement(lane);
                    count += (int)((acts >> lane) & 1);
                }
            }
            for (; agent < blockEnd; agent++)
            {
                if (_freeAt[agent] > t) continue;
                ulong key = PeriodKey(_agentKey[agent], t);
                if (activity < 1 && Uniform(key, Purpose.Activity) >= activity) continue;
                agents[count] = agent;
                keys[count++] = key;
            }
            acting += count;

            if (lanes)
            {
                // Eight at a time (ReplicationRunner.WalkLanes.cs); with their own weights, the agents the bounds did
                // not decide are left at the front of Acting for the exact path.
                int exact = ChooseAndWalkEightAtATime(chunk, count, t, incapacitation, shared, ref abstentions);
                if (!shared) KeepForExactPath(chunk, count, exact, t, incapacitation, inverseTemperature, ref abstentions);
            }
            else if (shared)
            {
                for (int a = 0; a < count; a++)
                {
                    int i = agents[a], w = _od[i];
                    ulong key = keys[a];
                    int options = plan.OdRouteStart[w + 1] - plan.OdRouteStart[w] + 1;
                    int choice = options == 1 ? -1 : Pick(_sharedCumulative.AsSpan(LaneStart(plan, w), options), options, Uniform(key, Purpose.Choice));
                    abstentions += Walk(chunk, i, choice, Uniform(key, Purpose.Walk), t, incapacitation);
                }
            }
            else
            {
                // Where the bounds of the agent's bin decide its choice (ReplicationRunner.ChoiceBounds.cs), it walks
                // at once; the others are kept, in order, for the exact computation.
                int exact = count;
                if (_hasBounds[plan.Index])
                {
                    exact = 0;
                    int pairs = _odIndexStart[plan.Index];
                    for (int a = 0; a < count; a++)
                    {
                        int i = agents[a];
                        ulong key = keys[a];
                        if (_bounds[pairs + _od[i]] is { } bounds && bounds.TryPick(_risk[i], Uniform(key, Purpose.Choice), out int choice))
                        {
                            abstentions += Walk(chunk, i, choice, Uniform(key, Purpose.Walk), t, incapacitation);
                            continue;
                        }
                        agents[exact] = i;
                        keys[exact++] = key;
                    }
                }
                ChooseExactlyAndWalk(chunk, count, exact, t, incapacitation, inverseTemperature, ref abstentions);
            }
        }
        if (lanes)
        {
            FlushExactPath(chunk, t, incapacitation, inverseTemperature, ref abstentions);
            FoldLaneEndings(chunk);
        }
        chunk.ActingCount = acting;
        chunk.Abstentions = abstentions;
    }

    /// <summary>
    /// The exact choice (ChooseByOdPair) and the walk of the <paramref name="exact"/> agents at the front of the
    /// chunk's Acting and Keys, of <paramref name="count"/> with their own weights that acted in the block (the
    /// others' choices the bounds decided).
    /// </summary>
    private void ChooseExactlyAndWalk(Chunk chunk, int count, int exact, int t, int incapacitation, double inverseTemperature, ref long abstentions)
    {
        chunk.DecidedByBounds += count - exact;
        chunk.OwnWeightChoices += count;
        ChooseByOdPair(chunk, chunk.Acting, chunk.Keys, exact, inverseTemperature);
        for (int p = 0; p < exact; p++)
            abstentions += Walk(chunk, chunk.SortedAgent[p], (int)chunk.SortedChoice[p], chunk.SortedWalk[p], t, incapacitation);
    }

    /// <summary>
    /// As <see cref="ChooseExactlyAndWalk"/>, but the <paramref name="exact"/> agents (at the front of the chunk's
    /// Acting and Keys) wait in the chunk's Pending arrays and take the exact path together, when these fill or the
    /// chunk's period ends: with the eight-lane bounds about one agent a block is left, and the exact path's set-up
    /// and a group of eight lanes for it cost more than its exponentials. Until then they stand written free next
    /// period (WalkEight), which nothing reads before their walk overwrites it.
    /// </summary>
    private void KeepForExactPath(Chunk chunk, int count, int exact, int t, int incapacitation, double inverseTemperature, ref long abstentions)
    {
        // One od pair: at most PendingCapacity a block wait, flushed in the lanes once PendingCapacity or more do (after
        // the block's are copied, so the flush may use Acting as scratch). Several: as many as the arrays hold wait,
        // flushed by od pair before they would overflow (a flush of runs of a few agents of each of many od pairs in
        // the lanes would compute most lanes for nothing; Gatekeeper's 16 pairs ran 4% slower so).
        bool onePair = chunk.Plan.Organization.Od.Count == 1;
        int capacity = onePair ? Chunk.PendingCapacity : 2 * Chunk.PendingCapacity;
        if (exact > capacity)
        {
            // Many left (the bounds were not built this period): they take the exact path at once.
            ChooseExactlyAndWalk(chunk, count, exact, t, incapacitation, inverseTemperature, ref abstentions);
            return;
        }
        if (!onePair && chunk.PendingCount + exact > capacity) FlushExactPath(chunk, t, incapacitation, inverseTemperature, ref abstentions);
        chunk.DecidedByBounds += count - exact;
        chunk.OwnWeightChoices += count;
        Array.Copy(chunk.Acting, 0, chunk.PendingAgent, chunk.PendingCount, exact);
        Array.Copy(chunk.Keys, 0, chunk.PendingKey, chunk.PendingCount, exact);
        chunk.PendingCount += exact;
        // Their rho, which the lanes never read, is mostly out of the nearer caches by now: fetched while the chunk's
        // next blocks are chosen, it is there when they are flushed (which waited about 60 ns an agent for it).
        if (Sse.IsSupported)
            for (int p = 0; p < exact; p++) Prefetch(ref _risk[chunk.Acting[p]]);
        if (onePair && chunk.PendingCount >= Chunk.PendingCapacity) FlushExactPath(chunk, t, incapacitation, inverseTemperature, ref abstentions);
    }

    /// <summary>
    /// The exact choice and the walk of the agents waiting in the chunk's Pending arrays (see <see cref="KeepForExactPath"/>),
    /// for an organization that chooses and walks in eight lanes. With several od pairs, sorted by od pair as on the
    /// agent-by-agent path. With one, no sort by od pair (they wait in ascending order of slot, in runs of one od pair,
    /// found as the lanes find them, which also serves several), and neither their od pair nor anything else of
    /// theirs but rho is read (rho and od pair of agents set aside many blocks before are mostly out of the nearer
    /// caches). Their walks are those of the eight-lane path, with the chunk's Acting (free while no block is being
    /// chosen) holding the agents.
    /// </summary>
    private void FlushExactPath(Chunk chunk, int t, int incapacitation, double inverseTemperature, ref long abstentions)
    {
        int pending = chunk.PendingCount;
        chunk.PendingCount = 0;
        if (pending == 0) return;
        var plan = chunk.Plan;
        if (plan.Organization.Od.Count > 1)
        {
            // Several od pairs (see KeepForExactPath): sorted by od pair, walked one at a time; Acting untouched.
            ChooseByOdPair(chunk, chunk.PendingAgent, chunk.PendingKey, pending, inverseTemperature);
            for (int p = 0; p < pending; p++)
                abstentions += Walk(chunk, chunk.SortedAgent[p], (int)chunk.SortedChoice[p], chunk.SortedWalk[p], t, incapacitation);
            return;
        }
        var agents = chunk.Acting;
        var sortedRho = chunk.SortedRho;
        for (int p = 0; p < pending; p++)
        {
            int i = chunk.PendingAgent[p];
            agents[p] = i;
            sortedRho[p] = _risk[i];
        }
        Array.Copy(chunk.PendingKey, chunk.SortedKey, pending);
        int width = _walkLanes[plan.Index]![0].Width;
        abstentions += width == 32 ? ChooseExactlyAndWalkPending<ThirtyTwoRoutes>(chunk, pending, t, incapacitation, inverseTemperature)
            : width == 16 ? ChooseExactlyAndWalkPending<SixteenRoutes>(chunk, pending, t, incapacitation, inverseTemperature)
            : ChooseExactlyAndWalkPending<EightRoutes>(chunk, pending, t, incapacitation, inverseTemperature);
    }

    /// <summary>
    /// The exact choices and the walks of the <paramref name="pending"/> agents in the chunk's Acting (ascending), with
    /// their keys in SortedKey and rho in SortedRho, run by run of one od pair, eight at a time; returns the number that abstained.
    /// </summary>
    private int ChooseExactlyAndWalkPending<TWidth>(Chunk chunk, int pending, int t, int incapacitation, double inverseTemperature)
        where TWidth : struct, IRouteWidth
    {
        var plan = chunk.Plan;
        var pairs = _walkLanes[plan.Index]!;
        var starts = _binStart[plan.Index]!;
        Span<int> ending = stackalloc int[8], free = stackalloc int[8];
        ref ulong key0 = ref MemoryMarshal.GetArrayDataReference(chunk.SortedKey);
        ref long choice0 = ref MemoryMarshal.GetArrayDataReference(chunk.SortedChoice);
        int abstained = 0;
        for (int a = 0, w = 0, end; a < pending; a = end)
        {
            w = PairAt(pairs, starts, chunk.Acting[a], w, out int pairEnd);
            end = RunEnd(chunk.Acting, a, pending, pairEnd);
            // Choices of groups that reach past end are overwritten by the next run's before they are read.
            ChooseEightAtATime(chunk, a, end, LaneStart(plan, w), plan.OdRouteStart[w + 1] - plan.OdRouteStart[w] + 1, inverseTemperature);
            for (int g = a; g < end; g += 8)
                abstained += WalkEight<TWidth>(chunk, pairs[w], g, Math.Min(8, end - g), Vector512.LoadUnsafe(ref key0, (nuint)g),
                    Vector512.LoadUnsafe(ref choice0, (nuint)g), t, incapacitation, ending, free);
        }
        return abstained;
    }

    /// <summary>Asks the processor to bring the cache line of <paramref name="value"/> into its caches, without waiting for it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch(ref double value) => Sse.Prefetch0(Unsafe.AsPointer(ref value));

    /// <summary>
    /// Agent i abstains (choice -1: free again next period; returns 1) or walks route <paramref name="choice"/>
    /// of its od pair, the trip's end drawn from the route's outcome distribution with the uniform
    /// <paramref name="walk"/> (docs/model.md section 4, steps 4-5; returns 0).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Walk(Chunk chunk, int i, int choice, double walk, int t, int incapacitation)
    {
        if (choice < 0)
        {
            _freeAt[i] = t + 1;
            return 1;
        }
        var plan = chunk.Plan;
        int r = plan.OdRouteStart[_od[i]] + choice;
        int o = plan.OutcomeStart[r], stops = plan.OutcomeStart[r + 1] - o - 1;
        int outcome = CountAtOrBelow(ref _outcomeCdf[o], stops, walk); // the CDF never decreases
        chunk.Endings[o - plan.OutcomeStart[0] + outcome]++;
        int interdicted = outcome < stops ? (~outcome & 1) : 0;
        _freeAt[i] = t + 1 + interdicted * incapacitation;
        return 0;
    }
}
