using System.Runtime.Intrinsics;
using RouteSim.Core.Numerics;
using RouteSim.Core.Randomness;
using static RouteSim.Core.Randomness.CounterRng;

namespace RouteSim.Core.Engine;

/// <summary>
/// Runs one replication of docs/model.md section 4: each period, events and adaptation, then every free agent
/// acts, chooses and walks on the beliefs of the period's start, then the organizations learn.
/// </summary>
/// <remarks>
/// The hot path works on plain arrays. Per period and organization it precomputes what does not depend on the
/// agent: each route's attraction and risk term, and the cumulative distribution of a trip's outcome along
/// the route (interdicted or dead at each node, or success), so a trip costs one draw. Logit weights and choices
/// are computed eight (or four) agents of one od pair at a time (<see cref="DeterministicExp"/>; see ReplicationRunner.ChoiceLanes.cs);
/// shared weights are kept per od pair in "lanes", the outside option first. Where agents have their own weights and an od
/// pair has many of them, bounds of its choice probabilities over bins of rho decide most choices without exponentials,
/// with the same results (see ReplicationRunner.ChoiceBounds.cs). Agents record only how their trip ended;
/// traversals are derived from the endings once per period. Agents are split into fixed chunks, each with its
/// own counters, merged in chunk order: integer sums, so the thread count cannot change a single number.
/// </remarks>
public sealed partial class ReplicationRunner
{
    /// <summary>Agents per work chunk; chunks are the unit of intra-replication parallelism.</summary>
    public const int ChunkSize = 1 << 11;

    /// <summary>Attraction of padding lanes: never the largest, and its weight is ignored.</summary>
    private const double PaddingAttraction = -1e300;

    private readonly CompiledScenario _model;
    private readonly ulong _replicationKey;
    private readonly int _threads;
    private readonly SpareThreads? _spare;
    private readonly ReplicationResult _result;
    private readonly EnforcementState _enforcement;

    private readonly ushort[] _od;
    private readonly double[] _risk;
    private readonly int[] _freeAt;
    private readonly ulong[] _agentKey; // AgentKey(replication, i), kept so each decision hashes once less

    private readonly double[] _traversalMemory; // n(g,l), [g * L + l]
    private readonly double[] _interdictionMemory; // s(g,l)
    private readonly double[] _detection; // p(l,k), [k * L + l]
    private readonly double[] _attraction; // V*S - C - omega*V*D, by organization route
    private readonly double[] _riskTerm; // F*(1-S), by organization route
    private readonly double[] _outcomeCdf; // by outcome: cumulative probability of ending at or before it
    private readonly int[] _odLaneStart; // first lane of (organization g, od pair w) is _odLaneStart[_odIndexStart[g] + w]
    private readonly int[] _odIndexStart;
    private readonly double[] _laneAttraction; // by lane: 0 for the outside option, the route's attraction, or padding
    private readonly double[] _laneRisk; // by lane: F*(1-S), 0 for the outside option and padding
    private readonly double[] _sharedCumulative; // by lane: cumulative logit weights when all agents of the organization share them
    private readonly ChoiceBounds?[] _bounds; // by od pair, as _odLaneStart: null where every agent takes the exact path
    private readonly bool[] _hasBounds; // by organization: whether any of its od pairs has bounds
    private readonly ChoiceBounds.Scratch? _boundsScratch;
    private readonly WalkLanes[]?[] _walkLanes; // by organization: each od pair's walks in eight lanes, or null (ReplicationRunner.WalkLanes.cs)
    private readonly int[]?[] _binStart; // by organization stored by od pair and bin of rho: where each bucket's agents start (ReplicationRunner.BinOrder.cs), else null
    private readonly Chunk[] _chunks;
    private readonly long[] _recordEndings, _recordTraversals, _recordInterdictions; // Record's scratch, kept to spare the collector

