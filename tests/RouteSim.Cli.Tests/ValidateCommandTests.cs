using RouteSim.Cli.Tests.Support;

namespace RouteSim.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("routesim-validate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Valid_scenario_exits_0_with_a_summary()
    {
        var result = Routesim.Run("validate", Routesim.Tutorial);
        Assert.Equal(0, result.Exit);
        Assert.Contains("valid", result.Out);
        Assert.Contains("nodes: 5 (1 origin, 3 crossings, 1 destination), edges: 6", result.Out);
        Assert.Contains("agents: 2,000", result.Out);
        Assert.Contains("routes org O -> D: 3", result.Out);
        // X1 at its most: 45 units on area 10, 1 - 0.95 exp(-0.5 x 45 / 10) = 0.8999.
        Assert.Contains("    X1: 90% (45 units on area 10)", result.Out);
        Assert.Equal("", result.Error);
    }

    /// <summary>Deterrence events are listed with their cost, period and running total per location; the tutorial without them has no such line.</summary>
    [Fact]
    public void Deterrence_costs_are_listed_in_the_summary()
    {
        var text = File.ReadAllText(Routesim.Tutorial).Replace("    - { period: 40, set: { X1: 0 } }\n",
            "    - { period: 40, set: { X1: 0 } }\n    - { period: 20, deterrence_cost: { X1: 3 } }\n    - { period: 45, deterrence_cost: { X1: 1.5, X3: 2 } }\n");
        var result = Routesim.Run("validate", Write("deterrence.yaml", text));
        Assert.True(result.Exit == 0, result.Error);
        var lines = result.Out.Split('\n');
        int at = Array.FindIndex(lines, l => l.StartsWith("  deterrence cost added to every route through a location", StringComparison.Ordinal));
        Assert.True(at > 0, result.Out);
        Assert.Equal(["    X1: +3 from day 20 (then 3 in all)", "    X1: +1.5 from day 45 (then 4.5 in all)", "    X3: +2 from day 45 (then 2 in all)"], lines[(at + 1)..(at + 4)]);
        Assert.DoesNotContain("deterrence", Routesim.Run("validate", Routesim.Tutorial).Out);
    }

    /// <summary>The first model: 5 units on a port left at the default area of 1 is flagged before anything runs.</summary>
    [Fact]
    public void Resources_on_the_default_area_are_flagged_with_their_detection()
    {
        var text = File.ReadAllText(Routesim.Tutorial).Replace("{ id: X1, kind: crossing, cost: 1.0, base_detection: 0.05, area: 10 }", "{ id: X1, kind: crossing, cost: 1.0, base_detection: 0.05 }")
            .Replace("    - { period: 20, add: { X1: 40 } }\n", "").Replace("    - { period: 40, set: { X1: 0 } }\n", "").Replace("  events:\n", "");
        var result = Routesim.Run("validate", Write("no-area.yaml", text));
        Assert.True(result.Exit == 0, result.Error);
        // 5 units on area 1 at effectiveness 0.5: 1 - 0.95 exp(-2.5) = 0.922.
        Assert.Contains("    X1: 92.2% (5 units on area 1; area 1 is the default: give the location its area (docs/model.md section 2))", result.Out);
    }

    [Fact]
    public void Invalid_scenario_exits_1_with_one_line_per_problem()
    {
        var text = File.ReadAllText(Routesim.Tutorial).Replace("temperature: 2.0", "temperature: -2").Replace("{ from: O, to: X2, cost: 1 }", "{ from: O, to: X9, cost: 1 }");
        var path = Write("bad.yaml", text);
        var result = Routesim.Run("validate", path);
        Assert.Equal(1, result.Exit);
        var lines = result.Error.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.StartsWith(path + ":", l));
        Assert.Contains(lines, l => l.Contains("organizations[0].temperature: must be > 0", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("edges[1].to: unknown node 'X9'", StringComparison.Ordinal));
        Routesim.AssertNoStackTrace(result.Error);
    }

    [Fact]
    public void Several_files_are_each_checked()
    {
        var bad = Write("junk.yaml", "\u0001\u0002binary\u0000junk");
        var result = Routesim.Run("validate", Routesim.Tutorial, bad, Path.Combine(_dir, "missing.yaml"));
        Assert.Equal(1, result.Exit);
        Assert.Contains("valid", result.Out);
        Assert.Contains($"{bad}:1:", result.Error);
        Assert.Contains("missing.yaml: file not found", result.Error);
        Routesim.AssertNoStackTrace(result.Error);
    }

    [Theory]
    [InlineData]
    [InlineData("validate")]
    [InlineData("frobnicate")]
    [InlineData("run", "x.yaml", "--threads", "0")]
    [InlineData("run", "x.yaml", "--replications", "-1")]
    [InlineData("run", "x.yaml", "--seed", "minus-one")]
    [InlineData("run", "x.yaml", "--bogus")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var result = Routesim.Run(args);
        Assert.Equal(2, result.Exit);
        Assert.Contains("routesim:", result.Error);
        Routesim.AssertNoStackTrace(result.Error);
    }

    [Fact]
    public void Routes_prints_the_catalogue()
    {
        var result = Routesim.Run("routes", Routesim.Tutorial);
        Assert.Equal(0, result.Exit);
        Assert.Contains("O>X1>D", result.Out);
        Assert.Contains("O:D#3", result.Out);
        Assert.Contains("0.02", result.Out);
    }

    [Fact]
    public void Schema_prints_the_published_schema()
    {
        var result = Routesim.Run("schema");
        Assert.Equal(File.ReadAllText(Path.Combine(Routesim.RepoRoot, "docs", "scenario.schema.json")), result.Out);
    }
}
