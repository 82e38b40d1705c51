using System.Diagnostics;
using RouteSim.Scenarios.Tests.Support;
using RouteSim.Scenarios.Yaml;

namespace RouteSim.Scenarios.Tests;

/// <summary>The cases of issue 21 that reach the scenario reader: each gets one located error naming its real cause.</summary>
public class HostileInputTests
{
    private static LoadResult Load(string text) => ScenarioLoader.Load(text, "test.yaml", LoadOptions.Unlimited);

    private static ScenarioError OnlyError(string text)
    {
        var result = Load(text);
        Assert.False(result.Ok);
        return Assert.Single(result.Errors);
    }

    [Theory]
    [InlineData(37_000, '[')]
    [InlineData(30_000, '{')]
    [InlineData(1_000_000, '[')]
    public void Deep_nesting_is_refused_at_the_depth_limit_without_recursing(int depth, char open)
    {
        var text = "name: " + new string(open, depth);
        var error = OnlyError(text);
        Assert.Contains($"more than {DepthLimitedParser.MaxDepth} levels", error.Message);
        Assert.Equal(1, error.Line);
        Assert.Equal(6 + DepthLimitedParser.MaxDepth, error.Column); // the first bracket past the limit (the file's own mapping is the first level)
    }

    [Fact]
    public void Block_nesting_past_the_limit_is_refused_too()
    {
        var lines = Enumerable.Range(0, DepthLimitedParser.MaxDepth + 5).Select(i => new string(' ', i) + "- ");
        var error = OnlyError("name:\n" + string.Join("\n", lines) + "x\n");
        Assert.Contains("levels", error.Message);
    }

