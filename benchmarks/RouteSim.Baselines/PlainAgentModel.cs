using MathNet.Numerics.Random;
using RouteSim.Core.Engine;
using RouteSim.Core.Model;
using RouteSim.Core.Network;

namespace RouteSim.Baselines;

/// <summary>
/// docs/model.md sections 1-7 written the plain way: one object per agent, routes as lists of location objects, one
/// Math.Exp per option, the walk drawn node by node, a seeded generator object per replication.
/// </summary>
/// <remarks>
/// The baseline for the engine's speed (what a straightforward object program of the model manages) and a second
/// implementation its means must agree with. It shares only the route enumeration (tested on its own against
/// brute force) and the scenario records; detection, beliefs, choice, walk, learning, events and adaptation are
/// written again from the model text. Its random numbers are MathNet's Xoshiro256** seeded per replication, so it
/// agrees with the engine in distribution, not draw by draw.
/// </remarks>
public sealed class PlainAgentModel
{
    private readonly Scenario _scenario;
    private readonly List<Location> _locations;
    private readonly Dictionary<string, Location> _byId;
    private readonly List<OrganizationSpec> _organizations = [];

    /// <summary>Prepares a scenario; routes come from RouteSim's catalogue of it.</summary>
    public PlainAgentModel(Scenario scenario)
    {
        _scenario = scenario;
        var network = RouteNetwork.Build(scenario.Nodes, scenario.Edges);
        var catalog = RouteCatalog.Build(scenario, network);
        _locations = scenario.Nodes.Select((n, i) => new Location(n, i)).ToList();
        _byId = _locations.ToDictionary(l => l.Node.Id, StringComparer.Ordinal);
        foreach (var routes in catalog.Organizations)
        {
            var organization = routes.Organization;
            var commodity = scenario.Commodities.First(c => c.Id == organization.Commodity);
            var pairs = routes.Pairs.Select(p => new PairSpec(p.Pair.Weight, p.Routes.Select(r => new PlainRoute(
                r.Nodes.Select(i => _byId[network.Nodes[i].Id]).ToList(), r.Cost, r.Danger)).ToList())).ToList();
            _organizations.Add(new OrganizationSpec(organization, commodity, scenario.Commodities.ToList().IndexOf(commodity), pairs));
        }
    }

    /// <summary>Location ids, in scenario order (the first index of <see cref="PlainTotals.Locations"/>).</summary>
    public IReadOnlyList<string> LocationIds => _locations.Select(l => l.Node.Id).ToList();

    /// <summary>Runs one replication and returns its totals over all periods (one replication at a time: locations hold the resources).</summary>
    public PlainTotals Run(ulong seed, int replication)
    {
        var random = new Xoshiro256StarStar((int)(RouteSim.Core.Randomness.CounterRng.Mix(seed * 1_000_003 + (ulong)replication) & int.MaxValue), false);
        int commodities = _scenario.Commodities.Count;
        var totals = new PlainTotals(_locations.Count, commodities, _organizations.Count);
        foreach (var location in _locations)
        {
            location.Resources = _scenario.Enforcement.Allocation.GetValueOrDefault(location.Node.Id);
            location.DeterrenceCost = 0;
        }
        double effectiveness = _scenario.Enforcement.Effectiveness;
        var recentInterdictions = new List<Dictionary<Location, long>>();

        var states = _organizations.Select((spec, g) => new OrganizationState(spec, g, random, _locations)).ToList();
        for (int t = 0; t < _scenario.Periods; t++)
        {
            foreach (var e in _scenario.Enforcement.Events.Where(e => e.Period == t))
            {
                foreach (var (id, level) in e.Set) _byId[id].Resources = level;
                foreach (var (id, amount) in e.Add) _byId[id].Resources = Math.Max(0, _byId[id].Resources + amount);
                if (e.Effectiveness is { } eta) effectiveness = eta;
                foreach (var (id, cost) in e.DeterrenceCost ?? new Dictionary<string, double>()) _byId[id].DeterrenceCost += cost;
            }
            if (_scenario.Enforcement.Adaptive is { } policy && t > 0 && t % policy.Every == 0)
                Adapt(policy, recentInterdictions.TakeLast(policy.Every));

            var interdictedNow = new Dictionary<Location, long>();
            foreach (var state in states)
                state.Move(t, effectiveness, random, totals, interdictedNow);
            foreach (var state in states) state.Learn();
            recentInterdictions.Add(interdictedNow);
        }
        return totals;
    }

