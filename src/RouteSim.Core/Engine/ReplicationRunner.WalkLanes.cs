using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using static RouteSim.Core.Randomness.CounterRng;

namespace RouteSim.Core.Engine;

// Choice and walk of eight acting agents at a time where every od pair of an organization has at most 32 routes
// (docs/model.md section 4, steps 3-5). Agent by agent, the choice and the walk form one long chain of dependent
// steps (two hashes of the key, a count over the cumulative weights, the route's outcome row, a count over it, the
// ending's counter), with a dozen loads and checks of the organization's arrays between them, and the processor
// overlaps only two or three agents' chains. In the lanes of 512-bit vectors, eight agents of one od pair take each
// step together: the draws are hashed eight at a time, the shared choice is eight compares per option, and each
// route's outcome row is picked for every lane by one permute per stop (an od pair's eight routes fit one vector,
// sixteen two, read by the two-table permute, thirty-two four, two such permutes and a blend). The organization's agents are stored by od pair
// (ReplicationRunner.BinOrder.cs), so the block's acting agents come in runs of one od pair. Per agent the operations
// and their order are those of Pick, the exact choice and Walk, so every number is the same to the bit.
public sealed partial class ReplicationRunner
{
    /// <summary>
    /// Whether a period of this organization runs in eight lanes here: the processor has AVX-512 and every od pair
    /// fits (its agents' own weights are then decided by bins of rho eight at a time, or computed exactly in the lanes).
    /// </summary>
    private bool UsesWalkLanes(OrganizationPlan plan) =>
        EightLanes && Avx512F.IsSupported && _walkLanes[plan.Index] is not null;

    /// <summary>
    /// Choices and walks of a block's <paramref name="count"/> acting agents (the chunk's Acting and Keys, in
    /// ascending order, so in runs of one od pair), eight of one od pair at a time, their trips' endings counted in
    /// the chunk's LaneEndings. With shared weights every choice is made here; with the agent's own, the bounds of its
    /// rho's bin decide it (ChoiceBounds.GroupChoices), or, where the od pair has no bounds this period, the exact
    /// computation does, in the lanes; an agent the bounds leave undecided is left for the exact path: those agents
    /// and their keys are moved, in order, to the front of Acting and Keys, and their number returned. Returns 0 with
    /// shared weights. Abstentions are added to <paramref name="abstentions"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot but loop-free: tiered compilation would run it unoptimised for a run's first 0.1 s or more
    private int ChooseAndWalkEightAtATime(Chunk chunk, int count, int t, int incapacitation, bool shared, ref long abstentions)
    {
        var pairs = _walkLanes[chunk.Plan.Index]!;
        if (pairs[0].Width == 32)
            return shared ? ChooseSharedAndWalk<ThirtyTwoRoutes>(chunk, count, t, incapacitation, ref abstentions)
                : ChooseOwnAndWalk<ThirtyTwoRoutes>(chunk, count, t, incapacitation, ref abstentions);
        if (pairs[0].Width == 16)
            return shared ? ChooseSharedAndWalk<SixteenRoutes>(chunk, count, t, incapacitation, ref abstentions)
                : ChooseOwnAndWalk<SixteenRoutes>(chunk, count, t, incapacitation, ref abstentions);
        return shared ? ChooseSharedAndWalk<EightRoutes>(chunk, count, t, incapacitation, ref abstentions)
            : ChooseOwnAndWalk<EightRoutes>(chunk, count, t, incapacitation, ref abstentions);
    }

