using static RouteSim.Scenarios.Format.FieldType;

namespace RouteSim.Scenarios.Format;

/// <summary>
/// The scenario file format, key by key: the one definition that the loader checks files against and that
/// the JSON Schema and docs/scenario-format.md are generated from, so the three cannot drift apart.
/// </summary>
public static class ScenarioFormat
{
    /// <summary>Largest population the engine indexes (agents are addressed by int).</summary>
    public const double MaxAgents = int.MaxValue;

    /// <summary>Where an organization's agents travel.</summary>
    public static ObjectSpec OdPair { get; } = new("od pair", "An origin-destination pair an organization serves.",
    [
        new("origin", Id, true, "Id of a node of kind origin."),
        new("destination", Id, true, "Id of a node of kind destination."),
        new("weight", Number, false, "Relative share of the organization's agents assigned this pair at set-up.", Range: Bounds.Positive, Default: "1"),
    ]);

    /// <summary>A location.</summary>
    public static ObjectSpec Node { get; } = new("node", "A location: a node of the directed route graph (docs/model.md section 1).",
    [
        new("id", Id, true, "Unique id, used by edges, od pairs, allocations and events; printable, without ':' or '#' (they separate the parts of route ids)."),
        new("kind", Choice, true, "Role of the location.", Choices: ["origin", "transit", "crossing", "destination"]),
        new("label", Text, false, "Human-readable name for plots and reports.", Default: "the id"),
        new("cost", Number, false, "Cost c paid by a trip passing the node.", "utility units", Bounds.NonNegative, "0"),
        new("base_detection", Number, false, "Detection probability b with no enforcement.", "probability per trip", Bounds.Probability, "0"),
        new("area", Number, false, "Area A the enforcement here must cover (e.g. km of border front); detection depends on resources per area unit, so give it wherever resources stand (with the default 1, 5 units at effectiveness 0.5 detect 92% of trips; docs/model.md section 2).", "area units", Bounds.Positive, "1"),
        new("danger", Number, false, "Chance d that a people-carrying trip dies here.", "probability per trip", Bounds.Probability, "0"),
        new("prior", Number, false, "Prior mean q0 of the organizations' belief of interdiction here.", "probability per trip", Bounds.Probability, "base_detection"),
        new("lat", Number, false, "Latitude (WGS84); give lat and lon together.", "degrees", Bounds.Between(-90, 90)),
        new("lon", Number, false, "Longitude (WGS84); give lat and lon together.", "degrees", Bounds.Between(-180, 180)),
    ]);

    /// <summary>A directed edge.</summary>
    public static ObjectSpec Edge { get; } = new("edge", "A directed edge between two nodes.",
    [
        new("from", Id, true, "Id of the node the edge leaves."),
        new("to", Id, true, "Id of the node the edge enters."),
        new("cost", Number, true, "Cost of taking the edge.", "utility units", Bounds.NonNegative),
    ]);

    /// <summary>A commodity.</summary>
    public static ObjectSpec Commodity { get; } = new("commodity", "What an organization smuggles (docs/model.md section 1).",
    [
        new("id", Id, true, "Unique id, used by organizations."),
        new("value", Number, true, "Payoff V of a delivered load.", "utility units", Bounds.Positive),
        new("penalty", Number, true, "Further loss F when a load is interdicted.", "utility units", Bounds.NonNegative),
        new("detectability", Number, true, "Multiplier kappa on enforcement's detection power.", "", Bounds.Positive),
        new("danger_weight", Number, true, "Weight omega of route danger in the utility.", "", Bounds.NonNegative),
        new("carries_people", Flag, true, "Whether trips carry people (only then can deaths occur)."),
    ]);

    /// <summary>An organization.</summary>
    public static ObjectSpec Organization { get; } = new("organization", "A smuggling organization and how its agents learn (docs/model.md sections 1, 3, 4).",
    [
        new("id", Id, true, "Unique id."),
        new("commodity", Id, true, "Id of the commodity it smuggles."),
        new("agents", Integer, true, "Number N of agents (smuggling cells).", "agents", Bounds.Between(0, MaxAgents)),
        new("od", MappingList, true, "Origin-destination pairs it serves; each agent gets one at set-up, drawn by weight.", Nested: OdPair),
        new("temperature", Number, true, "Logit temperature tau of route choice.", "utility units", Bounds.Positive),
        new("memory", Number, true, "Memory factor gamma: 1 never forgets, smaller forgets faster.", "per period", Bounds.UnitOpenClosed),
        new("prior_strength", Number, true, "Prior strength m of the Beta belief.", "pseudo-traversals", Bounds.Positive),
        new("risk_sigma", Number, true, "Spread sigma of the agents' log-normal risk multiplier (0: all alike).", "", Bounds.NonNegative),
        new("incapacitation", Integer, true, "Periods J an interdicted agent sits out.", "periods", Bounds.Between(0, 1_000_000)),
        new("activity", Number, true, "Probability a that a free agent acts in a period.", "per period", Bounds.UnitOpenClosed),
    ]);

