using RouteSim.Scenarios.Tests.Support;

namespace RouteSim.Scenarios.Tests;

/// <summary>
/// One case per validation rule: the tutorial with one change, the path the error must name, words its message
/// must hold, and a piece of the line it must point at. Each case passes only because its rule exists.
/// </summary>
public class ValidationRuleTests
{
    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // find, replace, path, message words, the line the error points at (a piece of it)
        { "periods: 60", "periods: sixty", "periods", "expected a whole number, got 'sixty'", "periods: sixty" },
        { "periods: 60", "periods: 2.5", "periods", "whole number", "periods: 2.5" },
        { "periods: 60", "periods: 0", "periods", "must be in [1, 1,000,000]", "periods: 0" },
        { "periods: 60", "periods: \"60\"", "periods", "the quoted text \"60\"", "periods: \"60\"" },
        { "periods: 60", "periodz: 60", "periodz", "unknown key 'periodz' in scenario (did you mean 'periods'?)", "periodz: 60" },
        { "periods: 60\n", "", "periods", "missing required key 'periods'", "name: Three" },
        { "seed: 7", "seed: 99999999999999999999999", "seed", "must be in [0,", "seed: 9999" },
        { "replications: 20", "replications: [1, 2]", "replications", "got a list", "replications: [1, 2]" },
        { "base_detection: 0.05, area: 10 }\n  - { id: X2", "base_detection: 1.0, area: 10 }\n  - { id: X2", "nodes[1].base_detection", "must be in [0, 1), got 1.0", "id: X1" },
        { "danger: 0.02, prior", "danger: -0.1, prior", "nodes[3].danger", "must be in [0, 1)", "id: X3" },
        { "area: 50", "area: 0", "nodes[3].area", "must be > 0", "id: X3" },
        { "prior: 0.02 }", "prior: 1.5 }", "nodes[3].prior", "must be in [0, 1)", "id: X3" },
        { "lat: 29.1, lon: -110.9", "lat: 129.1, lon: -110.9", "nodes[0].lat", "must be in [-90, 90]", "id: O," },
        { "lat: 29.1, lon: -110.9", "lat: 29.1", "nodes[0]", "give lat and lon together", "id: O," },
        { "kind: crossing, cost: 2.0", "kind: bridge, cost: 2.0", "nodes[2].kind", "'bridge' is not one of origin, transit, crossing, destination", "id: X2" },
        { "{ id: X2, kind", "{ id: X1, kind", "nodes[2].id", "duplicate node id 'X1'", "kind: crossing, cost: 2.0" },
        { "cost: 1.0, base_detection", "cost: 1.0, colour: red, base_detection", "nodes[1].colour", "unknown key 'colour' in node", "id: X1" },
        { "{ from: O, to: X2, cost: 1 }", "{ from: O, to: X9, cost: 1 }", "edges[1].to", "unknown node 'X9'", "to: X9" },
        { "{ from: O, to: X2, cost: 1 }", "{ from: O, to: X1, cost: 1 }", "edges[1]", "duplicate edge O -> X1", "{ from: O, to: X1, cost: 1 }\n  - { from: O, to: X3" },
        { "{ from: O, to: X2, cost: 1 }", "{ from: X2, to: X2, cost: 1 }", "edges[1]", "to itself", "{ from: X2, to: X2" },
        { "{ from: O, to: X2, cost: 1 }", "{ from: O, to: X2, cost: -1 }", "edges[1].cost", "must be >= 0", "to: X2, cost: -1" },
        { "{ from: O, to: X2, cost: 1 }", "{ from: O, to: X2 }", "edges[1].cost", "missing required key 'cost' in edge", "{ from: O, to: X2 }" },
        { "value: 20,", "value: 0,", "commodities[0].value", "must be > 0", "id: migrants" },
        { "penalty: 5,", "penalty: -5,", "commodities[0].penalty", "must be >= 0", "id: migrants" },
        { "detectability: 1.0,", "detectability: 0,", "commodities[0].detectability", "must be > 0", "id: migrants" },
        { "carries_people: true", "carries_people: maybe", "commodities[0].carries_people", "expected true or false", "id: migrants" },
        { "commodity: migrants", "commodity: guns", "organizations[0].commodity", "unknown commodity 'guns'", "commodity: guns" },
        { "agents: 2000", "agents: 2.5", "organizations[0].agents", "whole number", "agents: 2.5" },
        { "agents: 2000", "agents: -1", "organizations[0].agents", "must be in [0,", "agents: -1" },
        { "agents: 2000", "agents: 1e15", "organizations[0].agents", "must be in [0, 2,147,483,647]", "agents: 1e15" },
        { "temperature: 2.0", "temperature: 0", "organizations[0].temperature", "must be > 0", "temperature: 0" },
        { "memory: 0.9", "memory: 0", "organizations[0].memory", "must be in (0, 1]", "memory: 0" },
        { "prior_strength: 10", "prior_strength: 0", "organizations[0].prior_strength", "must be > 0", "prior_strength: 0" },
        { "risk_sigma: 0.5", "risk_sigma: -0.5", "organizations[0].risk_sigma", "must be >= 0", "risk_sigma: -0.5" },
        { "incapacitation: 2", "incapacitation: 1.5", "organizations[0].incapacitation", "whole number", "incapacitation: 1.5" },
        { "activity: 0.8", "activity: 1.5", "organizations[0].activity", "must be in (0, 1]", "activity: 1.5" },
        { "    activity: 0.8\n", "", "organizations[0].activity", "missing required key 'activity' in organization", "- id: org" },
        { "{ origin: O, destination: D, weight: 1 }", "{ origin: Z, destination: D, weight: 1 }", "organizations[0].od[0].origin", "unknown node 'Z'", "origin: Z" },
        { "{ origin: O, destination: D, weight: 1 }", "{ origin: X1, destination: D, weight: 1 }", "organizations[0].od[0].origin", "node 'X1' is a crossing, not an origin", "origin: X1" },
        { "{ origin: O, destination: D, weight: 1 }", "{ origin: O, destination: O, weight: 1 }", "organizations[0].od[0].destination", "not a destination", "destination: O" },
        { "{ origin: O, destination: D, weight: 1 }", "{ origin: O, destination: D, weight: 0 }", "organizations[0].od[0].weight", "must be > 0", "weight: 0" },
        { "{ origin: O, destination: D, weight: 1 } ]", "{ origin: O, destination: D }, { origin: O, destination: D } ]", "organizations[0].od[1]", "listed twice", "od: [" },
        { "  - { from: X1, to: D, cost: 1 }\n  - { from: X2, to: D, cost: 1 }\n  - { from: X3, to: D, cost: 1 }\n", "", "organizations[0].od[0]", "no route from O to D", "od: [" },
        { "effectiveness: 0.5", "effectiveness: 0", "enforcement.effectiveness", "must be > 0", "effectiveness: 0" },
        { "allocation: { X1: 5 }", "allocation: { X1: -5 }", "enforcement.allocation.X1", "must be >= 0", "allocation:" },
        { "allocation: { X1: 5 }", "allocation: { X7: 5 }", "enforcement.allocation.X7", "unknown node 'X7'", "allocation:" },
        { "locations: [X1, X2]", "locations: [X1, Y2]", "enforcement.adaptive.locations[1]", "unknown node 'Y2'", "adaptive:" },
        { "fraction: 0.2", "fraction: 2", "enforcement.adaptive.fraction", "must be in [0, 1]", "adaptive:" },
        { "every: 30", "every: 0", "enforcement.adaptive.every", "must be in [1,", "adaptive:" },
        { "{ period: 20, add: { X1: 40 } }", "{ period: 60, add: { X1: 40 } }", "enforcement.events[0].period", "past the last period (59", "period: 60" },
        { "{ period: 20, add: { X1: 40 } }", "{ period: 20, add: { X8: 40 } }", "enforcement.events[0].add.X8", "unknown node 'X8'", "period: 20" },
        { "{ period: 40, set: { X1: 0 } }", "{ period: 40, set: { X1: -1 } }", "enforcement.events[1].set.X1", "must be >= 0", "period: 40" },
        { "{ period: 40, set: { X1: 0 } }", "{ period: 40, add: { X1: -100 } }", "enforcement.events[1].add.X1", "below zero", "period: 40" },
        { "{ period: 40, set: { X1: 0 } }", "{ period: 40 }", "enforcement.events[1]", "must set, add, change effectiveness or add a deterrence cost", "period: 40" },
        { "{ period: 40, set: { X1: 0 } }", "{ period: 40, deterrence_cost: { X9: 1 } }", "enforcement.events[1].deterrence_cost.X9", "unknown node 'X9'", "period: 40" },
        { "{ period: 40, set: { X1: 0 } }", "{ period: 40, deterrence_cost: { X1: -1 } }", "enforcement.events[1].deterrence_cost.X1", "must be >= 0, got -1", "period: 40" },
        { "{ period: 40, set: { X1: 0 } }", "{ period: 40, deterrence_cost: { X1: .inf } }", "enforcement.events[1].deterrence_cost.X1", "expected a number", "period: 40" },
        { "{ period: 40, set: { X1: 0 } }", "{ period: 40, deterrence_cost: { X1: .nan } }", "enforcement.events[1].deterrence_cost.X1", "expected a number", "period: 40" },
        { "{ period: 40, set: { X1: 0 } }", "{ period: 40, deterrence_cost: { X1: 1.5e308 } }\n    - { period: 41, deterrence_cost: { X1: 1.5e308 } }", "enforcement.events[2].deterrence_cost.X1", "past the largest number", "period: 41" },
        { "{ period: 40, set: { X1: 0 } }", "{ period: 40, deterrence_cost: 2 }", "enforcement.events[1].deterrence_cost", "expected a mapping of location id to number", "period: 40" },
        { "{ period: 40, set: { X1: 0 } }", "{ period: 40, deterrence_cost: {} }", "enforcement.events[1].deterrence_cost", "'deterrence_cost' is empty", "period: 40" },
        { "{ period: 40, set: { X1: 0 } }", "period: 40\n      deterrence_cost:", "enforcement.events[1].deterrence_cost", "'deterrence_cost' is empty", "deterrence_cost:" },
        { "{ period: 40, set: { X1: 0 } }", "{ period: 40, add: }", "enforcement.events[1].add", "'add' is empty", "period: 40" },
        { "{ period: 40, set: { X1: 0 } }", "{ period: 40, set: {} }", "enforcement.events[1].set", "'set' is empty", "period: 40" },
        { "enforcement:\n  effectiveness: 0.5", "enforcement:\n  effectivenes: 0.5", "enforcement.effectivenes", "did you mean 'effectiveness'", "effectivenes: 0.5" },
        { "nodes:\n", "nodes: 5\nunused:\n", "nodes", "expected a list of node mappings", "nodes: 5" },
        { "name: Three crossings tutorial", "name: \"\"", "name", "must not be empty", "name: \"\"" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_reports_path_message_and_place(string find, string replace, string path, string words, string linePiece)
    {
        var original = Repo.Tutorial;
        Assert.Contains(find, original);
        var text = original.Replace(find, replace);
        var errors = ScenarioLoader.Load(text, "case.yaml", LoadOptions.Unlimited).Errors;
        var error = Assert.Single(errors, e => e.Path == path && e.Message.Contains(words, StringComparison.Ordinal));
        int expectedLine = LineOf(text, linePiece);
        Assert.True(error.Line == expectedLine, $"{error} points at line {error.Line}, expected {expectedLine}; all: {string.Join(" | ", errors)}");
        Assert.Equal("case.yaml", error.File);
        Assert.True(error.Column >= 1);
    }

    /// <summary>An event with a misspelt key gets one error, the unknown key's, not also one saying the event lacks a change.</summary>
    [Theory]
    [InlineData("{ period: 40, deterrance_cost: { X1: 3 } }", "enforcement.events[1].deterrance_cost", "did you mean 'deterrence_cost'")]
    [InlineData("{ period: 40, deterrence_cost: }", "enforcement.events[1].deterrence_cost", "'deterrence_cost' is empty")]
    [InlineData("{ period: 40, effectiveness: }", "enforcement.events[1].effectiveness", "expected a number")]
    public void A_bad_event_key_gets_exactly_one_error(string replace, string path, string words)
    {
        var errors = ScenarioLoader.Load(Repo.Tutorial.Replace("{ period: 40, set: { X1: 0 } }", replace), "case.yaml", LoadOptions.Unlimited).Errors;
        var error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(words, error.Message);
    }

    private static int LineOf(string text, string piece)
    {
        int at = text.IndexOf(piece, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{piece}' not in the changed text");
        return text[..at].Count(c => c == '\n') + 1;
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("# only a comment\n", "the file is empty")]
    [InlineData("- a\n- b\n", "expected a scenario")]
    [InlineData("just words", "expected a scenario")]
    [InlineData("name: [unclosed\n", "YAML syntax")]
    [InlineData("name: a\n  bad: indent\n", "YAML syntax")]
    [InlineData("name: a\nname: b\n", "YAML syntax")]
    [InlineData("a: 1\n---\nb: 2\n", "one YAML document")]
    public void Broken_files_get_a_located_error(string text, string words)
    {
        var errors = ScenarioLoader.Load(text, "broken.yaml", LoadOptions.Unlimited).Errors;
        Assert.Contains(errors, e => e.Message.Contains(words, StringComparison.Ordinal) && e.Line >= 1 && e.Column >= 1);
    }

    [Fact]
    public void Population_too_large_for_memory_is_refused_before_allocating()
    {
        var text = Repo.Tutorial.Replace("agents: 2000", "agents: 2000000000");
        var errors = ScenarioLoader.Load(text, "big.yaml", new LoadOptions(24.0 * (1L << 30), 2)).Errors;
        var error = Assert.Single(errors);
        Assert.Equal("organizations", error.Path);
        Assert.Contains("more than the 24.0 GiB available", error.Message);
        Assert.True(ScenarioLoader.Load(Repo.Tutorial, "small.yaml", new LoadOptions(24.0 * (1L << 30), 2)).Ok);
    }

    [Fact]
    public void Total_agents_beyond_the_engine_index_are_refused()
    {
        var text = Repo.Tutorial.Replace("organizations:\n  - id: org", "organizations:\n  - { id: other, commodity: migrants, agents: 2147483647, od: [ { origin: O, destination: D } ], temperature: 1, memory: 1, prior_strength: 1, risk_sigma: 0, incapacitation: 0, activity: 1 }\n  - id: org");
        var error = Assert.Single(ScenarioLoader.Load(text, "t.yaml", LoadOptions.Unlimited).Errors);
        Assert.Contains("agents in all", error.Message);
    }
}
