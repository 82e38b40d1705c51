using RouteSim.Analysis.Counterfactuals;
using RouteSim.Core.Engine;
using RouteSim.Core.Model;

namespace RouteSim.Analysis.Tests.Counterfactuals;

/// <summary>Builds paired scenarios in code and compares them.</summary>
public static class Arms
{
    public static Node Crossing(string id, double cost = 1, double b = 0.05, double area = 10, double danger = 0) =>
        new(id, NodeKind.Crossing, cost, b, area, danger);

    public static Scenario Parallel(IReadOnlyList<Node> crossings, Enforcement enforcement, int agents = 2000, double value = 20,
        int incapacitation = 0, int periods = 40, double temperature = 1, double memory = 0.8) =>
        new("arm", "", [], periods, "day", 30, 11, new Routing(),
            [new Node("O", NodeKind.Origin), .. crossings, new Node("D", NodeKind.Destination)],
            crossings.SelectMany(x => new[] { new Edge("O", x.Id, 1), new Edge(x.Id, "D", 1) }).ToArray(),
            [new Commodity("migrants", value, 5, 1, 1, true)],
            [new Organization("org", "migrants", agents, [new OdPair("O", "D", 1)], temperature, memory, 10, 0.3, incapacitation, 1)],
            enforcement);

    public static Enforcement At(params (string Id, double Amount)[] allocation) =>
        new(0.5, allocation.ToDictionary(a => a.Id, a => a.Amount), null, []);

    public static Comparison Compare(Scenario baseline, Scenario intervention, int replications = 30, ulong seed = 5, Window? window = null) =>
        CounterfactualRun.Run(CompiledScenario.Build(baseline), CompiledScenario.Build(intervention), new RunSettings(seed, replications, 2),
            window ?? Window.All(baseline.Periods));

    /// <summary>Asserts the measure's 95% interval holds the value.</summary>
    public static void Covers(ComparisonMeasure measure, double value)
    {
        var s = measure.Value ?? throw new Xunit.Sdk.XunitException($"{measure.Name} is undefined: {measure.Note}");
        Assert.True(s.CiLow <= value && value <= s.CiHigh, $"{measure.Name}: {s.Mean} [{s.CiLow}, {s.CiHigh}] should hold {value}");
    }
}