    /// <summary>Prepares replication <paramref name="replication"/> of a run with master seed <paramref name="seed"/>.</summary>
    /// <param name="agents">Agent arrays to reuse from an earlier replication of the same model (saves allocating them); null for new ones.</param>
    public ReplicationRunner(CompiledScenario model, ulong seed, int replication, int threads = 1, AgentArrays? agents = null)
        : this(model, seed, replication, threads, agents, null, null)
    {
    }

    /// <summary>As the public constructor, with counts from a pool and threads lent by an ensemble's idle workers.</summary>
    internal ReplicationRunner(CompiledScenario model, ulong seed, int replication, int threads, AgentArrays? agents, ResultPool? results, SpareThreads? spare)
    {
        _model = model;
        _threads = Math.Max(1, threads);
        _spare = spare;
        _replicationKey = Seeds.Replication(seed, replication);
        _result = results?.Rent(replication) ?? new ReplicationResult(replication, model.Layout);
        _enforcement = new EnforcementState(model.Enforcement);

        int locations = model.LocationCount;
        agents ??= new AgentArrays(model.TotalAgents);
        if (agents.Count != model.TotalAgents) throw new ArgumentException("agent arrays of another model", nameof(agents));
        _od = agents.Od;
        _risk = agents.Risk;
        _freeAt = agents.FreeAt;
        _agentKey = agents.Key;
        Array.Clear(_freeAt);
        _traversalMemory = new double[model.Organizations.Length * locations];
        _interdictionMemory = new double[model.Organizations.Length * locations];
        _detection = new double[model.CommodityCount * locations];
        _attraction = new double[model.TotalOrganizationRoutes];
        _riskTerm = new double[model.TotalOrganizationRoutes];
        _outcomeCdf = new double[model.TotalOutcomes + 4]; // padded: counts read four at a time
        _odIndexStart = new int[model.Organizations.Length + 1];
        for (int g = 0; g < model.Organizations.Length; g++)
            _odIndexStart[g + 1] = _odIndexStart[g] + model.Organizations[g].Organization.Od.Count;
        _odLaneStart = new int[_odIndexStart[^1] + 1];
        int maxLanes = 0;
        foreach (var plan in model.Organizations)
            for (int w = 0; w < plan.Organization.Od.Count; w++)
            {
                int lanes = Lanes(plan, w);
                maxLanes = Math.Max(maxLanes, lanes);
                _odLaneStart[_odIndexStart[plan.Index] + w + 1] = _odLaneStart[_odIndexStart[plan.Index] + w] + lanes;
            }
        _laneAttraction = new double[_odLaneStart[^1]];
        _laneRisk = new double[_odLaneStart[^1]];
        _sharedCumulative = new double[_odLaneStart[^1]];
        _bounds = new ChoiceBounds?[_odIndexStart[^1]];
        _hasBounds = new bool[model.Organizations.Length];
        int scratchDoubles = 0, maxOptions = 0;
        foreach (var plan in model.Organizations)
        {
            if (SharesChoice(model, plan)) continue;
            for (int w = 0; w < plan.Organization.Od.Count; w++)
            {
                int options = plan.OdRouteStart[w + 1] - plan.OdRouteStart[w] + 1;
                double sigma = plan.Organization.RiskSigma, acting = ActingPerPeriod(plan, w);
                var bounds = ChoiceBounds.Create(sigma, acting, options, DecidesInGroups(plan, options));
                if (bounds is null) continue;
                _bounds[_odIndexStart[plan.Index] + w] = bounds;
                _hasBounds[plan.Index] = true;
                scratchDoubles = Math.Max(scratchDoubles, ChoiceBounds.ScratchDoubles(sigma, acting, options, DecidesInGroups(plan, options)));
                maxOptions = Math.Max(maxOptions, options);
            }
        }
        _boundsScratch = scratchDoubles > 0 ? new ChoiceBounds.Scratch(scratchDoubles, maxOptions) : null;
        _walkLanes = [.. model.Organizations.Select(CreateWalkLanes)];
        _binStart = new int[]?[model.Organizations.Length];

        var chunks = new List<Chunk>();
        foreach (var plan in model.Organizations)
            for (int start = 0; start < plan.AgentCount; start += ChunkSize)
                chunks.Add(new Chunk(plan, plan.AgentStart + start, plan.AgentStart + Math.Min(plan.AgentCount, start + ChunkSize), maxLanes));
        _chunks = [.. chunks];
        _recordEndings = new long[model.Organizations.Length == 0 ? 0 : model.Organizations.Max(p => p.OutcomeCount)];
        _recordTraversals = new long[locations];
        _recordInterdictions = new long[locations];

        SetUpPopulation();
    }

