using MathNet.Numerics.Distributions;
using RouteSim.Core.Randomness;
using static RouteSim.Core.Randomness.CounterRng;

namespace RouteSim.Core.Engine;

/// <summary>
/// Runs one replication of MODEL.md section 4: each period, events and adaptation, then every free agent
/// acts, chooses and walks on the beliefs of the period's start, then the organizations learn.
/// </summary>
/// <remarks>
/// The hot path works on plain arrays. Per period and organization it precomputes what does not depend on the
/// agent: each route's attraction and risk term, and the cumulative distribution of a trip's outcome along
/// the route (interdicted or dead at each node, or success), so a trip costs one draw. Agents record only how
/// their trip ended; traversals are derived from the endings once per period. Agents are split into fixed
/// chunks, each with its own counters, merged in chunk order: integer sums, so the thread count cannot
/// change a single number.
/// </remarks>
public sealed class ReplicationRunner
{
    /// <summary>Agents per work chunk; chunks are the unit of intra-replication parallelism.</summary>
    public const int ChunkSize = 1 << 15;

    private readonly SimulationModel _model;
    private readonly ulong _replicationKey;
    private readonly int _threads;
    private readonly ReplicationResult _result;
    private readonly EnforcementState _enforcement;

    private readonly ushort[] _od;
    private readonly double[] _risk;
    private readonly int[] _freeAt;

    private readonly double[] _traversalMemory; // n(g,l), [g * L + l]
    private readonly double[] _interdictionMemory; // s(g,l)
    private readonly double[] _detection; // p(l,k), [k * L + l]
    private readonly double[] _attraction; // V*S - C - omega*V*D, by organization route
    private readonly double[] _riskTerm; // F*(1-S), by organization route
    private readonly double[] _outcomeCdf; // by outcome: cumulative probability of ending at or before it
    private readonly double[] _sharedWeights; // cumulative logit weights when every agent of the organization shares them
    private readonly double[] _sharedAbstain; // abstention weight by (organization, od pair)
    private readonly int[] _odWeightStart; // index of (organization, od pair) in _sharedAbstain
    private readonly Chunk[] _chunks;

    /// <summary>Prepares replication <paramref name="replication"/> of a run with master seed <paramref name="seed"/>.</summary>
    public ReplicationRunner(SimulationModel model, ulong seed, int replication, int threads = 1)
    {
        _model = model;
        _threads = Math.Max(1, threads);
        _replicationKey = ReplicationKey(seed, replication);
        _result = new ReplicationResult(replication, model.Layout);
        _enforcement = new EnforcementState(model.Enforcement);

        int agents = model.TotalAgents, locations = model.LocationCount;
        _od = new ushort[agents];
        _risk = new double[agents];
        _freeAt = new int[agents];
        _traversalMemory = new double[model.Organizations.Length * locations];
        _interdictionMemory = new double[model.Organizations.Length * locations];
        _detection = new double[model.CommodityCount * locations];
        _attraction = new double[model.TotalOrganizationRoutes];
        _riskTerm = new double[model.TotalOrganizationRoutes];
        _outcomeCdf = new double[model.TotalOutcomes];
        _sharedWeights = new double[model.TotalOrganizationRoutes];
        _odWeightStart = new int[model.Organizations.Length + 1];
        for (int g = 0; g < model.Organizations.Length; g++)
            _odWeightStart[g + 1] = _odWeightStart[g] + model.Organizations[g].Organization.Od.Count;
        _sharedAbstain = new double[_odWeightStart[^1]];

        var chunks = new List<Chunk>();
        foreach (var plan in model.Organizations)
            for (int start = 0; start < plan.AgentCount; start += ChunkSize)
                chunks.Add(new Chunk(plan, plan.AgentStart + start, plan.AgentStart + Math.Min(plan.AgentCount, start + ChunkSize)));
        _chunks = [.. chunks];

        SetUpPopulation();
    }

    /// <summary>Runs every period and returns the replication's counts.</summary>
    public ReplicationResult Run(CancellationToken cancellation = default)
    {
        for (int t = 0; t < _model.Layout.Periods; t++)
        {
            cancellation.ThrowIfCancellationRequested();
            Step(t);
        }
        return _result;
    }

    private void SetUpPopulation()
    {
        foreach (var plan in _model.Organizations)
        {
            double sigma = plan.Organization.RiskSigma;
            var cumulative = plan.OdCumulativeWeights;
            for (int i = plan.AgentStart; i < plan.AgentStart + plan.AgentCount; i++)
            {
                ulong key = SetupKey(AgentKey(_replicationKey, i));
                double u = Uniform(key, Purpose.OdPair);
                int w = 0;
                while (w < cumulative.Length - 1 && u >= cumulative[w]) w++;
                _od[i] = (ushort)w;
                _risk[i] = sigma == 0 ? 1.0 : Math.Exp(sigma * Normal.InvCDF(0, 1, OpenUniform(key, Purpose.Risk)));
            }
        }
    }

