using RouteSim.Scenarios;
using RouteSim.Scenarios.Yaml;
using YamlDotNet.RepresentationModel;

namespace RouteSim.Experiments.Templates;

/// <summary>A scenario file whose numbers can be set by path: each instance is the file with some values replaced, validated as any scenario is.</summary>
public sealed class ScenarioTemplate
{
    private readonly string _text;

    // The file parsed once, never changed: each instance starts from a copy of it. A calibration instantiates the
    // scenario at every evaluation, and parsing the text was about 40% of building an instance (Gatekeeper: 0.8 of
    // 2.0 ms; a copy takes about 0.1). Copied under a lock, since evaluations side by side instantiate concurrently.
    private readonly YamlMappingNode _parsed;

    private ScenarioTemplate(string file, string text, LoadResult baseline)
    {
        File = file;
        _text = text;
        Baseline = baseline;
        _parsed = Tree();
    }

    /// <summary>The file as the user named it.</summary>
    public string File { get; }

    /// <summary>The file as written, loaded.</summary>
    public LoadResult Baseline { get; }

    /// <summary>Reads and validates a scenario file; null with its errors when it does not load.</summary>
    public static ScenarioTemplate? Open(string file, LoadOptions options, out IReadOnlyList<ScenarioError> errors)
    {
        var loaded = ScenarioFile.Load(file, options, out var text);
        errors = loaded.Errors;
        return loaded.Ok ? new ScenarioTemplate(file, text!, loaded) : null;
    }

    /// <summary>The scenario with these values set; errors name the parameter values when the result is not a valid scenario.</summary>
    public LoadResult Instantiate(IReadOnlyList<ParameterPath> paths, IReadOnlyList<double> values, LoadOptions options)
    {
        YamlMappingNode root;
        lock (_parsed) root = (YamlMappingNode)Copy(_parsed, new Dictionary<YamlNode, YamlNode>(ReferenceEqualityComparer.Instance));
        for (int i = 0; i < paths.Count; i++)
            if (paths[i].Apply(root, values[i]) is { } problem)
                return new LoadResult(null, null, [new ScenarioError(File, 0, 0, paths[i].Text, problem)]);
        var loaded = ScenarioLoader.Load(root, File, options);
        if (loaded.Ok) return loaded;
        // Positions in a rebuilt tree would mislead; name the field and the values instead.
        string setting = string.Join(", ", paths.Select((p, i) => $"{p.Text} = {values[i]:G6}"));
        return loaded with { Errors = loaded.Errors.Select(e => e with { Line = 0, Column = 0, Message = $"{e.Message} (with {setting})" }).ToArray() };
    }

    /// <summary>The scenario's text with these values set, for writing a fitted scenario.</summary>
    public string Write(IReadOnlyList<ParameterPath> paths, IReadOnlyList<double> values, string? header = null)
    {
        var root = Tree();
        for (int i = 0; i < paths.Count; i++) paths[i].Apply(root, values[i]);
        var writer = new StringWriter { NewLine = "\n" };
        if (header is not null)
            foreach (var line in header.Split('\n')) writer.WriteLine($"# {line}");
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString();
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    /// <summary>The current value at a path (null when the file leaves it to its default).</summary>
    public double? Read(ParameterPath path) => path.Read(Tree());

    /// <summary>
    /// A deep copy of a parsed tree: values, styles, tags and anchors, and a node reached twice (through an alias)
    /// copied once and shared as in the original, so setting a value under an alias changes every use as on the
    /// parsed text. Source positions are not copied (YamlDotNet keeps them read-only); errors of an instance name
    /// no position anyway (see <see cref="Instantiate"/>).
    /// </summary>
    private static YamlNode Copy(YamlNode node, Dictionary<YamlNode, YamlNode> copies)
    {
        if (copies.TryGetValue(node, out var done)) return done;
        YamlNode copy;
        switch (node)
        {
            case YamlScalarNode scalar:
                copy = new YamlScalarNode(scalar.Value) { Style = scalar.Style };
                break;
            case YamlSequenceNode sequence:
                var list = new YamlSequenceNode { Style = sequence.Style };
                copies[node] = list;
                foreach (var item in sequence.Children) list.Children.Add(Copy(item, copies));
                copy = list;
                break;
            case YamlMappingNode mapping:
                var map = new YamlMappingNode { Style = mapping.Style };
                copies[node] = map;
                foreach (var (key, value) in mapping.Children) map.Children.Add(Copy(key, copies), Copy(value, copies));
                copy = map;
                break;
            default:
                throw new NotSupportedException($"a YAML node of kind {node.NodeType}");
        }
        copy.Tag = node.Tag;
        copy.Anchor = node.Anchor;
        copies[node] = copy;
        return copy;
    }

    private YamlMappingNode Tree()
    {
        var diagnostics = new Diagnostics(File);
        return (YamlMappingNode)SingleDocument.Parse(_text, diagnostics, "")!;
    }
}