    /// <summary>Runs every period (or the first <paramref name="periods"/>) and returns the replication's counts.</summary>
    /// <param name="periods">Periods to run from period 0; later periods' counts stay zero. A period depends only on
    /// those before it, so the counts of the periods run are those of a full run.</param>
    public ReplicationResult Run(CancellationToken cancellation = default, int? periods = null)
    {
        int last = Math.Min(_model.Layout.Periods, periods ?? int.MaxValue);
        for (int t = 0; t < last; t++)
        {
            cancellation.ThrowIfCancellationRequested();
            Step(t);
        }
        return _result;
    }

    /// <summary>Lanes of od pair w: the outside option and its routes, rounded up to a multiple of four.</summary>
    /// <summary>
    /// Bytes one replication holds besides its agent arrays and counts: every chunk's scratch (one chunk per
    /// <see cref="ChunkSize"/> agents) and the per-route and per-location arrays, as the constructor allocates them.
    /// </summary>
    internal static long WorkingBytes(CompiledScenario model)
    {
        int maxLanes = 0;
        long lanes = 0;
        foreach (var plan in model.Organizations)
            for (int w = 0; w < plan.Organization.Od.Count; w++)
            {
                maxLanes = Math.Max(maxLanes, Lanes(plan, w));
                lanes += Lanes(plan, w);
            }
        long bytes = 8L * (2L * model.Organizations.Length * model.LocationCount + (long)model.CommodityCount * model.LocationCount
            + 2L * model.TotalOrganizationRoutes + model.TotalOutcomes + 3 * lanes) + 4L * lanes;
        foreach (var plan in model.Organizations)
        {
            bytes += (plan.AgentCount + ChunkSize - 1L) / ChunkSize * Chunk.Bytes(plan, maxLanes);
            bytes += WalkLanesBytes(plan) + BinStartBytes(model, plan);
        }

        int scratchDoubles = 0, maxOptions = 0;
        foreach (var plan in model.Organizations)
        {
            if (SharesChoice(model, plan)) continue;
            for (int w = 0; w < plan.Organization.Od.Count; w++)
            {
                int options = plan.OdRouteStart[w + 1] - plan.OdRouteStart[w] + 1;
                double sigma = plan.Organization.RiskSigma, acting = ActingPerPeriod(plan, w);
                bytes += ChoiceBounds.Bytes(sigma, acting, options, DecidesInGroups(plan, options));
                scratchDoubles = Math.Max(scratchDoubles, ChoiceBounds.ScratchDoubles(sigma, acting, options, DecidesInGroups(plan, options)));
                maxOptions = Math.Max(maxOptions, options);
            }
        }
        return bytes + ChoiceBounds.ScratchBytes(scratchDoubles, maxOptions);
    }

    /// <summary>Agents of od pair w expected to act in a period: the organization's agents times the pair's share of the weight times the activity rate.</summary>
    private static double ActingPerPeriod(OrganizationPlan plan, int w) =>
        plan.AgentCount * (plan.OdCumulativeWeights[w] - (w == 0 ? 0 : plan.OdCumulativeWeights[w - 1])) * plan.Organization.Activity;

    private static int Lanes(OrganizationPlan plan, int w) =>
        (plan.OdRouteStart[w + 1] - plan.OdRouteStart[w] + 1 + 3) & ~3;

    private int LaneStart(OrganizationPlan plan, int w) => _odLaneStart[_odIndexStart[plan.Index] + w];

