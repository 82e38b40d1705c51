using System.Globalization;
using System.Text.RegularExpressions;
using RouteSim.Scenarios.Format;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RouteSim.Experiments.Templates;

/// <summary>
/// A number in a scenario addressed by path, as a user writes it: <c>enforcement.effectiveness</c>,
/// <c>organizations[cartel].temperature</c>, <c>nodes[X1].danger</c>, <c>enforcement.allocation.X1</c>,
/// <c>edges[O:X1].cost</c>, <c>organizations[org].od[O:D].weight</c>, <c>enforcement.events[0].add.X1</c>.
/// </summary>
/// <remarks>
/// Items of a list are picked by id (nodes, commodities, organizations), by <c>FROM:TO</c> (edges), by
/// <c>ORIGIN:DESTINATION</c> (od pairs), or by 0-based position; <c>[*]</c> picks every item (useful with
/// <see cref="Multiplies"/>: <c>edges[*].cost</c> scales every edge). The path is checked against the scenario
/// format, so a misspelt key or a non-numeric field is refused before anything runs.
/// </remarks>
public sealed partial class ParameterPath
{
    private readonly IReadOnlyList<(string Key, string? Selector)> _segments;

    private ParameterPath(string text, IReadOnlyList<(string, string?)> segments, FieldSpec field, bool multiplies = false)
    {
        Text = text;
        _segments = segments;
        Field = field;
        Multiplies = multiplies;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>The format's description of the addressed key (type and allowed range).</summary>
    public FieldSpec Field { get; }

    /// <summary>True when the addressed key holds whole numbers.</summary>
    public bool IsInteger => Field.Type == FieldType.Integer;

    /// <summary>
    /// True when a value multiplies the numbers the file writes at the path instead of replacing them: with
    /// <c>edges[*].cost</c>, one factor scales every edge's cost.
    /// </summary>
    public bool Multiplies { get; }

    /// <summary>True when a [*] selects every item of a list.</summary>
    public bool IsWildcard => _segments.Any(s => s.Selector == "*");

    /// <summary>This path, setting by multiplication.</summary>
    public ParameterPath Multiplying() => new(Text, _segments, Field, true);

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9_][A-Za-z0-9_\-]*)(\[(?<sel>[^\[\]]+)\])?$")]
    private static partial Regex Segment();

    /// <summary>Parses and checks a path against the scenario format; null with a reason when it is not a numeric key.</summary>
    public static ParameterPath? Parse(string text, out string? problem)
    {
        problem = null;
        var parts = SplitSegments(text);
        if (parts is null)
        {
            problem = $"'{text}' is not a path such as organizations[cartel].temperature";
            return null;
        }
        var spec = ScenarioFormat.Scenario;
        var segments = new List<(string, string?)>();
        FieldSpec? field = null;
        for (int i = 0; i < parts.Count; i++)
        {
            if (field?.Type == FieldType.NumberMap && parts[i] == "*" && i == parts.Count - 1)
            {
                // Every entry of the map: only meaningful when multiplying (see Multiplies).
                segments.Add(("*", null));
                return new ParameterPath(text, segments, field with { Type = FieldType.Number });
            }
            var match = Segment().Match(parts[i]);
            if (!match.Success)
            {
                problem = $"'{parts[i]}' in '{text}' is not a key (with an optional [selector])";
                return null;
            }
            string key = match.Groups["key"].Value;
            string? selector = match.Groups["sel"].Success ? match.Groups["sel"].Value : null;
            if (field?.Type == FieldType.NumberMap)
            {
                // The segment after a map of location ids is the id itself.
                if (selector is not null || i != parts.Count - 1)
                {
                    problem = $"'{text}': after {field.Name} comes one location id and nothing else";
                    return null;
                }
                segments.Add((key, null));
                return new ParameterPath(text, segments, field with { Type = FieldType.Number });
            }
            if (spec is null)
            {
                problem = $"'{text}': {field!.Name} is a number; nothing can follow it";
                return null;
            }
            field = spec.Field(key);
            if (field is null)
            {
                problem = $"'{text}': {spec.Title} has no key '{key}' (keys: {string.Join(", ", spec.Keys)})";
                return null;
            }
            if (field.Type == FieldType.MappingList && selector is null)
            {
                problem = $"'{text}': {key} is a list; pick an item, e.g. {key}[{ExampleSelector(field)}]";
                return null;
            }
            if (field.Type != FieldType.MappingList && selector is not null && field.Type != FieldType.NumberMap)
            {
                problem = $"'{text}': {key} is not a list, so it takes no [{selector}]";
                return null;
            }
            if (field.Type == FieldType.NumberMap && selector is not null)
            {
                // allocation[X1] is the same as allocation.X1
                segments.Add((key, null));
                segments.Add((selector, null));
                if (i != parts.Count - 1)
                {
                    problem = $"'{text}': after {key}[{selector}] comes nothing";
                    return null;
                }
                return new ParameterPath(text, segments, field with { Type = FieldType.Number });
            }
            segments.Add((key, selector));
            spec = field.Type is FieldType.Mapping or FieldType.MappingList ? field.Nested : null;
        }
        if (field is null || field.Type is not (FieldType.Number or FieldType.Integer))
        {
            problem = field?.Type == FieldType.NumberMap
                ? $"'{text}': {field.Name} maps location ids to numbers; add the id, e.g. {text}.X1"
                : $"'{text}' does not end at a number (it ends at {field?.Name ?? "nothing"}, a {field?.Type.ToString().ToLowerInvariant()})";
            return null;
        }
        return new ParameterPath(text, segments, field);
    }

    /// <summary>
    /// Sets (or multiplies) the addressed number in a parsed scenario, creating the key and enclosing mappings
    /// when absent (not when multiplying: there is nothing to multiply); null on success, else the reason.
    /// </summary>
    public string? Apply(YamlMappingNode root, double value) => Apply(root, 0, value);

    private string? Apply(YamlMappingNode current, int at, double value)
    {
        var (key, selector) = _segments[at];
        if (at == _segments.Count - 1)
        {
            var name = new YamlScalarNode(key);
            if (key == "*")
            {
                if (!Multiplies) return "a * over a map's entries needs multiply: true";
                var entries = current.Children.Where(e => e.Value is YamlScalarNode).Select(e => e.Key).ToArray();
                if (entries.Length == 0) return "the map has no entries, so there is nothing to multiply";
                foreach (var entry in entries)
                {
                    var entryValue = (YamlScalarNode)current.Children[entry];
                    if (!double.TryParse(entryValue.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return $"{entry} is not a number";
                    current.Children[entry] = Scalar(number * value);
                }
                return null;
            }
            if (!Multiplies)
            {
                current.Children[name] = Scalar(value);
                return null;
            }
            if (Child(current, key) is not YamlScalarNode old || !double.TryParse(old.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var written))
                return $"{key} is not written in the scenario, so there is nothing to multiply";
            current.Children[name] = Scalar(IsInteger ? Math.Round(written * value, MidpointRounding.AwayFromZero) : written * value);
            return null;
        }
        var child = Child(current, key);
        if (selector is null)
        {
            if (child is null)
            {
                if (Multiplies) return $"{key} is not written in the scenario, so there is nothing to multiply";
                child = new YamlMappingNode();
                current.Children[new YamlScalarNode(key)] = child;
            }
            return child is YamlMappingNode mapping ? Apply(mapping, at + 1, value) : $"{key} is not a mapping in this scenario";
        }
        if (child is not YamlSequenceNode list) return $"the scenario has no {key} list";
        if (selector == "*")
        {
            var items = list.Children.OfType<YamlMappingNode>().ToArray();
            if (items.Length == 0) return $"{key} has no items";
            // Multiplying, [*] means every item that writes the rest of the path: events without an 'add' are left alone.
            string? first = null;
            int applied = 0;
            foreach (var item in items)
            {
                var problem = Apply(item, at + 1, value);
                if (problem is null) applied++;
                else if (Multiplies && problem.Contains("nothing to multiply", StringComparison.Ordinal)) first ??= problem;
                else return problem;
            }
            return applied > 0 ? null : first;
        }
        var selected = Select(list, key, selector);
        return selected is null
            ? $"{key} has no item {selector} (items are picked by {SelectorMeaning(key)}, by 0-based position, or all with *)"
            : Apply(selected, at + 1, value);
    }

    /// <summary>The number currently at the path in a parsed scenario, or null when absent (the format's default applies).</summary>
    public double? Read(YamlMappingNode root)
    {
        YamlNode? node = root;
        foreach (var (key, selector) in _segments)
        {
            if (node is not YamlMappingNode mapping) return null;
            node = Child(mapping, key);
            if (selector is not null)
                node = node is not YamlSequenceNode list ? null
                    : selector == "*" ? list.Children.OfType<YamlMappingNode>().FirstOrDefault()
                    : Select(list, key, selector);
        }
        return node is YamlScalarNode s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static YamlMappingNode? Select(YamlSequenceNode list, string key, string selector)
    {
        var items = list.Children.OfType<YamlMappingNode>().ToArray();
        string? Field(YamlMappingNode m, string name) => Child(m, name) is YamlScalarNode s ? s.Value : null;
        var byKey = items.FirstOrDefault(m => key switch
        {
            "edges" => $"{Field(m, "from")}:{Field(m, "to")}" == selector,
            "od" => $"{Field(m, "origin")}:{Field(m, "destination")}" == selector,
            _ => Field(m, "id") == selector,
        });
        if (byKey is not null) return byKey;
        return int.TryParse(selector, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < list.Children.Count
            ? list.Children[index] as YamlMappingNode
            : null;
    }

    private static string SelectorMeaning(string key) => key switch
    {
        "edges" => "FROM:TO",
        "od" => "ORIGIN:DESTINATION",
        "events" => "position",
        _ => "id",
    };

    private static string ExampleSelector(FieldSpec field) => field.Name switch
    {
        "edges" => "O:X1",
        "od" => "O:D",
        "events" => "0",
        "nodes" => "X1",
        _ => "id",
    };

    private static YamlScalarNode Scalar(double value) =>
        new(value.ToString("R", CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain };

    /// <summary>Splits on dots outside brackets (ids inside brackets may hold dots).</summary>
    private static List<string>? SplitSegments(string text)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '[') depth++;
            else if (text[i] == ']') depth--;
            else if (text[i] == '.' && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
            if (depth is < 0 or > 1) return null;
        }
        parts.Add(text[start..]);
        return depth == 0 && parts.All(p => p.Length > 0) ? parts : null;
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
