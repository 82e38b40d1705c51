using System.Text.Json;
using RouteSim.Core.Engine;
using RouteSim.Experiments.Calibration;
using RouteSim.Experiments.Templates;
using RouteSim.Scenarios;

namespace RouteSim.Experiments.Tests;

/// <summary>
/// A template parses its file once and instantiates copies of that tree: every instance must be what loading the
/// file with the values written in gives, whatever was instantiated before, route sets included.
/// </summary>
public class ScenarioTemplateTests
{
    private static readonly string Tutorial = Files.Scenario("tutorial", "three-crossings.yaml");

    private static ParameterPath Path(string text) => ParameterPath.Parse(text, out var problem) ?? throw new Xunit.Sdk.XunitException(problem);

    private static ScenarioTemplate Open(string file) =>
        ScenarioTemplate.Open(file, LoadOptions.Unlimited, out var errors) ?? throw new Xunit.Sdk.XunitException(string.Join("\n", errors));

    /// <summary>The scenario as loaded from text with the values written in: the path every instance used to take.</summary>
    private static LoadResult Fresh(ScenarioTemplate template, IReadOnlyList<ParameterPath> paths, IReadOnlyList<double> values) =>
        ScenarioLoader.Load(template.Write(paths, values), template.File, LoadOptions.Unlimited);

    private static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Everything that reaches the engine: the validated scenario, and each organization's routes with their costs' and dangers' bits.</summary>
    private static string Fingerprint(LoadResult loaded)
    {
        Assert.True(loaded.Ok, string.Join("; ", loaded.Errors));
        var routes = loaded.Model!.Catalog.Organizations.SelectMany(o => o.Routes).Select(r =>
            $"{r.Id} {string.Join('>', r.Nodes)} {BitConverter.DoubleToInt64Bits(r.Cost)} {BitConverter.DoubleToInt64Bits(r.Danger)}");
        return JsonSerializer.Serialize(loaded.Scenario, Json) + "\n" + string.Join("\n", routes);
    }

    private static ParameterPath[] Costs() => [Path("nodes[X1].cost"), Path("nodes[X3].cost"), Path("edges[*].cost").Multiplying()];

    [Fact]
    public void A_cost_that_changes_the_route_set_is_honoured_whatever_came_before()
    {
        // Routes O>X1>D, O>X2>D, O>X3>D cost 3, 4 and 5 as written; max_stretch 3 keeps routes up to 9.
        var template = Open(Tutorial);
        var paths = Costs();
        double[][] points =
        [
            [1, 3, 1],   // as written: X1, X2, X3
            [1, 10, 1],  // X3's route costs 12 > 9: dropped
            [5, 3, 1],   // X1's route costs 7: ranked last
            [1, 3, 2],   // every edge doubled: 5, 6 and 7, all within 15
            [1, 3, 1],   // back to the file's own values
        ];
        int[] expected = [3, 2, 3, 3, 3];
        for (int i = 0; i < points.Length; i++)
        {
            var instance = template.Instantiate(paths, points[i], LoadOptions.Unlimited);
            Assert.Equal(Fingerprint(Fresh(template, paths, points[i])), Fingerprint(instance));
            Assert.Equal(expected[i], instance.Model!.Catalog.Organizations[0].Routes.Count);
        }
        var reordered = template.Instantiate(paths, points[2], LoadOptions.Unlimited).Model!.Catalog.Organizations[0].Routes;
        Assert.Equal(["X2", "X3", "X1"], reordered.Select(r => template.Baseline.Model!.LocationIds[r.Nodes[1]]));
        // The parsed file itself is never changed by an instance.
        Assert.Equal(1.0, template.Read(paths[0]));
        Assert.Equal(3.0, template.Read(paths[1]));
    }