    /// <summary>docs/model.md section 6.</summary>
    private void Adapt(AdaptivePolicy policy, IEnumerable<Dictionary<Location, long>> recent)
    {
        var eligible = policy.Locations.Count > 0
            ? policy.Locations.Select(id => _byId[id]).ToList()
            : _locations.Where(l => l.Node.Kind == NodeKind.Crossing).ToList();
        var seized = eligible.ToDictionary(l => l, l => recent.Sum(period => period.GetValueOrDefault(l)) + 1.0);
        double total = eligible.Sum(l => l.Resources), weights = seized.Values.Sum();
        foreach (var l in eligible) l.Resources = (1 - policy.Fraction) * l.Resources + policy.Fraction * total * seized[l] / weights;
        var below = eligible.Where(l => l.Resources < policy.Floor).ToList();
        if (below.Count == 0) return;
        double rest = eligible.Except(below).Sum(l => l.Resources);
        double scale = rest > 0 ? Math.Max(0, total - policy.Floor * below.Count) / rest : 0;
        foreach (var l in eligible) l.Resources = below.Contains(l) ? policy.Floor : l.Resources * scale;
    }

    private sealed class Location(Node node, int index)
    {
        public Node Node { get; } = node;
        public int Index { get; } = index;
        public double Resources { get; set; }

        /// <summary>docs/model.md section 9: the deterrence costs events have added here so far (utility units).</summary>
        public double DeterrenceCost { get; set; }

        public double Detection(double effectiveness, Commodity commodity) =>
            1 - (1 - Node.BaseDetection) * Math.Exp(-effectiveness * commodity.Detectability * Resources / Node.Area);
    }

    private sealed record PlainRoute(List<Location> Nodes, double Cost, double Danger);

    private sealed record PairSpec(double Weight, List<PlainRoute> Routes);

    private sealed record OrganizationSpec(Organization Organization, Commodity Commodity, int CommodityIndex, List<PairSpec> Pairs);

    private sealed class Agent
    {
        public required PairSpec Pair { get; init; }
        public required double Rho { get; init; }
        public int FreeAt { get; set; }
    }

    /// <summary>An organization's agents and beliefs during one replication.</summary>
    private sealed class OrganizationState
    {
        private readonly OrganizationSpec _spec;
        private readonly int _index;
        private readonly List<Agent> _agents = [];
        private readonly List<Location> _locations;
        private readonly Dictionary<Location, double> _traversals = [], _interdictions = [];
        private readonly Dictionary<Location, long> _traversedNow = [], _interdictedNow = [];

        public OrganizationState(OrganizationSpec spec, int index, System.Random random, List<Location> locations)
        {
            _spec = spec;
            _index = index;
            _locations = locations;
            double totalWeight = spec.Pairs.Sum(p => p.Weight);
            for (int i = 0; i < spec.Organization.Agents; i++)
            {
                double u = random.NextDouble() * totalWeight;
                var pair = spec.Pairs[^1];
                foreach (var candidate in spec.Pairs)
                {
                    if (u < candidate.Weight) { pair = candidate; break; }
                    u -= candidate.Weight;
                }
                double sigma = spec.Organization.RiskSigma;
                double z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                _agents.Add(new Agent { Pair = pair, Rho = sigma == 0 ? 1 : Math.Exp(sigma * z) });
            }
            foreach (var l in locations)
            {
                _traversals[l] = 0;
                _interdictions[l] = 0;
            }
        }

        private double Belief(Location l)
        {
            double m = _spec.Organization.PriorStrength;
            return (_interdictions[l] + m * (l.Node.Prior ?? l.Node.BaseDetection)) / (_traversals[l] + m);
        }