    /// <summary>A scheduled enforcement change.</summary>
    public static ObjectSpec Event { get; } = new("event", "A change applied at the start of a period: set, then add, then effectiveness, then deterrence costs (docs/model.md section 4, step 1).",
    [
        new("period", Integer, true, "Period (0-based) at whose start the change applies.", "periods", Bounds.Between(0, int.MaxValue)),
        new("set", NumberMap, false, "Resources set to these levels, by location id.", "resource units", Bounds.NonNegative),
        new("add", NumberMap, false, "Resources added (negative: withdrawn), by location id.", "resource units", new Bounds(null, false, null, false)),
        new("effectiveness", Number, false, "New effectiveness eta from this period on.", "", Bounds.Positive),
        new("deterrence_cost", NumberMap, false, "Optional deterrence cost added from this period on to every route through the location, on top of its cost; events add up, and routes stay those enumerated at load (docs/model.md section 9).", "utility units", Bounds.NonNegative, "none"),
    ]);

    /// <summary>Adaptive enforcement.</summary>
    public static ObjectSpec Adaptive { get; } = new("adaptive", "Enforcement that moves toward recent seizures (docs/model.md section 6). Off when absent.",
    [
        new("every", Integer, true, "Adapt every this many periods.", "periods", Bounds.Between(1, int.MaxValue)),
        new("fraction", Number, true, "Share phi of resources moved at each adaptation.", "", Bounds.UnitClosed),
        new("floor", Number, false, "Minimum resources kept at each eligible location.", "resource units", Bounds.NonNegative, "0"),
        new("locations", IdList, false, "Eligible locations.", Default: "all crossings"),
    ]);

    /// <summary>Enforcement.</summary>
    public static ObjectSpec Enforcement { get; } = new("enforcement", "Resources on locations and how effective they are (docs/model.md sections 1, 2).",
    [
        new("effectiveness", Number, true, "Effectiveness eta in the detection law p = 1 - (1 - b) exp(-eta kappa E / A) (docs/model.md section 2).", "", Bounds.Positive),
        new("allocation", NumberMap, false, "Resources E at period 0, by location id; other locations have none.", "resource units", Bounds.NonNegative, "{}"),
        new("adaptive", Mapping, false, "Adaptive reallocation.", Default: "off", Nested: Adaptive),
        new("events", MappingList, false, "Scheduled changes, applied in the order written within a period.", Default: "[]", Nested: Event),
    ]);

    /// <summary>Route enumeration.</summary>
    public static ObjectSpec Routing { get; } = new("routing", "How candidate routes are enumerated (docs/model.md section 1).",
    [
        new("routes_per_pair", Integer, false, "K: the most routes kept per od pair (the K cheapest loop-free paths).", "routes", Bounds.Between(1, 1000), "8"),
        new("max_stretch", Number, false, "Routes costing more than this times the cheapest are dropped.", "", Bounds.AtLeast(1), "3"),
    ]);

    /// <summary>The whole file.</summary>
    public static ObjectSpec Scenario { get; } = new("scenario", "A RouteSim scenario: network, organizations, enforcement and run settings.",
    [
        new("name", Text, true, "Title of the scenario, shown in reports."),
        new("description", Text, false, "What the scenario represents.", Default: "\"\""),
        new("sources", TextList, false, "Where the figures come from.", Default: "[]"),
        new("periods", Integer, true, "Number of periods simulated.", "periods", Bounds.Between(1, 1_000_000)),
        new("period_unit", Text, true, "What one period stands for (day, week, month), used in labels."),
        new("start_date", Text, false, "The calendar day period 0 starts on, as YYYY-MM-DD: reports then give dates (period_unit day, week, month or year).", Default: "none"),
        new("replications", Integer, true, "Monte Carlo replications (the command line may override).", "", Bounds.Between(1, 10_000_000)),
        new("seed", Integer, true, "Master seed of the random streams (the command line may override).", "", Bounds.Between(0, long.MaxValue)),
        new("routing", Mapping, false, "Route enumeration settings.", Default: "K = 8, max_stretch = 3", Nested: Routing),
        new("nodes", MappingList, true, "The locations.", Nested: Node),
        new("edges", MappingList, true, "The directed edges.", Nested: Edge),
        new("commodities", MappingList, true, "The commodities.", Nested: Commodity),
        new("organizations", MappingList, true, "The smuggling organizations.", Nested: Organization),
        new("enforcement", Mapping, true, "Enforcement resources, effectiveness, adaptation and events.", Nested: Enforcement),
    ]);

    /// <summary>Every object spec, outermost first, for the docs.</summary>
    public static IReadOnlyList<ObjectSpec> All { get; } =
        [Scenario, Routing, Node, Edge, Commodity, Organization, OdPair, Enforcement, Adaptive, Event];
}