    /// <summary>
    /// Draws every agent's od pair (by weight) and risk multiplier rho = exp(sigma z), z by Box and Muller
    /// (ReplicationRunner.RiskDraw.cs); then stores by od pair and bin of rho the organizations that choose in eight
    /// lanes (ReplicationRunner.BinOrder.cs).
    /// </summary>
    private void SetUpPopulation()
    {
        ForEachChunk(SetUp);
        foreach (var plan in _model.Organizations)
            if (StoresByPair(plan)) _binStart[plan.Index] = SortByPairAndBin(plan);
        SetOutcomeWindows();
    }

    /// <summary>
    /// Narrows each chunk's outcome window (Chunk.OutcomeFrom) to the routes of its agents' od pairs where they are
    /// stored by od pair: the pairs of its first and last agent and those between.
    /// </summary>
    private void SetOutcomeWindows()
    {
        foreach (var chunk in _chunks)
        {
            var plan = chunk.Plan;
            if (!StoresByPair(plan)) continue;
            int first = plan.OutcomeStart[plan.OdRouteStart[_od[chunk.Start]]] - plan.OutcomeStart[0];
            int last = plan.OutcomeStart[plan.OdRouteStart[_od[chunk.End - 1] + 1]] - plan.OutcomeStart[0];
            chunk.OutcomeFrom = first & ~15;
            chunk.OutcomeTo = (last + 15) & ~15;
        }
    }

    /// <summary>
    /// Runs work on every chunk: on this thread alone, or on several threads (this replication's own and any
    /// an ensemble lends it), each taking the next chunk from a shared counter. Which thread does a chunk never
    /// matters: chunks share no counters.
    /// </summary>
    private void ForEachChunk(Action<Chunk> work)
    {
        int threads = Math.Min(_threads + (_spare?.Extra ?? 0), _chunks.Length);
        if (threads <= 1)
        {
            foreach (var chunk in _chunks) work(chunk);
            return;
        }
        int next = -1;
        void Drain()
        {
            for (int c = Interlocked.Increment(ref next); c < _chunks.Length; c = Interlocked.Increment(ref next)) work(_chunks[c]);
        }
        var helpers = new Task[threads - 1];
        for (int h = 0; h < helpers.Length; h++) helpers[h] = Task.Run(Drain);
        Drain();
        Task.WaitAll(helpers);
    }

    /// <summary>Agent keys of the chunk's agents, then their od pairs and rho (ReplicationRunner.RiskDraw.cs).</summary>
    private void SetUp(Chunk chunk)
    {
        int i = chunk.Start;
        for (; i + 8 <= chunk.End; i += 8) AgentKeys(_replicationKey, i).StoreUnsafe(ref _agentKey[i]);
        for (; i < chunk.End; i++) _agentKey[i] = AgentKey(_replicationKey, i);
        DrawAgents(chunk.Plan, chunk.Start, chunk.End);
    }

    private void Step(int t)
    {
        UpdateEnforcement(t);
        PrepareDetection();
        foreach (var plan in _model.Organizations) PrepareOrganization(plan);

        ForEachChunk(chunk => ActChunk(chunk, t));

        foreach (var plan in _model.Organizations) Record(plan, t);
    }

    private void UpdateEnforcement(int t)
    {
        _enforcement.ApplyEvents(t);
        if (!_enforcement.AdaptationDue(t)) return;

        var layout = _model.Layout;
        int every = _model.Enforcement.Adaptive!.Every;
        var recent = new long[layout.Locations];
        for (int period = Math.Max(0, t - every); period < t; period++)
            for (int l = 0; l < layout.Locations; l++)
                for (int k = 0; k < layout.Commodities; k++)
                    recent[l] += _result.Locations[layout.Location(period, l, k, LocationMetric.Interdictions)];
        _enforcement.Adapt(recent);
    }