        public void Move(int t, double effectiveness, System.Random random, PlainTotals totals, Dictionary<Location, long> interdictedAll)
        {
            var organization = _spec.Organization;
            var commodity = _spec.Commodity;
            int g = _index;
            _traversedNow.Clear();
            _interdictedNow.Clear();
            var survival = _spec.Pairs.SelectMany(p => p.Routes).Distinct().ToDictionary(r => r, r => r.Nodes.Aggregate(1.0, (s, l) => s * (1 - Belief(l))));
            foreach (var agent in _agents)
            {
                if (agent.FreeAt > t || random.NextDouble() >= organization.Activity) continue;
                totals.Organizations[g, (int)OrganizationMetric.Acting]++;

                var routes = agent.Pair.Routes;
                var utilities = new double[routes.Count + 1];
                for (int r = 0; r < routes.Count; r++)
                {
                    double s = survival[routes[r]];
                    utilities[r + 1] = commodity.Value * s - agent.Rho * commodity.Penalty * (1 - s) - routes[r].Cost - routes[r].Nodes.Sum(l => l.DeterrenceCost)
                        - commodity.DangerWeight * commodity.Value * routes[r].Danger;
                }
                double max = utilities.Max(), z = 0;
                var weights = utilities.Select(u => Math.Exp((u - max) / organization.Temperature)).ToArray();
                foreach (var w in weights) z += w;
                double pick = random.NextDouble() * z;
                int choice = 0;
                while (choice < weights.Length - 1 && pick >= weights[choice])
                {
                    pick -= weights[choice];
                    choice++;
                }
                agent.FreeAt = t + 1;
                if (choice == 0)
                {
                    totals.Organizations[g, (int)OrganizationMetric.Abstentions]++;
                    continue;
                }

                totals.Organizations[g, (int)OrganizationMetric.Attempts]++;
                bool ended = false;
                foreach (var l in routes[choice - 1].Nodes)
                {
                    _traversedNow[l] = _traversedNow.GetValueOrDefault(l) + 1;
                    totals.Locations[l.Index, _spec.CommodityIndex, (int)LocationMetric.Traversals]++;
                    if (random.NextDouble() < l.Detection(effectiveness, commodity))
                    {
                        _interdictedNow[l] = _interdictedNow.GetValueOrDefault(l) + 1;
                        interdictedAll[l] = interdictedAll.GetValueOrDefault(l) + 1;
                        totals.Locations[l.Index, _spec.CommodityIndex, (int)LocationMetric.Interdictions]++;
                        totals.Organizations[g, (int)OrganizationMetric.Interdictions]++;
                        agent.FreeAt = t + 1 + organization.Incapacitation;
                        ended = true;
                        break;
                    }
                    if (commodity.CarriesPeople && random.NextDouble() < l.Node.Danger)
                    {
                        totals.Locations[l.Index, _spec.CommodityIndex, (int)LocationMetric.Deaths]++;
                        totals.Organizations[g, (int)OrganizationMetric.Deaths]++;
                        ended = true;
                        break;
                    }
                }
                if (!ended) totals.Organizations[g, (int)OrganizationMetric.Successes]++;
            }
        }

        public void Learn()
        {
            double gamma = _spec.Organization.Memory;
            foreach (var l in _locations)
            {
                _traversals[l] = gamma * _traversals[l] + _traversedNow.GetValueOrDefault(l);
                _interdictions[l] = gamma * _interdictions[l] + _interdictedNow.GetValueOrDefault(l);
            }
        }
    }
}

/// <summary>
/// One replication's totals over all periods: by location, commodity and metric, and by organization and metric,
/// indexed and sized as <see cref="Metrics"/>' tables. A count added there is zero here until this model counts it
/// too, and IndependentImplementationTests then fails on it.
/// </summary>
public sealed class PlainTotals(int locations, int commodities, int organizations)
{
    /// <summary>[location, commodity, metric].</summary>
    public long[,,] Locations { get; } = new long[locations, commodities, Metrics.LocationCount];

    /// <summary>[organization, metric].</summary>
    public long[,] Organizations { get; } = new long[organizations, Metrics.OrganizationCount];

    /// <summary>Agent decisions: acting agents summed over periods and organizations.</summary>
    public long Decisions
    {
        get
        {
            long sum = 0;
            for (int g = 0; g < Organizations.GetLength(0); g++) sum += Organizations[g, (int)OrganizationMetric.Acting];
            return sum;
        }
    }
}
