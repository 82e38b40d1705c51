using RouteSim.Core.Engine;
using RouteSim.Core.Model;
using RouteSim.Core.Network;
using RouteSim.Scenarios.Format;
using RouteSim.Scenarios.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RouteSim.Scenarios;

/// <summary>
/// Turns scenario text into a validated <see cref="Scenario"/> and its <see cref="CompiledScenario"/>, or into the full list of
/// problems: YAML syntax, unknown or missing keys, wrong types, values out of range, references to unknown
/// ids, duplicates, od pairs without a route, events past the end, and populations too large for memory.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Loads scenario text; <paramref name="file"/> names it in error messages.</summary>
    public static LoadResult Load(string text, string file, LoadOptions? options = null)
    {
        var diagnostics = new Diagnostics(file);
        var root = Parse(text, diagnostics, "a scenario needs name, periods, nodes, edges, commodities, organizations, enforcement");
        return root is null ? Failed(diagnostics) : Load(root, file, options, diagnostics);
    }

    /// <summary>Loads a scenario already parsed to YAML nodes (for example, a template with parameters set); positions refer to those nodes.</summary>
    public static LoadResult Load(YamlNode root, string file, LoadOptions? options = null) =>
        Load(root, file, options, new Diagnostics(file));

    private static LoadResult Load(YamlNode root, string file, LoadOptions? options, Diagnostics diagnostics)
    {
        options ??= LoadOptions.ForThisMachine();
        var reader = MappingReader.Open(root, ScenarioFormat.Scenario, "", diagnostics);
        if (reader is null) return Failed(diagnostics);
        var scenario = new Reading(reader, diagnostics).Scenario();
        if (!diagnostics.Ok || scenario is null) return Failed(diagnostics);

        var model = CheckRoutesAndSize(scenario, diagnostics, options);
        return diagnostics.Ok ? new LoadResult(scenario, model, []) : Failed(diagnostics);
    }

    /// <summary>
    /// Parses one YAML document, turning every syntax problem (and YamlDotNet's own failures on junk) into a
    /// located error; null when the text is not a single readable document.
    /// </summary>
    /// <param name="whenEmpty">What an empty file is missing, for its error message.</param>
    public static YamlNode? Parse(string text, Diagnostics diagnostics, string whenEmpty)
    {
        YamlNode? root;
        var parser = new DepthLimitedParser(new Parser(new StringReader(text)));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            if (stream.Documents.Count == 0)
            {
                diagnostics.Error(SourcePosition.Start, "", $"the file is empty: {whenEmpty}");
                return null;
            }
            if (stream.Documents.Count > 1)
                diagnostics.Error(MappingReader.At(stream.Documents[1].RootNode), "", "the file must hold one YAML document; remove the second '---' and what follows");
            root = stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var at = new SourcePosition((int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column));
            if (YamlSyntax.TabIndentation(text, e) is { } tab)
                diagnostics.Error(tab, "", "YAML syntax: a tab indents this line; YAML indents with spaces only");
            else
                diagnostics.Error(at, "", $"YAML syntax: {YamlMessage(e)}{YamlSyntax.Hint(text, e)}");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            // YamlDotNet fails this way on some malformed input; point at the last token it read.
            var mark = parser.Current?.End;
            var at = mark is null ? SourcePosition.Start : new SourcePosition((int)Math.Max(1, mark.Value.Line), (int)Math.Max(1, mark.Value.Column));
            diagnostics.Error(at, "", "YAML syntax: the text after this point cannot be read as YAML");
            return null;
        }
        return diagnostics.Ok ? root : null;
    }

    private static LoadResult Failed(Diagnostics diagnostics) => new(null, null, diagnostics.Errors);

    /// <summary>YamlDotNet's message without its own position prefix (we print ours).</summary>
    private static string YamlMessage(YamlException e)
    {
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        int cut = message.IndexOf("): ", StringComparison.Ordinal);
        return (message.StartsWith("(Line", StringComparison.Ordinal) && cut > 0 ? message[(cut + 3)..] : message).Trim();
    }

    private static CompiledScenario? CheckRoutesAndSize(Scenario scenario, Diagnostics diagnostics, LoadOptions options)
    {
        long agents = scenario.Organizations.Sum(o => (long)o.Agents);
        if (agents > ScenarioFormat.MaxAgents)
        {
            diagnostics.Error("organizations", $"{agents:N0} agents in all; at most {ScenarioFormat.MaxAgents:N0} are supported");
            return null;
        }

        // Size what the run needs from the scenario alone, before enumerating routes or allocating agents.
        long routeBound = scenario.Organizations.Sum(o => (long)o.Od.Count) * scenario.Routing.RoutesPerPair;
        long cells = (long)scenario.Nodes.Count * scenario.Commodities.Count * 3 + scenario.Organizations.Count * 6L + routeBound;
        int concurrent = Math.Min(options.ConcurrentReplications, scenario.Replications);
        if (TooLarge(MemoryEstimate.LowerBound(agents, scenario.Periods, cells, concurrent), "at least ")) return null;

        // Route costs C_r are sums of edge and node costs; if every cost together stays finite, no route's can overflow.
        double costs = scenario.Edges.Sum(e => e.Cost) + scenario.Nodes.Sum(n => n.Cost);
        if (!double.IsFinite(costs))
        {
            diagnostics.Error("edges", $"the edge and node costs add up past the largest number the arithmetic carries ({double.MaxValue:G3}), so a route's cost could be infinite; use a larger cost unit (smaller numbers)");
            return null;
        }

        var model = CompiledScenario.Build(scenario);
        if (TooLarge(MemoryEstimate.Bytes(model, concurrent), "about ")) return null;
        for (int g = 0; g < scenario.Organizations.Count; g++)
        {
            var pairs = model.Catalog.Organizations[g].Pairs;
            for (int w = 0; w < pairs.Count; w++)
                if (pairs[w].Routes.Length == 0)
                    diagnostics.Error($"organizations[{g}].od[{w}]",
                        $"no route from {pairs[w].Pair.Origin} to {pairs[w].Pair.Destination}: no chain of edges joins them");
        }
        return model;

        bool TooLarge(double need, string qualifier)
        {
            if (need <= options.MemoryBudgetBytes) return false;
            diagnostics.Error("organizations",
                $"this run needs {qualifier}{Gigabytes(need)} of memory ({agents:N0} agents, {scenario.Periods:N0} periods, {concurrent} replication{(concurrent == 1 ? "" : "s")} at a time" +
                $"{(qualifier == "about " ? $", {(MemoryEstimate.Margin - 1) * 100:0}% margin included" : "")}), more than the {Gigabytes(options.MemoryBudgetBytes)} available; use fewer agents or periods{(concurrent > 1 ? ", or fewer --threads (each thread holds a replication)" : "")}");
            return true;
        }
    }

    private static string Gigabytes(double bytes) => $"{bytes / (1L << 30):0.0} GiB";

    /// <summary>One pass over the file's mappings, building records and checking references as it goes.</summary>
    private sealed class Reading(MappingReader root, Diagnostics diagnostics)
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
                if (!e.Has("set") && !e.Has("add") && !e.Has("effectiveness"))
                    diagnostics.Error(e.Position, e.Path, "an event must set, add or change effectiveness");
                events.Add(new EnforcementEvent(period, LocationMap(e.NumberMap("set")), LocationMap(e.NumberMap("add")), e.OptionalNumber("effectiveness")));
            }
            CheckLevelsStayNonNegative(allocation, events, r);
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
}