    private void Step(int t)
    {
        UpdateEnforcement(t);
        PrepareDetection();
        foreach (var plan in _model.Organizations) PrepareOrganization(plan);

        if (_threads == 1 || _chunks.Length == 1)
            foreach (var chunk in _chunks) ActChunk(chunk, t);
        else
            Parallel.ForEach(_chunks, new ParallelOptions { MaxDegreeOfParallelism = _threads }, chunk => ActChunk(chunk, t));

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
                    recent[l] += _result.Locations[layout.Location(period, l, k, 1)];
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
                _detection[k * locations + l] = SimulationModel.Detection(_model.BaseDetection[l], eta, kappa, resources[l], _model.Area[l]);
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

        for (int r = 0; r < plan.Routes.Length; r++)
        {
            var route = plan.Routes[r];
            double survival = 1;
            foreach (var l in route.Nodes)
            {
                double belief = (_interdictionMemory[g * locations + l] + m * _model.PriorMean[l]) / (_traversalMemory[g * locations + l] + m);
                survival *= 1 - belief;
            }
            int global = plan.RouteOffset + r;
            _attraction[global] = value * survival - route.Cost - commodity.DangerWeight * value * route.Danger;
            _riskTerm[global] = commodity.Penalty * (1 - survival);

            // Outcome distribution along the route, in walking order (MODEL.md section 4, step 4).
            double reach = 1, cumulative = 0;
            int o = plan.OutcomeStart[r];
            foreach (var l in route.Nodes)
            {
                double p = detection[l];
                cumulative += reach * p;
                _outcomeCdf[o++] = cumulative;
                reach *= 1 - p;
                double d = commodity.CarriesPeople ? danger[l] : 0;
                cumulative += reach * d;
                _outcomeCdf[o++] = cumulative;
                reach *= 1 - d;
            }
        }

        if (!SharesChoice(plan)) return;
        for (int w = 0; w < organization.Od.Count; w++)
            _sharedAbstain[_odWeightStart[g] + w] = CumulativeWeights(plan, w, 1.0, _sharedWeights.AsSpan(plan.RouteOffset));
    }

    /// <summary>When every agent has rho = 1 (sigma = 0) or rho does not matter (F = 0), the logit weights are shared.</summary>
    private bool SharesChoice(OrganizationPlan plan) =>
        plan.Organization.RiskSigma == 0 || _model.Scenario.Commodities[plan.Commodity].Penalty == 0;

    /// <summary>
    /// Writes the cumulative logit weights of od pair w's routes (relative to the organization's first route)
    /// and returns the abstention weight; the largest exponent is subtracted first.
    /// </summary>
    private double CumulativeWeights(OrganizationPlan plan, int w, double risk, Span<double> cumulative)
    {
        int first = plan.OdRouteStart[w], end = plan.OdRouteStart[w + 1];
        double tau = plan.Organization.Temperature, max = 0;
        for (int r = first; r < end; r++)
        {
            double u = _attraction[plan.RouteOffset + r] - risk * _riskTerm[plan.RouteOffset + r];
            if (u > max) max = u;
        }
        double abstain = Math.Exp(-max / tau), total = abstain;
        for (int r = first; r < end; r++)
        {
            double u = _attraction[plan.RouteOffset + r] - risk * _riskTerm[plan.RouteOffset + r];
            total += Math.Exp((u - max) / tau);
            cumulative[r] = total;
        }
        return abstain;
    }

    /// <summary>Picks abstention (-1) or a route of od pair w by inverse CDF on the cumulative weights.</summary>
    private static int Pick(ReadOnlySpan<double> cumulative, int first, int end, double abstain, double u)
    {
        if (end == first) return -1;
        double x = u * cumulative[end - 1];
        if (x < abstain) return -1;
        for (int r = first; r < end - 1; r++)
            if (x < cumulative[r]) return r;
        return end - 1;
    }