    [Fact]
    public void An_instance_of_the_Gatekeeper_fit_is_its_file_with_the_values_loaded_afresh_and_runs_the_same()
    {
        var calibration = CalibrationFile.Load(Files.Scenario("backtest", "gatekeeper", "calibration.yaml"), LoadOptions.Unlimited, out var errors)
            ?? throw new Xunit.Sdk.XunitException(string.Join("\n", errors));
        var template = calibration.Scenario;
        var paths = calibration.Parameters.Select(p => p.Path).ToArray();
        var start = calibration.Parameters.Select(p => p.Parameter.Start).ToArray();
        var random = new Random(23);
        var points = new List<double[]> { start };
        for (int i = 0; i < 4; i++)
            points.Add(calibration.Parameters.Select(p => p.Parameter.FromFree(p.Parameter.ToFree(p.Parameter.Start) + random.NextDouble() * 2 - 1)).ToArray());
        // One sector free to cross and short edges: a route through any other sector (crossing cost 5 or more) costs
        // over 10 times the cheapest (max_stretch 10), so every pair is left with one route.
        var lopsided = (double[])start.Clone();
        lopsided[paths.Select(p => p.Text).ToList().IndexOf("nodes[rio_grande_valley].cost")] = 0;
        lopsided[paths.Select(p => p.Text).ToList().IndexOf("nodes[san_diego].cost")] = 40;
        lopsided[paths.Select(p => p.Text).ToList().IndexOf("edges[*].cost")] = 0.1;
        points.Insert(2, lopsided);
        foreach (var values in points)
        {
            var instance = template.Instantiate(paths, values, LoadOptions.Unlimited);
            var fresh = Fresh(template, paths, values);
            Assert.Equal(Fingerprint(fresh), Fingerprint(instance));
            Assert.Equal(Run(fresh.Model!), Run(instance.Model!));
        }
        var pairs = template.Instantiate(paths, lopsided, LoadOptions.Unlimited).Model!.Catalog.Organizations[0].Pairs;
        Assert.All(pairs, p => Assert.Single(p.Routes));
        Assert.All(template.Instantiate(paths, start, LoadOptions.Unlimited).Model!.Catalog.Organizations[0].Pairs, p => Assert.Equal(9, p.Routes.Length));
    }

    /// <summary>Two replications of the first 14 periods, every count.</summary>
    private static string Run(CompiledScenario model)
    {
        var counts = new List<string>();
        Ensemble.Run(model, new RunSettings(5, 2, 1) { Periods = 14 }, r => counts.Add(string.Join(',', r.Locations) + "|" + string.Join(',', r.Routes)));
        return string.Join("\n", counts);
    }

    [Fact]
    public void A_bad_value_is_refused_with_the_same_error_as_a_fresh_load_names_after_good_ones()
    {
        var template = Open(Tutorial);
        var paths = new[] { Path("organizations[org].temperature") };
        Assert.True(template.Instantiate(paths, [3], LoadOptions.Unlimited).Ok);
        var bad = template.Instantiate(paths, [-1], LoadOptions.Unlimited);
        Assert.False(bad.Ok);
        var fresh = Fresh(template, paths, [-1]);
        Assert.Equal(fresh.Errors.Select(e => e.Message + " (with organizations[org].temperature = -1)"), bad.Errors.Select(e => e.Message));
        Assert.All(bad.Errors, e => Assert.Equal((0, 0), (e.Line, e.Column)));
        Assert.True(template.Instantiate(paths, [3], LoadOptions.Unlimited).Ok);
    }

    [Fact]
    public void A_value_set_under_an_alias_reaches_every_use_of_it_as_on_the_text()
    {
        // The allocation and the event on day 40 share one mapping through an anchor: setting a number in it sets
        // it in both, as YAML's object model does for the parsed text.
        var text = File.ReadAllText(Tutorial)
            .Replace("  allocation: { X1: 5 }", "  allocation: &alloc { X1: 5 }", StringComparison.Ordinal)
            .Replace("    - { period: 40, set: { X1: 0 } }", "    - { period: 40, set: *alloc }", StringComparison.Ordinal);
        Assert.Contains("*alloc", text);
        var file = Files.Write(Files.Scratch(), "anchored.yaml", text);
        var template = Open(file);
        var paths = new[] { Path("enforcement.allocation.X1") };
        var instance = template.Instantiate(paths, [6], LoadOptions.Unlimited);
        Assert.Equal(Fingerprint(Fresh(template, paths, [6])), Fingerprint(instance));
        Assert.Equal(6, instance.Scenario!.Enforcement.Events[1].Set["X1"]);
        Assert.Equal(5, template.Baseline.Scenario!.Enforcement.Events[1].Set["X1"]);
    }
}
