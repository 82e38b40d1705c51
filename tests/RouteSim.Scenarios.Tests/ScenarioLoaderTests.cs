using RouteSim.Core.Model;
using RouteSim.Scenarios.Tests.Support;

namespace RouteSim.Scenarios.Tests;

public class ScenarioLoaderTests
{
    private static LoadResult Load(string text) => ScenarioLoader.Load(text, "test.yaml", LoadOptions.Unlimited);

    [Fact]
    public void Tutorial_loads_as_written_with_every_value()
    {
        var result = Load(Repo.Tutorial);
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        var s = result.Scenario!;
        Assert.Equal("Three crossings tutorial", s.Name);
        Assert.Equal(["docs/model.md, sections 1-4 (illustrative values)"], s.Sources);
        Assert.Equal((60, "day", 20, 7UL), (s.Periods, s.PeriodUnit, s.Replications, s.Seed));
        Assert.Equal(new Routing(8, 3.0), s.Routing);
        Assert.Equal(5, s.Nodes.Count);
        Assert.Equal(new Node("X3", NodeKind.Crossing, 3.0, 0.02, 50, 0.02, 0.02), s.Nodes[3]);
        Assert.Equal(new Node("O", NodeKind.Origin, Lat: 29.1, Lon: -110.9), s.Nodes[0]);
        Assert.Equal(new Commodity("migrants", 20, 5, 1.0, 1.0, true), s.Commodities[0]);
        var org = s.Organizations[0];
        Assert.Equal((2000, 2.0, 0.9, 10.0, 0.5, 2, 0.8), (org.Agents, org.Temperature, org.Memory, org.PriorStrength, org.RiskSigma, org.Incapacitation, org.Activity));
        Assert.Equal(new OdPair("O", "D", 1), org.Od.Single());
        Assert.Equal(0.5, s.Enforcement.Effectiveness);
        Assert.Equal(5, s.Enforcement.Allocation["X1"]);
        Assert.Equal(new AdaptivePolicy(30, 0.2, 0, ["X1", "X2"]) with { Locations = s.Enforcement.Adaptive!.Locations }, s.Enforcement.Adaptive);
        Assert.Equal(["X1", "X2"], s.Enforcement.Adaptive.Locations);
        Assert.Equal(2, s.Enforcement.Events.Count);
        Assert.Equal(40, s.Enforcement.Events[0].Add["X1"]);
        Assert.Equal(0, s.Enforcement.Events[1].Set["X1"]);
        Assert.Equal(3, result.Model!.Organizations[0].Routes.Length);
    }

    [Fact]
    public void Defaults_are_those_of_MODEL_md()
    {
        var text = Repo.Tutorial.Replace("routing: { routes_per_pair: 8, max_stretch: 3.0 }\n", "")
            .Replace("  adaptive: { every: 30, fraction: 0.2, floor: 0, locations: [X1, X2] }   # optional\n", "  adaptive: { every: 30, fraction: 0.2 }\n");
        var s = Load(text).Scenario!;
        Assert.Equal(new Routing(8, 3), s.Routing);
        Assert.Equal(0, s.Enforcement.Adaptive!.Floor);
        Assert.Empty(s.Enforcement.Adaptive.Locations); // empty means every crossing
        var d = s.Nodes[4];
        Assert.Equal((0.0, 0.0, 1.0, 0.0, 0.0), (d.Cost, d.BaseDetection, d.Area, d.Danger, d.PriorMean));
        Assert.Equal(0.05, s.Nodes[1].PriorMean);
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var text = Repo.Tutorial.Replace("periods: 60", "periods: -3").Replace("value: 20", "value: 0").Replace("{ from: X3, to: D, cost: 1 }", "{ from: X3, to: Q, cost: 1 }");
        var errors = Load(text).Errors;
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Path == "periods");
        Assert.Contains(errors, e => e.Path == "commodities[0].value");
        Assert.Contains(errors, e => e.Path == "edges[5].to");
    }

    [Fact]
    public void Error_lines_read_file_line_column_path_message()
    {
        var error = Load(Repo.Tutorial.Replace("temperature: 2.0", "temperature: -1")).Errors.Single();
        int line = Repo.Tutorial.Split('\n').ToList().FindIndex(l => l.Contains("temperature: 2.0", StringComparison.Ordinal)) + 1;
        Assert.Equal($"test.yaml:{line}:18: organizations[0].temperature: must be > 0, got -1", error.ToString());
    }
}