    private void PrepareDetection()
    {
        int locations = _model.LocationCount;
        var resources = _enforcement.Resources;
        double eta = _enforcement.Effectiveness;
        for (int k = 0; k < _model.CommodityCount; k++)
        {
            double kappa = _model.Scenario.Commodities[k].Detectability;
            for (int l = 0; l < locations; l++)
                _detection[k * locations + l] = ModelLaws.Detection(_model.BaseDetection[l], eta, kappa, resources[l], _model.Area[l]);
        }
    }

    private void PrepareOrganization(OrganizationPlan plan)
    {
        var organization = plan.Organization;
        var commodity = _model.Scenario.Commodities[plan.Commodity];
        int locations = _model.LocationCount, g = plan.Index;
        double m = organization.PriorStrength, value = commodity.Value;
        var detection = _detection.AsSpan(plan.Commodity * locations, locations);
        var danger = _model.NodeDanger;

        // Routes are stored by od pair (OdRouteStart), so each route's lane follows from its pair's first.
        for (int w = 0; w < organization.Od.Count; w++)
        for (int r = plan.OdRouteStart[w]; r < plan.OdRouteStart[w + 1]; r++)
        {
            var route = plan.Routes[r];
            double survival = 1;
            foreach (var l in route.Nodes)
                survival = ModelLaws.Survive(survival, ModelLaws.Belief(_interdictionMemory[g * locations + l], _traversalMemory[g * locations + l], m, _model.PriorMean[l]));
            int global = plan.RouteOffset + r;
            _attraction[global] = ModelLaws.Attraction(value, survival, RouteCost(route), commodity.DangerWeight, route.Danger);
            _riskTerm[global] = ModelLaws.RiskTerm(commodity.Penalty, survival);
            int lane = LaneStart(plan, w) + 1 + r - plan.OdRouteStart[w];
            _laneAttraction[lane] = _attraction[global];
            _laneRisk[lane] = _riskTerm[global];

            // Outcome distribution along the route, in walking order: interdicted or dead at each node (docs/model.md section 4, step 4).
            double reach = 1, cumulative = 0;
            int o = plan.OutcomeStart[r];
            foreach (var l in route.Nodes)
            {
                var (interdicted, dead) = ModelLaws.WalkNode(ref reach, detection[l], commodity.CarriesPeople ? danger[l] : 0);
                cumulative += interdicted;
                _outcomeCdf[o++] = cumulative;
                cumulative += dead;
                _outcomeCdf[o++] = cumulative;
            }
        }
        if (_walkLanes[g] is { } walkLanes) FillWalkLanes(plan, walkLanes);

        for (int w = 0; w < organization.Od.Count; w++)
        {
            int start = LaneStart(plan, w), options = plan.OdRouteStart[w + 1] - plan.OdRouteStart[w] + 1;
            _laneAttraction[start] = 0; // the outside option: U0 = 0
            _laneRisk[start] = 0;
            for (int lane = start + options; lane < start + Lanes(plan, w); lane++)
            {
                _laneAttraction[lane] = PaddingAttraction;
                _laneRisk[lane] = 0;
            }
            if (SharesChoice(plan))
                CumulativeWeights(_laneAttraction.AsSpan(start, Lanes(plan, w)), _laneRisk.AsSpan(start, Lanes(plan, w)), options, 1.0,
                    1 / organization.Temperature, _sharedCumulative.AsSpan(start, Lanes(plan, w)));
            else
                _bounds[_odIndexStart[g] + w]?.Build(_laneAttraction.AsSpan(start, options), _laneRisk.AsSpan(start, options), 1 / organization.Temperature, _boundsScratch!);
        }
    }

    /// <summary>
    /// C_r now: the route's cost as enumerated, plus the deterrence that events have added at its nodes
    /// (docs/model.md section 9); exactly the enumerated cost while no event has added any.
    /// </summary>
    private double RouteCost(Network.Route route)
    {
        if (!_enforcement.HasDeterrenceCost) return route.Cost;
        double cost = route.Cost;
        var deterrence = _enforcement.DeterrenceCost;
        foreach (var l in route.Nodes) cost += deterrence[l];
        return cost;
    }
}
