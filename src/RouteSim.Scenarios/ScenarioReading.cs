using RouteSim.Core.Model;
using RouteSim.Scenarios.Yaml;

namespace RouteSim.Scenarios;

/// <summary>One pass over the file's mappings, building records and checking references as it goes.</summary>
internal sealed class ScenarioReading(MappingReader root, Diagnostics diagnostics)
{
    private readonly Dictionary<string, Node> _nodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _commodities = new(StringComparer.Ordinal);

    public Scenario? Scenario()
    {
        string name = root.Text("name");
        if (root.Has("name") && name.Trim().Length == 0) diagnostics.Error(root.PathOf("name"), "must not be empty");
        string description = root.Text("description");
        var sources = root.Texts("sources").Select(s => s.Text).ToArray();
        int periods = (int)root.Integer("periods");
        string periodUnit = root.Text("period_unit", "period");
        var startDate = ReadStartDate(periodUnit);
        int replications = (int)root.Integer("replications");
        long seed = root.Integer("seed");
        var routing = ReadRouting(root.Object("routing"));

        var nodes = root.Objects("nodes").Select(ReadNode).OfType<Node>().ToArray();
        if (root.Has("nodes") && nodes.Length == 0 && diagnostics.Ok) diagnostics.Error("nodes", "a scenario needs at least one node");
        var edges = ReadEdges(root.Objects("edges"));
        var commodities = root.Objects("commodities").Select(ReadCommodity).OfType<Commodity>().ToArray();
        if (root.Has("commodities") && commodities.Length == 0 && diagnostics.Ok) diagnostics.Error("commodities", "a scenario needs at least one commodity");
        var organizations = ReadOrganizations(root.Objects("organizations"));
        if (root.Has("organizations") && organizations.Length == 0 && diagnostics.Ok) diagnostics.Error("organizations", "a scenario needs at least one organization");
        var enforcement = root.Object("enforcement") is { } e ? ReadEnforcement(e, periods) : Enforcement.None;

        if (!diagnostics.Ok) return null;
        return new Scenario(name, description, sources, periods, periodUnit, replications, (ulong)seed, routing,
            nodes, edges, commodities, organizations, enforcement, startDate);
    }