    /// <summary>
    /// Where the run of acting agents from index a, all of the od pair whose agents end before slot
    /// <paramref name="pairEnd"/>, ends: the first index of [a, count) whose agent is at or past it (the agents ascend).
    /// </summary>
    private static int RunEnd(int[] agents, int a, int count, int pairEnd)
    {
        int low = a, high = count;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (agents[middle] < pairEnd) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    /// <summary>The od pair of the acting agent at slot <paramref name="agent"/>, searching on from pair w; sets its end slot.</summary>
    private static int PairAt(WalkLanes[] pairs, int[] starts, int agent, int w, out int pairEnd)
    {
        while (w + 1 < pairs.Length && agent >= starts[pairs[w + 1].FirstBucket]) w++;
        pairEnd = w + 1 < pairs.Length ? starts[pairs[w + 1].FirstBucket] : starts[^1];
        return w;
    }

    /// <summary>The shared choice and the walk, run by run of one od pair (see <see cref="ChooseAndWalkEightAtATime"/>).</summary>
    private int ChooseSharedAndWalk<TWidth>(Chunk chunk, int count, int t, int incapacitation, ref long abstentions) where TWidth : struct, IRouteWidth
    {
        var pairs = _walkLanes[chunk.Plan.Index]!;
        var starts = _binStart[chunk.Plan.Index]!;
        long abstained = 0;
        for (int a = 0, w = 0, end; a < count; a = end)
        {
            w = PairAt(pairs, starts, chunk.Acting[a], w, out int pairEnd);
            end = RunEnd(chunk.Acting, a, count, pairEnd);
            abstained += ChooseSharedAndWalkRun<TWidth>(chunk, w, a, end, t, incapacitation);
        }
        abstentions += abstained;
        return 0;
    }

    /// <summary>The shared choice and the walk of the acting agents [a, end), all of od pair w, eight at a time; returns the number that abstained.</summary>
    private int ChooseSharedAndWalkRun<TWidth>(Chunk chunk, int w, int first, int end, int t, int incapacitation) where TWidth : struct, IRouteWidth
    {
        var plan = chunk.Plan;
        var lanes = _walkLanes[plan.Index]![w];
        ref ulong keys = ref MemoryMarshal.GetArrayDataReference(chunk.Keys);
        var unit = Vector512.Create(1.0 / (1UL << 53));
        Span<int> ending = stackalloc int[8], free = stackalloc int[8];
        int abstained = 0, options = plan.OdRouteStart[w + 1] - plan.OdRouteStart[w] + 1;
        ref double cumulative = ref _sharedCumulative[LaneStart(plan, w)];
        var total = Vector512.Create(Unsafe.Add(ref cumulative, options - 1));
        for (int a = first; a < end; a += 8)
        {
            var key = Vector512.LoadUnsafe(ref keys, (nuint)a);
            // As Pick: u * Z against each running sum but the last; -1 (abstain) plus the number at or below it.
            var x = Vector512.ConvertToDouble(UniformBits(key, Purpose.Choice)) * unit * total;
            var choice = Vector512.Create(-1L);
            for (int j = 0; j < options - 1; j++)
                choice -= Vector512.GreaterThanOrEqual(x, Vector512.Create(Unsafe.Add(ref cumulative, j))).AsInt64();
            abstained += WalkEight<TWidth>(chunk, lanes, a, Math.Min(8, end - a), key, choice, t, incapacitation, ending, free);
        }
        return abstained;
    }

    /// <summary>Choices with the agents' own weights and the walk, run by run of one od pair (see <see cref="ChooseAndWalkEightAtATime"/>).</summary>
    private int ChooseOwnAndWalk<TWidth>(Chunk chunk, int count, int t, int incapacitation, ref long abstentions) where TWidth : struct, IRouteWidth
    {
        var pairs = _walkLanes[chunk.Plan.Index]!;
        var starts = _binStart[chunk.Plan.Index]!;
        long abstained = 0;
        int undecided = 0;
        for (int a = 0, w = 0, end; a < count; a = end)
        {
            w = PairAt(pairs, starts, chunk.Acting[a], w, out int pairEnd);
            end = RunEnd(chunk.Acting, a, count, pairEnd);
            abstained += _bounds[_odIndexStart[chunk.Plan.Index] + w] is { IsLive: true } bounds && pairs[w].Buckets > 1
                ? bounds.HasNarrowRows
                    ? DecideByBinsAndWalkRun<TWidth, NarrowRows>(chunk, w, bounds, a, end, t, incapacitation, ref undecided)
                    : DecideByBinsAndWalkRun<TWidth, WideRows>(chunk, w, bounds, a, end, t, incapacitation, ref undecided)
                : ChooseExactlyAndWalkRun<TWidth>(chunk, w, a, end, t, incapacitation);
        }
        abstentions += abstained;
        return undecided;
    }

    /// <summary>
    /// The choices of the acting agents [a, end), all of od pair w, by the bounds of their bins of rho, and their walks,
    /// eight at a time; those left undecided are moved, in order, to Acting and Keys from index <paramref name="undecided"/>
    /// on (never ahead of the agents still to be read), which it advances. Returns the number that abstained.
    /// </summary>
    private int DecideByBinsAndWalkRun<TWidth, TRows>(Chunk chunk, int w, ChoiceBounds bounds, int first, int end, int t, int incapacitation, ref int undecided)
        where TWidth : struct, IRouteWidth where TRows : struct, IGroupRows
    {
        // The pair's agents are stored by bin of rho (ReplicationRunner.SortByPairAndBin) and the block's acting agents
        // are in ascending order, so a group of eight mostly lies in one bin and is decided by that bin's row at once; a
        // group across bins takes each bin's choices for its lanes in that bin. With 16-bit rows, first every group's
        // choices into the chunk's SortedChoice (the groups do not wait on one another, so the processor overlaps
        // them), then the walks: in one loop, each group's walk waited on its choice. With 32-bit rows (od pairs of
        // nine to 32 routes, mostly small: short runs) in one loop, which measured faster there (Gatekeeper).
        bool choicesFirst = typeof(TRows) == typeof(NarrowRows);
        var lanes = _walkLanes[chunk.Plan.Index]![w];
        ref int agents = ref MemoryMarshal.GetArrayDataReference(chunk.Acting);
        ref ulong keys = ref MemoryMarshal.GetArrayDataReference(chunk.Keys);
        ref int binStart = ref _binStart[chunk.Plan.Index]![lanes.FirstBucket];
        ref long choices = ref MemoryMarshal.GetArrayDataReference(chunk.SortedChoice);
        Span<int> ending = stackalloc int[8], free = stackalloc int[8];
        int abstained = 0, bucket = 0, left = undecided;
        for (int a = first; a < end; a += 8)
        {
            int n = Math.Min(8, end - a), last = Unsafe.Add(ref agents, a + n - 1);
            var key = Vector512.LoadUnsafe(ref keys, (nuint)a);
            var bits = UniformBits(key, Purpose.Choice);
            while (Unsafe.Add(ref agents, a) >= Unsafe.Add(ref binStart, bucket + 1)) bucket++;
            var choice = TRows.GroupChoices(bounds, bucket, bits, Undecided);
            if (last >= Unsafe.Add(ref binStart, bucket + 1))
            {
                var slot = Avx512F.ConvertToVector512Int64(Vector256.LoadUnsafe(ref agents, (nuint)a));
                for (int next = bucket + 1; last >= Unsafe.Add(ref binStart, next); next++)
                    choice = Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(slot, Vector512.Create((long)Unsafe.Add(ref binStart, next))),
                        TRows.GroupChoices(bounds, next, bits, Undecided), choice);
            }
            if (choicesFirst) choice.StoreUnsafe(ref choices, (nuint)a);
            else abstained += WalkAndKeepUndecided<TWidth>(chunk, lanes, a, n, key, choice, t, incapacitation, ending, free, ref left);
        }
        if (choicesFirst)
            for (int a = first; a < end; a += 8)
                abstained += WalkAndKeepUndecided<TWidth>(chunk, lanes, a, Math.Min(8, end - a), Vector512.LoadUnsafe(ref keys, (nuint)a),
                    Vector512.LoadUnsafe(ref choices, (nuint)a), t, incapacitation, ending, free, ref left);
        undecided = left;
        return abstained;
    }