    private void ActChunk(Chunk chunk, int t)
    {
        var plan = chunk.Plan;
        var organization = plan.Organization;
        double activity = organization.Activity;
        int incapacitation = organization.Incapacitation;
        bool shared = SharesChoice(plan);
        var sharedWeights = _sharedWeights.AsSpan(plan.RouteOffset, plan.Routes.Length);
        Span<double> ownWeights = shared ? [] : new double[plan.Routes.Length];
        var endings = chunk.Endings;
        Array.Clear(endings);
        long acting = 0, abstentions = 0;

        for (int i = chunk.Start; i < chunk.End; i++)
        {
            if (_freeAt[i] > t) continue;
            ulong key = PeriodKey(AgentKey(_replicationKey, i), t);
            if (Uniform(key, Purpose.Activity) >= activity) continue;
            acting++;

            int w = _od[i];
            int first = plan.OdRouteStart[w], end = plan.OdRouteStart[w + 1];
            double u = Uniform(key, Purpose.Choice);
            int r = shared
                ? Pick(sharedWeights, first, end, _sharedAbstain[_odWeightStart[plan.Index] + w], u)
                : Pick(ownWeights, first, end, CumulativeWeights(plan, w, _risk[i], ownWeights), u);
            if (r < 0)
            {
                abstentions++;
                _freeAt[i] = t + 1;
                continue;
            }

            int o = plan.OutcomeStart[r], stops = 2 * plan.Routes[r].Nodes.Length;
            double walk = Uniform(key, Purpose.Walk);
            int outcome = 0;
            while (outcome < stops && walk >= _outcomeCdf[o + outcome]) outcome++;
            endings[o - plan.OutcomeStart[0] + outcome]++;
            bool interdicted = outcome < stops && (outcome & 1) == 0;
            _freeAt[i] = interdicted ? t + 1 + incapacitation : t + 1;
        }
        chunk.Acting = acting;
        chunk.Abstentions = abstentions;
    }

    /// <summary>Derives the period's counts from the trip endings, records them, and updates the organization's beliefs.</summary>
    private void Record(OrganizationPlan plan, int t)
    {
        var layout = _model.Layout;
        int locations = _model.LocationCount, g = plan.Index, k = plan.Commodity;
        var endings = new long[plan.OutcomeCount];
        long acting = 0, abstentions = 0;
        foreach (var chunk in _chunks)
        {
            if (chunk.Plan != plan) continue;
            acting += chunk.Acting;
            abstentions += chunk.Abstentions;
            for (int j = 0; j < endings.Length; j++) endings[j] += chunk.Endings[j];
        }

        var traversals = new long[locations];
        var interdictions = new long[locations];
        long attempts = 0, successes = 0, interdicted = 0, died = 0;
        var counts = _result.Locations;
        for (int r = 0; r < plan.Routes.Length; r++)
        {
            var nodes = plan.Routes[r].Nodes;
            int o = plan.OutcomeStart[r] - plan.OutcomeStart[0];
            long reached = 0;
            for (int j = 2 * nodes.Length; j >= 0; j--) reached += endings[o + j];
            attempts += reached;
            successes += endings[o + 2 * nodes.Length];
            _result.Routes[layout.Route(t, plan.RouteOffset + r)] = (int)reached;

            for (int j = 0; j < nodes.Length; j++)
            {
                int l = nodes[j];
                long caught = endings[o + 2 * j], dead = endings[o + 2 * j + 1];
                traversals[l] += reached;
                interdictions[l] += caught;
                counts[layout.Location(t, l, k, 0)] += (int)reached;
                counts[layout.Location(t, l, k, 1)] += (int)caught;
                counts[layout.Location(t, l, k, 2)] += (int)dead;
                interdicted += caught;
                died += dead;
                reached -= caught + dead;
            }
        }

        var organizations = _result.Organizations;
        organizations[layout.Organization(t, g, 0)] = (int)acting;
        organizations[layout.Organization(t, g, 1)] = (int)abstentions;
        organizations[layout.Organization(t, g, 2)] = (int)attempts;
        organizations[layout.Organization(t, g, 3)] = (int)successes;
        organizations[layout.Organization(t, g, 4)] = (int)interdicted;
        organizations[layout.Organization(t, g, 5)] = (int)died;
        _result.Decisions += acting;

        // MODEL.md section 4, step 6: fading counts; deaths are not evidence of detection.
        double gamma = plan.Organization.Memory;
        for (int l = 0; l < locations; l++)
        {
            _traversalMemory[g * locations + l] = gamma * _traversalMemory[g * locations + l] + traversals[l];
            _interdictionMemory[g * locations + l] = gamma * _interdictionMemory[g * locations + l] + interdictions[l];
        }
    }

    /// <summary>A contiguous block of one organization's agents with its own counters.</summary>
    private sealed class Chunk(OrganizationPlan plan, int start, int end)
    {
        public OrganizationPlan Plan { get; } = plan;
        public int Start { get; } = start;
        public int End { get; } = end;
        public int[] Endings { get; } = new int[plan.OutcomeCount];
        public long Acting { get; set; }
        public long Abstentions { get; set; }
    }
}
