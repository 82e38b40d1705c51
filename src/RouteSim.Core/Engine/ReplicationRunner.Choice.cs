using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using RouteSim.Core.Numerics;
using static RouteSim.Core.Randomness.CounterRng;

namespace RouteSim.Core.Engine;

// The hot path of a period: which agents act, their logit choices, and their walks (MODEL.md section 4, steps 2-5).
public sealed partial class ReplicationRunner
{
    /// <summary>When every agent has rho = 1 (sigma = 0) or rho does not matter (F = 0), the logit weights are shared.</summary>
    private bool SharesChoice(OrganizationPlan plan) =>
        plan.Organization.RiskSigma == 0 || _model.Scenario.Commodities[plan.Commodity].Penalty == 0;

    /// <summary>
    /// Cumulative logit weights of an od pair's options for risk multiplier rho (MODEL.md section 4, step 3):
    /// U = A - rho B lane by lane, the largest U (the outside option's 0 included) subtracted, exp((U - max)/tau),
    /// then running sums over the real options.
    /// </summary>
    private void CumulativeWeights(int laneStart, int lanes, int options, double rho, double inverseTemperature, Span<double> cumulative)
    {
        ref double attraction = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_laneAttraction), laneStart);
        ref double risk = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_laneRisk), laneStart);
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
    /// Each acting agent's cumulative logit weights, four agents of one od pair at a time: agents in the lanes,
    /// options in sequence, so no lane is wasted on padding and the largest utility and the running sums need no
    /// reduction across lanes. Per agent the operations and their order are those of <see cref="CumulativeWeights"/>,
    /// so the weights are the same to the bit.
    /// </summary>
    private void WeightsByOdPair(Chunk chunk, int count, double inverseTemperature)
    {
        var plan = chunk.Plan;
        var agents = chunk.Acting;
        var order = chunk.Order;
        var start = chunk.PairStart;
        int pairs = plan.Organization.Od.Count;

        // Counting sort of the block's acting agents by od pair, keeping agent order within a pair.
        Array.Clear(start);
        for (int a = 0; a < count; a++) start[_od[agents[a]] + 1]++;
        for (int w = 0; w < pairs; w++) start[w + 1] += start[w];
        var fill = chunk.PairFill;
        Array.Copy(start, fill, pairs);
        for (int a = 0; a < count; a++) order[fill[_od[agents[a]]]++] = a;

        ref double scratch = ref MemoryMarshal.GetArrayDataReference(chunk.Scratch);
        var scale = Vector256.Create(inverseTemperature);
        for (int w = 0; w < pairs; w++)
        {
            int options = plan.OdRouteStart[w + 1] - plan.OdRouteStart[w] + 1, lane = LaneStart(plan, w);
            for (int g = start[w]; g < start[w + 1]; g += 4)
            {
                int n = Math.Min(4, start[w + 1] - g);
                var rho = Vector256.Create(_risk[agents[order[g]]], _risk[agents[order[g + Math.Min(1, n - 1)]]],
                    _risk[agents[order[g + Math.Min(2, n - 1)]]], _risk[agents[order[g + Math.Min(3, n - 1)]]]);
                var max = Vector256.Create(double.NegativeInfinity);
                for (int j = 0; j < options; j++)
                {
                    var u = Vector256.Create(_laneAttraction[lane + j]) - rho * Vector256.Create(_laneRisk[lane + j]);
                    u.StoreUnsafe(ref scratch, (nuint)(4 * j));
                    max = Vector256.MaxNative(max, u);
                }
                var total = Vector256<double>.Zero;
                for (int j = 0; j < options; j++)
                {
                    total += DeterministicExp.Exp((Vector256.LoadUnsafe(ref scratch, (nuint)(4 * j)) - max) * scale);
                    total.StoreUnsafe(ref scratch, (nuint)(4 * j));
                }

                // The choice, as Pick makes it, four agents at once: u * Z against each running sum but the last.
                var keys = Vector256.Create(chunk.Keys[order[g]], chunk.Keys[order[g + Math.Min(1, n - 1)]],
                    chunk.Keys[order[g + Math.Min(2, n - 1)]], chunk.Keys[order[g + Math.Min(3, n - 1)]]);
                var x = Vector256.ConvertToDouble(UniformBits(keys, Purpose.Choice)) * Vector256.Create(1.0 / (1UL << 53)) * total;
                var below = Vector256<long>.Zero;
                for (int j = 0; j < options - 1; j++)
                    below -= Vector256.GreaterThanOrEqual(x, Vector256.LoadUnsafe(ref scratch, (nuint)(4 * j))).AsInt64();
                for (int k = 0; k < n; k++) chunk.Choice[order[g + k]] = options == 1 ? -1 : (int)below.GetElement(k) - 1;
            }
        }
    }

    /// <summary>
    /// Abstention (-1) or the index among the od pair's routes, by inverse CDF on cumulative weights: the number
    /// of cumulative weights at or below u * total, counted without branches (a mispredicted branch per agent
    /// would cost more than the count).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Pick(ReadOnlySpan<double> cumulative, int options, double u)
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
        bool shared = SharesChoice(plan);
        var endings = chunk.Endings;
        Array.Clear(endings);
        long acting = 0, abstentions = 0;
        int outcomeBase = plan.OutcomeStart[0];
        var agents = chunk.Acting;
        var keys = chunk.Keys;
        var threshold = Vector256.Create((long)Threshold(activity));
        var periodNow = Vector128.Create(t);

        for (int blockStart = chunk.Start; blockStart < chunk.End; blockStart += Chunk.Block)
        {
            int blockEnd = Math.Min(chunk.End, blockStart + Chunk.Block), count = 0;
            // Who acts, four agents at a time and without branches: a free agent whose activity draw is below a.
            int agent = blockStart;
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

            if (!shared) WeightsByOdPair(chunk, count, inverseTemperature);

            for (int a = 0; a < count; a++)
            {
                int i = agents[a], w = _od[i];
                ulong key = keys[a];
                int first = plan.OdRouteStart[w], options = plan.OdRouteStart[w + 1] - first + 1;
                int choice = !shared ? chunk.Choice[a]
                    : options == 1 ? -1 : Pick(_sharedCumulative.AsSpan(LaneStart(plan, w), options), options, Uniform(key, Purpose.Choice));
                if (choice < 0)
                {
                    abstentions++;
                    _freeAt[i] = t + 1;
                    continue;
                }

                int r = first + choice;
                int o = plan.OutcomeStart[r], stops = 2 * plan.Routes[r].Nodes.Length;
                double walk = Uniform(key, Purpose.Walk);
                int outcome = CountAtOrBelow(ref _outcomeCdf[o], stops, walk); // the CDF never decreases
                endings[o - outcomeBase + outcome]++;
                int interdicted = outcome < stops ? (~outcome & 1) : 0;
                _freeAt[i] = t + 1 + interdicted * incapacitation;
            }
        }
        chunk.ActingCount = acting;
        chunk.Abstentions = abstentions;
    }
}
