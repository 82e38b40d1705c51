using RouteSim.Core.Model;

namespace RouteSim.Core.Tests.Support;

/// <summary>Small scenarios built in code for known-answer tests.</summary>
public static class TestScenarios
{
    public static Commodity Migrants(double value = 20, double penalty = 5, double dangerWeight = 0) =>
        new("migrants", value, penalty, 1.0, dangerWeight, true);

    public static Commodity Drugs(double value = 20, double penalty = 5) => new("drugs", value, penalty, 1.0, 0, false);

    public static Organization Org(
        int agents,
        string commodity = "migrants",
        double temperature = 2,
        double memory = 0.9,
        double priorStrength = 10,
        double riskSigma = 0,
        int incapacitation = 0,
        double activity = 1,
        IReadOnlyList<OdPair>? od = null) =>
        new("org", commodity, agents, od ?? [new OdPair("O", "D", 1)], temperature, memory, priorStrength, riskSigma, incapacitation, activity);

    /// <summary>O -> X_i -> D for each crossing given, every edge of cost 1.</summary>
    public static Scenario Parallel(
        IReadOnlyList<Node> crossings,
        Organization organization,
        Commodity commodity,
        Enforcement? enforcement = null,
        int periods = 10,
        Routing? routing = null)
    {
        var nodes = new List<Node> { new("O", NodeKind.Origin) };
        nodes.AddRange(crossings);
        nodes.Add(new Node("D", NodeKind.Destination));
        var edges = crossings.SelectMany(x => new[] { new Edge("O", x.Id, 1), new Edge(x.Id, "D", 1) }).ToArray();
        return new Scenario("test", "", [], periods, "day", 10, 1, routing ?? new Routing(), nodes, edges, [commodity], [organization with { Commodity = commodity.Id }],
            enforcement ?? Enforcement.None);
    }

    public static Node Crossing(string id, double cost = 1, double b = 0.05, double area = 10, double danger = 0, double? prior = null) =>
        new(id, NodeKind.Crossing, cost, b, area, danger, prior);

    public static Enforcement Allocation(double effectiveness, params (string Id, double Amount)[] allocation) =>
        new(effectiveness, allocation.ToDictionary(a => a.Id, a => a.Amount), null, []);
}