    private DateOnly? ReadStartDate(string periodUnit)
    {
        if (!root.Has("start_date")) return null;
        string text = root.Text("start_date").Trim();
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            diagnostics.Error(root.PathOf("start_date"), $"'{text}' is not a date written YYYY-MM-DD, such as 2025-01-01");
            return null;
        }
        if (!PeriodCalendar.HasDates(periodUnit))
        {
            diagnostics.Error(root.PathOf("start_date"), $"a start date needs periods of a calendar unit ({string.Join(", ", PeriodCalendar.Units)}), not '{periodUnit}'");
            return null;
        }
        return date;
    }

    private static Routing ReadRouting(MappingReader? r) => r is null
        ? new Routing()
        : new Routing((int)r.Integer("routes_per_pair", Routing.DefaultRoutesPerPair), r.Number("max_stretch", Routing.DefaultMaxStretch));

    private Node? ReadNode(MappingReader r)
    {
        string id = r.Text("id");
        string kind = r.Text("kind");
        var node = new Node(
            id,
            Enum.TryParse<NodeKind>(kind, ignoreCase: true, out var k) ? k : NodeKind.Transit,
            r.Number("cost", 0),
            r.Number("base_detection", 0),
            r.Number("area", 1),
            r.Number("danger", 0),
            r.OptionalNumber("prior"),
            r.OptionalNumber("lat"),
            r.OptionalNumber("lon"),
            r.Has("label") ? r.Text("label") : null);
        if (r.Has("lat") != r.Has("lon"))
            diagnostics.Error(r.PositionOf(r.Has("lat") ? "lat" : "lon"), r.Path, "give lat and lon together, or neither");
        if (id.Length == 0) return null;
        if (!_nodes.TryAdd(id, node))
        {
            diagnostics.Error(r.PositionOf("id"), r.PathOf("id"), $"duplicate node id '{id}'");
            return null;
        }
        return node;
    }

    private Edge[] ReadEdges(IReadOnlyList<MappingReader> readers)
    {
        var seen = new HashSet<(string, string)>();
        var edges = new List<Edge>();
        foreach (var r in readers)
        {
            string from = r.Text("from"), to = r.Text("to");
            double cost = r.Number("cost");
            bool known = KnownNode(r, "from", from) & KnownNode(r, "to", to);
            if (!known) continue;
            if (from == to)
                diagnostics.Error(r.PositionOf("to"), r.Path, $"edge from {from} to itself; routes are loop-free");
            else if (!seen.Add((from, to)))
                diagnostics.Error(r.PositionOf("from"), r.Path, $"duplicate edge {from} -> {to}; give each pair of nodes one edge per direction");
            else
                edges.Add(new Edge(from, to, cost));
        }
        return [.. edges];
    }

    private bool KnownNode(MappingReader r, string key, string id)
    {
        if (id.Length == 0) return false;
        if (_nodes.ContainsKey(id)) return true;
        diagnostics.Error(r.PositionOf(key), r.PathOf(key), $"unknown node '{id}'");
        return false;
    }

    private Commodity? ReadCommodity(MappingReader r)
    {
        var commodity = new Commodity(r.Text("id"), r.Number("value"), r.Number("penalty"), r.Number("detectability"),
            r.Number("danger_weight"), r.Flag("carries_people"));
        if (commodity.Id.Length == 0) return null;
        if (!_commodities.Add(commodity.Id))
        {
            diagnostics.Error(r.PositionOf("id"), r.PathOf("id"), $"duplicate commodity id '{commodity.Id}'");
            return null;
        }
        return commodity;
    }

    private Organization[] ReadOrganizations(IReadOnlyList<MappingReader> readers)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var organizations = new List<Organization>();
        foreach (var r in readers)
        {
            string id = r.Text("id");
            if (id.Length > 0 && !ids.Add(id)) diagnostics.Error(r.PositionOf("id"), r.PathOf("id"), $"duplicate organization id '{id}'");
            string commodity = r.Text("commodity");
            if (commodity.Length > 0 && !_commodities.Contains(commodity))
                diagnostics.Error(r.PositionOf("commodity"), r.PathOf("commodity"), $"unknown commodity '{commodity}'");

            var od = new List<OdPair>();
            var pairs = new HashSet<(string, string)>();
            if (r.Has("od") && r.Objects("od") is { Count: 0 } && diagnostics.Ok)
                diagnostics.Error(r.PositionOf("od"), r.PathOf("od"), "an organization needs at least one od pair");
            foreach (var p in r.Objects("od"))
            {
                string origin = p.Text("origin"), destination = p.Text("destination");
                double weight = p.Number("weight", 1);
                bool ok = NodeOfKind(p, "origin", origin, NodeKind.Origin) & NodeOfKind(p, "destination", destination, NodeKind.Destination);
                if (ok && !pairs.Add((origin, destination)))
                    diagnostics.Error(p.Position, p.Path, $"od pair {origin} -> {destination} is listed twice");
                od.Add(new OdPair(origin, destination, weight));
            }
            if (!double.IsFinite(od.Sum(p => p.Weight)))
                diagnostics.Error(r.PositionOf("od"), r.PathOf("od"), $"the od weights add up past the largest number the arithmetic carries ({double.MaxValue:G3}); weights are relative, so scale them down");
            if (od.Count > ushort.MaxValue) diagnostics.Error(r.PositionOf("od"), r.PathOf("od"), $"at most {ushort.MaxValue} od pairs per organization");

            organizations.Add(new Organization(id, commodity, (int)Math.Max(0, r.Integer("agents")), od,
                r.Number("temperature"), r.Number("memory"), r.Number("prior_strength"), r.Number("risk_sigma"),
                (int)r.Integer("incapacitation"), r.Number("activity")));
        }
        return [.. organizations];
    }

    private bool NodeOfKind(MappingReader r, string key, string id, NodeKind kind)
    {
        if (!KnownNode(r, key, id)) return false;
        var actual = _nodes[id].Kind;
        if (actual == kind) return true;
        diagnostics.Error(r.PositionOf(key), r.PathOf(key), $"node '{id}' is a {actual.ToString().ToLowerInvariant()}, not an {kind.ToString().ToLowerInvariant()}".Replace("an destination", "a destination", StringComparison.Ordinal));
        return false;
    }

    private Enforcement ReadEnforcement(MappingReader r, int periods)
    {
        double effectiveness = r.Number("effectiveness");
        var allocation = LocationMap(r.NumberMap("allocation"));
        AdaptivePolicy? adaptive = null;
        if (r.Object("adaptive") is { } a)
        {
            var locations = a.Texts("locations");
            foreach (var (id, path) in locations)
                if (!_nodes.ContainsKey(id)) diagnostics.Error(path, $"unknown node '{id}'");
            adaptive = new AdaptivePolicy((int)a.Integer("every"), a.Number("fraction"), a.Number("floor", 0), locations.Select(l => l.Text).ToArray());
        }

        var events = new List<EnforcementEvent>();
        foreach (var e in r.Objects("events"))
        {
            int period = (int)e.Integer("period");
            if (periods > 0 && period >= periods)
                diagnostics.Error(e.PositionOf("period"), e.PathOf("period"), $"period {period} is past the last period ({periods - 1}; periods are numbered from 0)");
            // A key written with nothing in it would make an event that does nothing and passes silently; a
            // misspelt key has been reported already, so the event is not also told it lacks a change.
            // (An effectiveness with no value is refused where the number is read.)
            string[] maps = ["set", "add", "deterrence_cost"];
            foreach (var key in maps.Where(e.IsEmpty))
                diagnostics.Error(e.PositionOf(key), e.PathOf(key), $"'{key}' is empty: give at least one location and amount, e.g. {key}: {{ X1: 3 }}, or leave the key out");
            if (!e.HasUnknownKey && !maps.Any(e.Has) && !e.Has("effectiveness"))
                diagnostics.Error(e.Position, e.Path, "an event must set, add, change effectiveness or add a deterrence cost");
            var deterrence = e.Has("deterrence_cost") ? LocationMap(e.NumberMap("deterrence_cost")) : null;
            events.Add(new EnforcementEvent(period, LocationMap(e.NumberMap("set")), LocationMap(e.NumberMap("add")), e.OptionalNumber("effectiveness"), deterrence));
        }
        CheckLevelsStayNonNegative(allocation, events, r);
        CheckDeterrenceStaysFinite(events, r);
        return new Enforcement(effectiveness, allocation, adaptive, events);
    }

    private Dictionary<string, double> LocationMap(IReadOnlyList<(string Id, double Value, string Path)> items)
    {
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (id, value, path) in items)
        {
            if (!_nodes.ContainsKey(id)) diagnostics.Error(path, $"unknown node '{id}'");
            else map[id] = value;
        }
        return map;
    }

    /// <summary>Deterrence costs add up over events; the sum at a location must stay a number the arithmetic carries.</summary>
    private void CheckDeterrenceStaysFinite(List<EnforcementEvent> events, MappingReader r)
    {
        var total = new Dictionary<string, double>(StringComparer.Ordinal);
        var order = events.Select((e, i) => (e, i)).OrderBy(p => p.e.Period).ThenBy(p => p.i);
        foreach (var (e, i) in order)
            foreach (var (id, cost) in e.DeterrenceCost ?? new Dictionary<string, double>())
            {
                double now = total.GetValueOrDefault(id) + cost;
                if (double.IsInfinity(now))
                {
                    diagnostics.Error($"{r.PathOf("events")}[{i}].deterrence_cost.{id}", $"takes the deterrence cost at {id} past the largest number the arithmetic carries ({double.MaxValue:G3}) at period {e.Period}");
                    return;
                }
                total[id] = now;
            }
    }

    /// <summary>Replays the schedule: an 'add' may withdraw resources, but never below zero.</summary>
    private void CheckLevelsStayNonNegative(Dictionary<string, double> allocation, List<EnforcementEvent> events, MappingReader r)
    {
        var level = new Dictionary<string, double>(allocation, StringComparer.Ordinal);
        var order = events.Select((e, i) => (e, i)).OrderBy(p => p.e.Period).ThenBy(p => p.i);
        foreach (var (e, i) in order)
        {
            foreach (var (id, value) in e.Set) level[id] = value;
            foreach (var (id, amount) in e.Add)
            {
                double now = level.GetValueOrDefault(id) + amount;
                if (double.IsInfinity(now))
                    diagnostics.Error($"{r.PathOf("events")}[{i}].add.{id}", $"takes {id} past the largest number the arithmetic carries ({double.MaxValue:G3}) at period {e.Period}; use a larger resource unit (smaller numbers)");
                else if (now < -1e-9)
                    diagnostics.Error($"{r.PathOf("events")}[{i}].add.{id}", $"takes {id} below zero ({now:G6}) at period {e.Period}");
                level[id] = double.IsInfinity(now) ? 0 : Math.Max(0, now);
            }
        }
    }
}
