using RouteSim.Core.Model;
using RouteSim.Scenarios.Format;
using RouteSim.Scenarios.Yaml;
using YamlDotNet.RepresentationModel;

namespace RouteSim.Scenarios;

/// <summary>
/// Turns scenario text into a validated <see cref="Scenario"/> and its <see cref="CompiledScenario"/>, or into the full list of
/// problems: YAML syntax, unknown or missing keys, wrong types, values out of range, references to unknown
/// ids, duplicates, od pairs without a route, events past the end, and populations too large for memory.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Loads scenario text; <paramref name="file"/> names it in error messages.</summary>
    public static LoadResult Load(string text, string file, LoadOptions? options = null)
    {
        var diagnostics = new Diagnostics(file);
        var root = SingleDocument.Parse(text, diagnostics, "a scenario needs name, periods, nodes, edges, commodities, organizations, enforcement");
        return root is null ? Failed(diagnostics) : Load(root, file, options, diagnostics);
    }

    /// <summary>Loads a scenario already parsed to YAML nodes (for example, a template with parameters set); positions refer to those nodes.</summary>
    public static LoadResult Load(YamlNode root, string file, LoadOptions? options = null) =>
        Load(root, file, options, new Diagnostics(file));

    private static LoadResult Load(YamlNode root, string file, LoadOptions? options, Diagnostics diagnostics)
    {
        options ??= LoadOptions.ForThisMachine();
        var reader = MappingReader.Open(root, ScenarioFormat.Scenario, "", diagnostics);
        if (reader is null) return Failed(diagnostics);
        var scenario = new ScenarioReading(reader, diagnostics).Scenario();
        if (!diagnostics.Ok || scenario is null) return Failed(diagnostics);

        var model = ModelBuild.Build(scenario, diagnostics, options);
        return diagnostics.Ok ? new LoadResult(scenario, model, []) : Failed(diagnostics);
    }

    private static LoadResult Failed(Diagnostics diagnostics) => new(null, null, diagnostics.Errors);
}