    [Fact]
    public void Nesting_at_the_limit_is_read()
    {
        // A depth the format never uses, but within the limit: the reader gets to check the keys.
        var text = "name: " + new string('[', DepthLimitedParser.MaxDepth - 1) + new string(']', DepthLimitedParser.MaxDepth - 1);
        Assert.DoesNotContain(Load(text).Errors, e => e.Message.Contains("levels", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(35)]
    [InlineData(20)]
    [InlineData(40)]
    [InlineData(44)]
    public void A_tab_used_as_indentation_is_reported_on_its_own_line(int line)
    {
        var lines = Repo.Tutorial.Split('\n');
        lines[line - 1] = "\t" + lines[line - 1].TrimStart(' ');
        var error = Load(string.Join('\n', lines)).Errors[0];
        Assert.Equal((line, 1), (error.Line, error.Column));
        Assert.Contains("a tab indents this line", error.Message);
    }

    [Fact]
    public void A_tab_after_spaces_is_located_at_the_tab()
    {
        var lines = Repo.Tutorial.Split('\n');
        lines[34] = "  \t" + lines[34].TrimStart(' ');
        var error = Load(string.Join('\n', lines)).Errors[0];
        Assert.Equal((35, 3), (error.Line, error.Column));
    }

    [Fact]
    public void An_anchor_inside_a_flow_mapping_gets_a_message_naming_the_reader_limit_and_the_way_round()
    {
        var text = Repo.Tutorial.Replace("value: 20, penalty: 5,", "value: &v 20, penalty: *v,");
        var error = OnlyError(text);
        Assert.Equal(27, error.Line);
        Assert.Contains("write this mapping one key per line", error.Message);

        // Written one key per line, the same anchor and alias are read.
        var block = Repo.Tutorial.Replace("  - { id: migrants, value: 20, penalty: 5, detectability: 1.0, danger_weight: 1.0, carries_people: true }",
            "  - id: migrants\n    value: &v 20\n    penalty: *v\n    detectability: 1.0\n    danger_weight: 1.0\n    carries_people: true");
        var loaded = Load(block);
        Assert.True(loaded.Ok, string.Join("\n", loaded.Errors));
        Assert.Equal(20, loaded.Scenario!.Commodities[0].Penalty);
    }

    [Theory]
    [InlineData("A:B", ':')]
    [InlineData("X#1", '#')]
    public void Ids_cannot_hold_the_route_id_separators(string id, char separator)
    {
        var text = Repo.Tutorial.Replace("{ id: X1,", $"{{ id: \"{id}\",");
        var errors = Load(text).Errors;
        var error = errors.First(e => e.Path == "nodes[1].id");
        Assert.Contains($"holds '{separator}'", error.Message);
        Assert.Equal(15, error.Line);
    }

    [Fact]
    public void Ids_cannot_hold_control_characters()
    {
        var error = Load(Repo.Tutorial.Replace("{ id: X1,", "{ id: \"X\\e[31m1\",")).Errors.First();
        Assert.Equal("nodes[1].id", error.Path);
        Assert.Contains("control character", error.Message);
        Assert.DoesNotContain('\u001b', error.ToString());
    }

    [Fact]
    public void The_route_ids_of_issue_21_cannot_collide_any_more()
    {
        // Nodes A, A:B, B:C and C used to give routes A:B -> C and A -> B:C the same id, A:B:C#1.
        // Ids holding ':' are refused, so every route id origin:destination#rank names one od pair.
        var text = """
            name: collide
            periods: 1
            period_unit: day
            replications: 1
            seed: 1
            nodes: [{id: A, kind: origin}, {id: "A:B", kind: origin}, {id: "B:C", kind: destination}, {id: C, kind: destination}]
            edges: [{from: A, to: "B:C", cost: 1}, {from: "A:B", to: C, cost: 1}]
            commodities: [{id: k, value: 1, penalty: 0, detectability: 1, danger_weight: 0}]
            organizations: [{id: g, commodity: k, agents: 1, od: [{origin: A, destination: "B:C"}, {origin: "A:B", destination: C}], temperature: 1, memory: 1, prior_strength: 1, risk_sigma: 0, incapacitation: 0, activity: 1}]
            enforcement: {effectiveness: 1}
            """;
        var errors = Load(text).Errors;
        Assert.Contains(errors, e => e.Path == "nodes[1].id" && e.Message.Contains("holds ':'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "nodes[2].id" && e.Message.Contains("holds ':'", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_route_id_of_the_bundled_scenarios_is_unique()
    {
        foreach (var file in Directory.GetFiles(Repo.File("scenarios"), "*.yaml", SearchOption.AllDirectories))
        {
            var loaded = ScenarioFile.Load(file, LoadOptions.Unlimited);
            if (!loaded.Ok) continue; // templates and sweeps live beside scenarios
            foreach (var organization in loaded.Model!.Catalog.Organizations)
            {
                var ids = organization.Routes.Select(r => r.Id).ToArray();
                Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
            }
        }
    }

    [Fact]
    public void A_subnormal_temperature_is_refused_naming_the_arithmetic()
    {
        var error = OnlyError(Repo.Tutorial.Replace("temperature: 2.0", "temperature: 5e-324"));
        Assert.Equal("organizations[0].temperature", error.Path);
        Assert.Contains("closer to zero than the arithmetic carries", error.Message);
        Assert.Equal(33, error.Line);
        Assert.True(Load(Repo.Tutorial.Replace("temperature: 2.0", "temperature: 1e-9")).Ok);
    }

    [Theory]
    [InlineData("cost: 1.0, base_detection", "cost: 1e-310, base_detection")]
    [InlineData("area: 10 }", "area: 2e-320 }")]
    [InlineData("allocation: { X1: 5 }", "allocation: { X1: 4.9e-324 }")]
    public void Subnormal_numbers_are_refused_everywhere(string from, string to)
    {
        var error = Load(Repo.Tutorial.Replace(from, to)).Errors.First();
        Assert.Contains("closer to zero than the arithmetic carries", error.Message);
    }

    [Theory]
    [InlineData("value: 20,", "value: 1e309,")]
    [InlineData("temperature: 2.0", "temperature: 2e400")]
    public void Numbers_past_the_largest_double_name_the_overflow(string from, string to)
    {
        var error = OnlyError(Repo.Tutorial.Replace(from, to));
        Assert.Contains("beyond the largest number the arithmetic carries", error.Message);
    }

    [Fact]
    public void Adds_that_overflow_the_enforcement_level_are_refused()
    {
        var text = Repo.Tutorial.Replace("    - { period: 40, set: { X1: 0 } }", "    - { period: 30, add: { X1: 1e308 } }\n    - { period: 31, add: { X1: 1e308 } }")
            .Replace("{ period: 20, add: { X1: 40 } }", "{ period: 20, add: { X1: 40 } }");
        var error = OnlyError(text);
        Assert.Equal("enforcement.events[2].add.X1", error.Path);
        Assert.Contains("past the largest number the arithmetic carries", error.Message);
        Assert.Contains("period 31", error.Message);
    }

    [Fact]
    public void Edge_costs_that_overflow_are_refused_naming_the_overflow_not_a_missing_path()
    {
        var text = Repo.Tutorial.Replace("{ from: O, to: X1, cost: 1 }", "{ from: O, to: X1, cost: 1e308 }")
            .Replace("{ from: X1, to: D, cost: 1 }", "{ from: X1, to: D, cost: 1e308 }");
        var error = OnlyError(text);
        Assert.Equal("edges", error.Path);
        Assert.Contains("add up past the largest number", error.Message);
        Assert.DoesNotContain("no chain of edges", error.Message);
    }

    [Fact]
    public void Od_weights_that_overflow_are_refused()
    {
        var text = Repo.Tutorial.Replace("od: [ { origin: O, destination: D, weight: 1 } ]",
            "od: [ { origin: O, destination: D, weight: 1e308 }, { origin: O, destination: D2, weight: 1e308 } ]")
            .Replace("  - { id: D, kind: destination }", "  - { id: D, kind: destination }\n  - { id: D2, kind: destination }")
            .Replace("  - { from: X3, to: D, cost: 1 }", "  - { from: X3, to: D, cost: 1 }\n  - { from: X3, to: D2, cost: 1 }");
        var error = OnlyError(text);
        Assert.Equal("organizations[0].od", error.Path);
        Assert.Contains("od weights add up past", error.Message);
    }

    [Theory]
    [InlineData("seed: 9007199254740993", 9007199254740993UL)]
    [InlineData("seed: 9223372036854775807", 9223372036854775807UL)]
    [InlineData("seed: 1_000", 1000UL)]
    [InlineData("seed: 1e3", 1000UL)]
    public void Whole_numbers_are_read_exactly(string line, ulong seed)
    {
        var loaded = Load(Repo.Tutorial.Replace("seed: 7", line));
        Assert.True(loaded.Ok, string.Join("\n", loaded.Errors));
        Assert.Equal(seed, loaded.Scenario!.Seed);
    }

    [Theory]
    [InlineData("seed: 1e17", "too large to hold exactly")]
    [InlineData("seed: 9223372036854775808", "must be in [0,")]
    [InlineData("seed: -1", "must be in [0,")]
    public void Whole_numbers_that_cannot_be_exact_are_refused(string line, string message)
    {
        var error = OnlyError(Repo.Tutorial.Replace("seed: 7", line));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void The_400_million_agent_scenario_of_issue_21_is_refused_before_it_runs()
    {
        // It passed the old check (24 bytes an agent) on a 24 GB machine with two threads, then the kernel killed it.
        var text = Repo.Tutorial.Replace("agents: 2000", "agents: 400_000_000");
        var error = ScenarioLoader.Load(text, "big.yaml", new LoadOptions(24.0 * (1L << 30), 2)).Errors.Single();
        Assert.Equal("organizations", error.Path);
        Assert.Contains("this run needs about 29.", error.Message); // 2 x 400 M x 35.6 bytes, plus 10% and the runtime
        Assert.Contains("10% margin included", error.Message);
        Assert.Contains("fewer --threads", error.Message);
        Assert.True(ScenarioLoader.Load(text, "big.yaml", new LoadOptions(24.0 * (1L << 30), 1)).Ok); // one at a time: about 14.6 GiB
    }

    /// <summary>Free text is shown on terminals and in reports: a terminal escape or invalid UTF-8 is refused where it stands.</summary>
    [Theory]
    [InlineData("\u001b[31mred", "U+001B")]
    [InlineData("caf\u0001e", "U+0001")]
    [InlineData("caf\uFFFD", "not valid UTF-8")]
    public void Names_and_labels_with_control_characters_or_bad_bytes_are_refused(string name, string message)
    {
        var lines = Repo.Tutorial.Split('\n');
        int at = Array.FindIndex(lines, l => l.StartsWith("name:", StringComparison.Ordinal));
        lines[at] = $"name: \"{name.Replace("\u001b", "\\e").Replace("\u0001", "\\x01").Replace("\uFFFD", "\\uFFFD")}\"";
        var error = OnlyError(string.Join('\n', lines));
        Assert.Equal(at + 1, error.Line);
        Assert.Contains(message, error.Message);
    }
}
