using System.Text.Json.Nodes;
using Json.Schema;
using RouteSim.Scenarios.Format;
using RouteSim.Scenarios.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace RouteSim.Scenarios.Tests;

/// <summary>The loader, the JSON Schema and the docs come from one definition; these tests keep the files in step with it.</summary>
public class FormatDocumentationTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(JsonSchemaWriter.Write());

    [Fact]
    public void Published_schema_is_the_generated_one()
    {
        var published = File.ReadAllText(Repo.File("docs", "scenario.schema.json"));
        Assert.True(published == JsonSchemaWriter.Write(), "docs/scenario.schema.json is stale: regenerate it with 'routesim schema > docs/scenario.schema.json'");
    }

    [Fact]
    public void Format_docs_hold_the_generated_reference()
    {
        var docs = File.ReadAllText(Repo.File("docs", "scenario-format.md")).ReplaceLineEndings("\n");
        Assert.True(docs.Contains(FormatReference.Write(), StringComparison.Ordinal),
            "docs/scenario-format.md is stale: paste the output of 'routesim schema --docs' between its markers");
    }

    [Fact]
    public void Whole_bounds_print_as_the_integers_they_are()
    {
        // The seed's upper bound is long.MaxValue; as a double it rounds to 2^63 and used to print as 9,223,372,036,854,780,000.
        Assert.Contains("in [0, 9,223,372,036,854,775,807]", FormatReference.Write(), StringComparison.Ordinal);
        Assert.Contains("\"maximum\": 9223372036854775807", JsonSchemaWriter.Write(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bundled_scenario_passes_the_schema_and_the_loader()
    {
        var schema = Schema;
        // Sweep and calibration files (in sweeps/ folders, or named calibration*) are experiments over scenarios,
        // checked by their own loaders in RouteSim.Experiments.Tests.
        var files = Directory.GetFiles(Repo.File("scenarios"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}sweeps{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !Path.GetFileName(f).StartsWith("calibration", StringComparison.Ordinal))
            .ToArray();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var result = ScenarioLoader.Load(text, file, LoadOptions.Unlimited);
            Assert.True(result.Ok, string.Join("\n", result.Errors));
            var evaluation = schema.Evaluate(ToJson(text), new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(evaluation.IsValid, $"{file}: {System.Text.Json.JsonSerializer.Serialize(evaluation)}");
        }
    }

    [Fact]
    public void Schema_rejects_what_the_loader_rejects()
    {
        var schema = Schema;
        foreach (var (find, replace) in new[] { ("temperature: 2.0", "temperature: 0"), ("periods: 60", "periodz: 60"), ("kind: origin", "kind: harbour"), ("base_detection: 0.05, area: 10 }\n  - { id: X2", "base_detection: 1, area: 10 }\n  - { id: X2") })
        {
            var text = Repo.Tutorial.Replace(find, replace);
            Assert.False(ScenarioLoader.Load(text, "x.yaml", LoadOptions.Unlimited).Ok);
            Assert.False(schema.Evaluate(ToJson(text)).IsValid, replace);
        }
    }

    /// <summary>YAML to JSON with plain scalars typed as YAML's core schema types them.</summary>
    private static System.Text.Json.JsonElement ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return System.Text.Json.JsonSerializer.SerializeToElement(Convert(stream.Documents[0].RootNode));

        static JsonNode? Convert(YamlNode node) => node switch
        {
            YamlMappingNode m => new JsonObject(m.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
            YamlSequenceNode s => new JsonArray(s.Children.Select(Convert).ToArray()),
            YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } p when bool.TryParse(p.Value, out var b) => JsonValue.Create(b),
            YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } p when long.TryParse(p.Value, out var i) => JsonValue.Create(i),
            YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } p when double.TryParse(p.Value, System.Globalization.CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            YamlScalarNode p => JsonValue.Create(p.Value),
            _ => null,
        };
    }
}
