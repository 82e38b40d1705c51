using System.Globalization;
using RouteSim.Core.Model;
using RouteSim.Scenarios;
using RouteSim.Scenarios.Yaml;
using YamlDotNet.RepresentationModel;

namespace RouteSim.Server;

/// <summary>
/// A what-if: the baseline scenario file with the request's enforcement events appended to its own, loaded by
/// the same loader as any scenario file. Its text is what the page downloads, so what ran is what
/// <c>routesim validate</c> and <c>routesim compare</c> read back.
/// </summary>
public sealed class WhatIfScenario
{
    private WhatIfScenario(string text, LoadResult loaded)
    {
        Text = text;
        Loaded = loaded;
    }

    /// <summary>The scenario as YAML, with a header saying what was changed.</summary>
    public string Text { get; }

    /// <summary>The scenario loaded (its errors when the events make it invalid).</summary>
    public LoadResult Loaded { get; }

    /// <summary>The name a downloaded what-if file gets.</summary>
    public const string FileName = "what-if.yaml";

    /// <summary>Builds the what-if of <paramref name="baseline"/> with <paramref name="events"/> added after its own events.</summary>
    public static WhatIfScenario Build(BaselineScenario baseline, IReadOnlyList<EnforcementEvent> events, string version, LoadOptions options)
    {
        var root = (YamlMappingNode)SingleDocument.Parse(baseline.Text, new Diagnostics(baseline.File), "")!;
        string summary = Describe(events, baseline.Scenario.PeriodUnit);
        root.Children[new YamlScalarNode("name")] = new YamlScalarNode($"{baseline.Scenario.Name} (what-if)");
        root.Children[new YamlScalarNode("description")] = new YamlScalarNode(
            $"{baseline.Scenario.Description.Trim()} What-if made with routesim serve from {Path.GetFileName(baseline.File)}: {summary}".Trim());

        var enforcement = (YamlMappingNode)root.Children[new YamlScalarNode("enforcement")];
        if (!enforcement.Children.TryGetValue(new YamlScalarNode("events"), out var list) || list is not YamlSequenceNode sequence)
        {
            sequence = new YamlSequenceNode();
            enforcement.Children[new YamlScalarNode("events")] = sequence;
        }
        sequence.Style = YamlDotNet.Core.Events.SequenceStyle.Block;
        foreach (var e in events) sequence.Add(Node(e));

        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        writer.WriteLine($"# What-if of {Path.GetFileName(baseline.File)} (SHA-256 {baseline.Sha256}), made by routesim serve {version}.");
        writer.WriteLine($"# Enforcement events added after the file's own: {summary}");
        writer.WriteLine($"# Compare it with: routesim compare {Path.GetFileName(baseline.File)} {FileName}");
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString();
        if (text.EndsWith("...\n", StringComparison.Ordinal)) text = text[..^4];
        return new WhatIfScenario(text, ScenarioLoader.Load(text, FileName, options));
    }

    /// <summary>The events in words, e.g. "from day 34: set TIJ_LINE to 0; add 2000 at SOY_LINE".</summary>
    public static string Describe(IReadOnlyList<EnforcementEvent> events, string unit)
    {
        if (events.Count == 0) return "none (the what-if equals the baseline).";
        return string.Join("; ", events.Select(e =>
        {
            var parts = e.Set.Select(s => $"set {s.Key} to {Number(s.Value)}").Concat(e.Add.Select(a => $"add {Number(a.Value)} at {a.Key}"));
            return $"from {unit} {e.Period}: {string.Join(", ", parts)}";
        })) + ".";
    }

    private static YamlMappingNode Node(EnforcementEvent e)
    {
        var node = new YamlMappingNode { { "period", e.Period.ToString(CultureInfo.InvariantCulture) } };
        if (e.Set.Count > 0) node.Add("set", Units(e.Set));
        if (e.Add.Count > 0) node.Add("add", Units(e.Add));
        return node;
    }

    private static YamlMappingNode Units(IReadOnlyDictionary<string, double> units)
    {
        var node = new YamlMappingNode();
        foreach (var (id, amount) in units) node.Add(id, Number(amount));
        return node;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
