using RouteSim.Experiments.Templates;
using RouteSim.Scenarios;

namespace RouteSim.Experiments.Tests;

public class ParameterPathTests
{
    private static readonly string Tutorial = Files.Scenario("tutorial", "three-crossings.yaml");

    private static ScenarioTemplate Template() => ScenarioTemplate.Open(Tutorial, LoadOptions.Unlimited, out _)!;

    private static ParameterPath Path(string text) => ParameterPath.Parse(text, out var problem) ?? throw new Xunit.Sdk.XunitException(problem);

    [Theory]
    [InlineData("enforcement.effectiveness", 0.9)]
    [InlineData("organizations[org].temperature", 3.5)]
    [InlineData("nodes[X3].danger", 0.05)]
    [InlineData("enforcement.allocation.X2", 7)]
    [InlineData("enforcement.allocation[X2]", 7)]
    [InlineData("edges[O:X1].cost", 4)]
    [InlineData("organizations[org].od[O:D].weight", 2)]
    [InlineData("enforcement.events[1].set.X1", 12)]
    [InlineData("nodes[2].cost", 6)]
    public void A_path_sets_exactly_the_number_it_names(string text, double value)
    {
        var template = Template();
        var path = Path(text);
        var loaded = template.Instantiate([path], [value], LoadOptions.Unlimited);
        Assert.True(loaded.Ok, string.Join("; ", loaded.Errors));
        var s = loaded.Scenario!;
        double read = text switch
        {
            "enforcement.effectiveness" => s.Enforcement.Effectiveness,
            "organizations[org].temperature" => s.Organizations[0].Temperature,
            "nodes[X3].danger" => s.Nodes.Single(n => n.Id == "X3").Danger,
            "edges[O:X1].cost" => s.Edges.Single(e => e.From == "O" && e.To == "X1").Cost,
            "organizations[org].od[O:D].weight" => s.Organizations[0].Od[0].Weight,
            "enforcement.events[1].set.X1" => s.Enforcement.Events[1].Set["X1"],
            "nodes[2].cost" => s.Nodes[2].Cost,
            _ => s.Enforcement.Allocation["X2"],
        };
        Assert.Equal(value, read);
        Assert.Equal(value, path.Read(Tree(template, path, value)));
    }

    private static YamlDotNet.RepresentationModel.YamlMappingNode Tree(ScenarioTemplate template, ParameterPath path, double value)
    {
        var yaml = template.Write([path], [value]);
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlDotNet.RepresentationModel.YamlMappingNode)stream.Documents[0].RootNode;
    }

    [Fact]
    public void A_wildcard_with_multiply_scales_every_item()
    {
        var template = Template();
        var loaded = template.Instantiate([Path("edges[*].cost").Multiplying()], [2.5], LoadOptions.Unlimited);
        Assert.True(loaded.Ok);
        Assert.All(loaded.Scenario!.Edges, e => Assert.Equal(2.5, e.Cost));
    }

    /// <summary>
    /// One fitted deterrence shared by every operation: events write a deterrence of 1 where each operation stands,
    /// and <c>enforcement.events[*].deterrence_cost.*</c>, multiplying, sets them all; events without one are left alone.
    /// </summary>
    [Fact]
    public void One_factor_reaches_every_deterrence_of_every_event()
    {
        var text = File.ReadAllText(Tutorial).Replace("    - { period: 40, set: { X1: 0 } }",
            "    - { period: 40, set: { X1: 0 } }\n    - { period: 10, deterrence_cost: { X1: 1 } }\n    - { period: 30, deterrence_cost: { X2: 1, X3: 0.5 } }", StringComparison.Ordinal);
        Assert.Contains("deterrence_cost: { X2", text);
        var file = Files.Write(Files.Scratch(), "operations.yaml", text);
        var template = ScenarioTemplate.Open(file, LoadOptions.Unlimited, out _)!;
        var loaded = template.Instantiate([Path("enforcement.events[*].deterrence_cost.*").Multiplying()], [2.5], LoadOptions.Unlimited);
        Assert.True(loaded.Ok, string.Join("; ", loaded.Errors));
        var events = loaded.Scenario!.Enforcement.Events;
        Assert.Equal(40, events[0].Add["X1"]);
        Assert.Null(events[1].DeterrenceCost);
        Assert.Equal(2.5, events[2].DeterrenceCost!["X1"]);
        Assert.Equal(2.5, events[3].DeterrenceCost!["X2"]);
        Assert.Equal(1.25, events[3].DeterrenceCost!["X3"]);
    }

    [Theory]
    [InlineData("organizations[org].temprature", "has no key 'temprature'")]
    [InlineData("organizations.temperature", "is a list; pick an item")]
    [InlineData("organizations[org].commodity", "does not end at a number")]
    [InlineData("enforcement.allocation", "add the id")]
    [InlineData("enforcement.effectiveness.x", "nothing can follow it")]
    [InlineData("nodes[X1", "is not a path")]
    [InlineData("name", "does not end at a number")]
    public void A_path_that_names_no_number_is_refused_with_the_reason(string text, string reason)
    {
        Assert.Null(ParameterPath.Parse(text, out var problem));
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void An_item_the_scenario_does_not_have_is_named_when_applied()
    {
        var loaded = Template().Instantiate([Path("nodes[X9].cost")], [1], LoadOptions.Unlimited);
        Assert.False(loaded.Ok);
        Assert.Contains("nodes has no item X9", loaded.Errors[0].Message);
    }

    [Fact]
    public void A_value_outside_the_format_is_reported_with_the_values_that_caused_it()
    {
        var loaded = Template().Instantiate([Path("organizations[org].temperature")], [-1], LoadOptions.Unlimited);
        Assert.False(loaded.Ok);
        Assert.Contains("organizations[org].temperature = -1", loaded.Errors[0].ToString());
    }
}