    /// <summary>
    /// The walks of the acting agents a .. a + n - 1 (WalkEight) and those of them left undecided moved, in order, to
    /// Acting and Keys from index <paramref name="left"/> on (never ahead of the agents still to be read), which it advances.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int WalkAndKeepUndecided<TWidth>(Chunk chunk, WalkLanes lanes, int a, int n, Vector512<ulong> key, Vector512<long> choice, int t, int incapacitation,
        Span<int> ending, Span<int> free, ref int left) where TWidth : struct, IRouteWidth
    {
        int abstained = WalkEight<TWidth>(chunk, lanes, a, n, key, choice, t, incapacitation, ending, free);
        ref int agents = ref MemoryMarshal.GetArrayDataReference(chunk.Acting);
        ref ulong keys = ref MemoryMarshal.GetArrayDataReference(chunk.Keys);
        ulong open = Vector512.Equals(choice, Vector512.Create(Undecided)).ExtractMostSignificantBits() & ((1UL << n) - 1);
        for (; open != 0; open &= open - 1)
        {
            int lane = System.Numerics.BitOperations.TrailingZeroCount(open);
            Unsafe.Add(ref agents, left) = Unsafe.Add(ref agents, a + lane);
            Unsafe.Add(ref keys, left++) = Unsafe.Add(ref keys, a + lane);
        }
        return abstained;
    }

    /// <summary>
    /// The exact choices of the acting agents [a, end), all of od pair w, with their own weights (ExactChoicesEight), and
    /// their walks, eight at a time: where the pair has no bounds this period. Returns the number that abstained.
    /// </summary>
    private int ChooseExactlyAndWalkRun<TWidth>(Chunk chunk, int w, int first, int end, int t, int incapacitation) where TWidth : struct, IRouteWidth
    {
        var plan = chunk.Plan;
        var lanes = _walkLanes[plan.Index]![w];
        ref int agents = ref MemoryMarshal.GetArrayDataReference(chunk.Acting);
        ref ulong keys = ref MemoryMarshal.GetArrayDataReference(chunk.Keys);
        ref double scratch = ref MemoryMarshal.GetArrayDataReference(chunk.Scratch);
        var scale = Vector512.Create(1 / plan.Organization.Temperature);
        Span<int> ending = stackalloc int[8], free = stackalloc int[8];
        int abstained = 0, options = plan.OdRouteStart[w + 1] - plan.OdRouteStart[w] + 1, laneStart = LaneStart(plan, w);
        var risk = _risk;
        for (int a = first; a < end; a += 8)
        {
            // Lanes past end hold other agents (of the block, or stale, all slots of the agent arrays): computed, never
            // written.
            int n = Math.Min(8, end - a);
            var rho = Vector512.Create(risk[Unsafe.Add(ref agents, a)], risk[Unsafe.Add(ref agents, a + 1)], risk[Unsafe.Add(ref agents, a + 2)],
                risk[Unsafe.Add(ref agents, a + 3)], risk[Unsafe.Add(ref agents, a + 4)], risk[Unsafe.Add(ref agents, a + 5)],
                risk[Unsafe.Add(ref agents, a + 6)], risk[Unsafe.Add(ref agents, a + 7)]);
            var key = Vector512.LoadUnsafe(ref keys, (nuint)a);
            var choice = ExactChoicesEight(ref scratch, rho, key, laneStart, options, scale);
            abstained += WalkEight<TWidth>(chunk, lanes, a, n, key, choice, t, incapacitation, ending, free);
        }
        // KeepForExactPath counts every choice not left undecided as decided by the bounds; these were not.
        chunk.DecidedByBounds -= end - first;
        return abstained;
    }

    /// <summary>The choice of an agent the bounds did not decide, in the lanes of <see cref="ChooseAndWalkEightAtATime"/>.</summary>
    private const long Undecided = -2;

    /// <summary>
    /// The walks of the acting agents a .. a + n - 1 (n &lt;= 8; lanes past n hold other agents, computed and
    /// never written back) with keys <paramref name="key"/> and choices <paramref name="choice"/> (-1 abstain,
    /// <see cref="Undecided"/>, else the route): as Walk, the number of the route's cumulative outcome probabilities
    /// at or below the walk draw is the ending. Returns the number that abstained.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int WalkEight<TWidth>(Chunk chunk, WalkLanes lanes, int a, int n, Vector512<ulong> key, Vector512<long> choice, int t, int incapacitation, Span<int> ending, Span<int> free)
        where TWidth : struct, IRouteWidth
    {
        ref int agents = ref MemoryMarshal.GetArrayDataReference(chunk.Acting);
        ref double cdf = ref MemoryMarshal.GetArrayDataReference(lanes.Cdf);
        var walk = Vector512.ConvertToDouble(UniformBits(key, Purpose.Walk)) * Vector512.Create(1.0 / (1UL << 53));
        var route = choice & Vector512.Create(TWidth.Routes - 1L);
        var half = TWidth.Half(route);
        var outcome = Vector512<long>.Zero;
        for (int j = 0; j < lanes.Columns; j++)
            outcome -= Vector512.GreaterThanOrEqual(walk, TWidth.Pick(ref Unsafe.Add(ref cdf, TWidth.Routes * j), route, half)).AsInt64();
        var trip = Vector512.GreaterThanOrEqual(choice, Vector512<long>.Zero);
        // Interdicted: ended at a stop (before the destination) of even number; then incapacitated for a while.
        var interdicted = trip & Vector512.LessThan(outcome, TWidth.Pick(ref MemoryMarshal.GetArrayDataReference(lanes.Stops), route, half))
            & Vector512.Equals(outcome & Vector512<long>.One, Vector512<long>.Zero);
        // Agents that take no trip count on a slot past the outcomes, which is never read. Lane l counts on copy
        // l mod 4 of the counters: consecutive agents mostly end alike, and on one counter each increment would wait
        // for the one before.
        var slot = Vector512.ConditionalSelect(trip, TWidth.Pick(ref MemoryMarshal.GetArrayDataReference(lanes.EndingStart), route, half) + outcome,
            Vector512.Create(lanes.NoEnding));
        Avx512F.ConvertToVector256Int32(slot + chunk.LaneEndingCopies).StoreUnsafe(ref MemoryMarshal.GetReference(ending));
        // An undecided agent is written free next period here and its real walk, on the exact path, overwrites it.
        Avx512F.ConvertToVector256Int32(Vector512.Create(t + 1L) + (interdicted & Vector512.Create((long)incapacitation)))
            .StoreUnsafe(ref MemoryMarshal.GetReference(free));
        ref int freeAt = ref MemoryMarshal.GetArrayDataReference(_freeAt);
        ref int endings = ref MemoryMarshal.GetArrayDataReference(chunk.LaneEndings);
        for (int lane = 0; lane < n; lane++)
        {
            Unsafe.Add(ref freeAt, Unsafe.Add(ref agents, a + lane)) = free[lane];
            Unsafe.Add(ref endings, ending[lane])++;
        }
        ulong abstains = Vector512.Equals(choice, Vector512.Create(-1L)).ExtractMostSignificantBits() & ((1UL << n) - 1);
        return System.Numerics.BitOperations.PopCount(abstains);
    }

    /// <summary>
    /// Adds the four copies of the chunk's lane counters of trip endings into its Endings, sixteen counters at a time
    /// (an organization with many routes has hundreds of outcomes, and a chunk folds them every period). The copies'
    /// stride and Endings' padding are a multiple of sixteen past the outcomes; what lands in the padding is never read.
    /// </summary>
    private static void FoldLaneEndings(Chunk chunk)
    {
        int stride = chunk.LaneEndingStride;
        ref int endings = ref MemoryMarshal.GetArrayDataReference(chunk.Endings);
        ref int copies = ref MemoryMarshal.GetArrayDataReference(chunk.LaneEndings);
        for (int j = chunk.OutcomeFrom; j < chunk.OutcomeTo; j += 16)
            (Vector512.LoadUnsafe(ref endings, (nuint)j) + Vector512.LoadUnsafe(ref copies, (nuint)j) + Vector512.LoadUnsafe(ref copies, (nuint)(stride + j))
                + Vector512.LoadUnsafe(ref copies, (nuint)(2 * stride + j)) + Vector512.LoadUnsafe(ref copies, (nuint)(3 * stride + j))).StoreUnsafe(ref endings, (nuint)j);
    }
}
