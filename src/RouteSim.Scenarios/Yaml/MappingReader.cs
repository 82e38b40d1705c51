using System.Globalization;
using RouteSim.Scenarios.Format;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RouteSim.Scenarios.Yaml;

/// <summary>
/// Reads one YAML mapping against its <see cref="ObjectSpec"/>: reports unknown and missing keys when created,
/// and wrong types or out-of-range values as each key is read, every problem with its position and path.
/// A getter that finds a problem returns a placeholder (NaN, 0, empty) so reading can go on and report the rest.
/// </summary>
public sealed class MappingReader
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    private MappingReader(YamlMappingNode node, ObjectSpec spec, string path, Diagnostics diagnostics)
    {
        Spec = spec;
        Path = path;
        Diagnostics = diagnostics;
        Position = At(node);
        diagnostics.Remember(path, Position);

        foreach (var (keyNode, value) in node.Children)
        {
            if (keyNode is not YamlScalarNode key || key.Value is null)
            {
                diagnostics.Error(At(keyNode), path, "keys must be plain words");
                continue;
            }
            var field = spec.Field(key.Value);
            if (field is null)
            {
                diagnostics.Error(At(key), Join(path, key.Value), $"unknown key '{key.Value}' in {spec.Title}{Suggest(key.Value, spec)}");
                HasUnknownKey = true;
                continue;
            }
            _entries[key.Value] = (key, value);
            diagnostics.Remember(Join(path, key.Value), At(value));
        }

        foreach (var field in spec.Fields)
            if (field.Required && !_entries.ContainsKey(field.Name))
                diagnostics.Error(Position, Join(path, field.Name), $"missing required key '{field.Name}' in {spec.Title}");
    }

    /// <summary>The spec this mapping is read against.</summary>
    public ObjectSpec Spec { get; }

    /// <summary>Path of the mapping, e.g. <c>nodes[2]</c>; empty for the root.</summary>
    public string Path { get; }

    /// <summary>Where problems are recorded.</summary>
    public Diagnostics Diagnostics { get; }

    /// <summary>Where the mapping starts.</summary>
    public SourcePosition Position { get; }

    /// <summary>Reads a node as a mapping of this spec; null (with an error) when it is not a mapping.</summary>
    public static MappingReader? Open(YamlNode node, ObjectSpec spec, string path, Diagnostics diagnostics)
    {
        if (node is YamlMappingNode mapping) return new MappingReader(mapping, spec, path, diagnostics);
        diagnostics.Error(At(node), path, $"expected {("aeiou".Contains(spec.Title[0]) ? "an" : "a")} {spec.Title} (a mapping of keys such as {string.Join(", ", spec.Keys.Take(3))}), got {Describe(node)}");
        return null;
    }

    /// <summary>True when the mapping holds a key its spec does not know (already reported), so checks of what it lacks would only repeat that error.</summary>
    public bool HasUnknownKey { get; }

    /// <summary>True when the key is written with nothing in it: no value, null, or an empty mapping.</summary>
    public bool IsEmpty(string key) =>
        _entries.TryGetValue(key, out var e) && (IsNullNode(e.Value) || e.Value is YamlMappingNode { Children.Count: 0 });

    /// <summary>True when the key is written (even if its value is wrong).</summary>
    public bool Has(string key) => _entries.ContainsKey(key);

    /// <summary>The path of a key of this mapping.</summary>
    public string PathOf(string key) => Join(Path, key);

    /// <summary>A text value; the default (or "") when absent.</summary>
    public string Text(string key, string fallback = "")
    {
        if (!TryScalar(key, out var scalar, out var field)) return fallback;
        var text = scalar.Value ?? "";
        if (IsNull(scalar) || (field.Type is FieldType.Id && text.Trim().Length == 0))
        {
            Error(key, scalar, $"expected {Expected(field)}, got nothing");
            return fallback;
        }
        if (field.Type is FieldType.Id && IdProblem(text) is { } problem)
        {
            Error(key, scalar, problem);
            return fallback;
        }
        if (field.Type is FieldType.Choice && !field.Choices!.Contains(text))
        {
            Error(key, scalar, $"'{text}' is not one of {string.Join(", ", field.Choices!)}");
            return fallback;
        }
        if (TextProblem(text) is { } unprintable)
        {
            Error(key, scalar, unprintable);
            return text; // the error fails the load; the text itself keeps later checks (such as "must not be empty") quiet
        }
        return text;
    }

    /// <summary>
    /// Why a free text (a name, label, description or source) cannot be shown, or null when it can: a control
    /// character other than a line break or tab would be sent as is to terminals and reports (a terminal escape
    /// can rewrite the screen), and U+FFFD stands for bytes that were not valid UTF-8.
    /// </summary>
    public static string? TextProblem(string text)
    {
        foreach (char c in text)
        {
            if (c == '\uFFFD') return "holds bytes that are not valid UTF-8 (save the file as UTF-8)";
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
                return $"holds the control character U+{(int)c:X4} (such as a terminal escape); texts are printable";
        }
        return null;
    }

    /// <summary>The characters an id may not hold: the separators of route ids (<c>origin:destination#rank</c>), so two routes never share an id.</summary>
    public const string IdSeparators = ":#";

    /// <summary>Why a text cannot be an id (a separator of route ids, or a control character), or null when it can.</summary>
    public static string? IdProblem(string id)
    {
        int separator = id.IndexOfAny(IdSeparators.ToCharArray());
        if (separator >= 0)
            return $"id '{Shorten(id)}' holds '{id[separator]}'; ids may not hold ':' or '#', which separate the parts of route ids (origin:destination#rank)";
        if (id.Any(char.IsControl))
            return $"id '{Shorten(id)}' holds a control character (such as a tab or a terminal escape); ids are printable text";
        return null;
    }

    /// <summary>A finite number; the default when absent, NaN when wrong.</summary>
    public double Number(string key, double fallback = double.NaN)
    {
        if (!TryScalar(key, out var scalar, out var field)) return fallback;
        if (!TryParseNumber(scalar, out var value, out var problem))
        {
            Error(key, scalar, problem ?? $"expected {Expected(field)}, got {Describe(scalar)}");
            return double.NaN;
        }
        return CheckRange(key, scalar, field, value) ? value : double.NaN;
    }

    /// <summary>A number, or null when the key is absent.</summary>
    public double? OptionalNumber(string key) => Has(key) ? Number(key) : null;

    /// <summary>A whole number; the default when absent, -1 when wrong.</summary>
    public long Integer(string key, long fallback = -1)
    {
        if (!TryScalar(key, out var scalar, out var field)) return fallback;
        var digits = scalar.Style == ScalarStyle.Plain ? scalar.Value?.Replace("_", "", StringComparison.Ordinal) : null;
        if (digits is not null && System.Numerics.BigInteger.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            // Written in digits: read exactly, never through a double (which would round seeds past 2^53).
            if (whole >= long.MinValue && whole <= long.MaxValue) return CheckRange(key, scalar, field, (long)whole) ? (long)whole : -1;
            Error(key, scalar, field.Range is { } range ? $"must be {range.Describe()}, got {Shorten(scalar.Value!)}" : $"must be at most {long.MaxValue:#,0} in size, got {Shorten(scalar.Value!)}");
            return -1;
        }
        if (!TryParseNumber(scalar, out var value, out var problem))
        {
            Error(key, scalar, problem ?? $"expected {Expected(field)}, got {Describe(scalar)}");
            return -1;
        }
        if (value != Math.Floor(value))
        {
            Error(key, scalar, $"must be a whole number, got {scalar.Value}");
            return -1;
        }
        if (Math.Abs(value) > MaxExactWhole)
        {
            Error(key, scalar, $"{Shorten(scalar.Value!)} is too large to hold exactly in this notation (beyond 2^53 = {MaxExactWhole:#,0}); write it out in digits, at most {long.MaxValue:#,0}");
            return -1;
        }
        return CheckRange(key, scalar, field, value) ? (long)value : -1;
    }

    /// <summary>true or false; the default when absent.</summary>
    public bool Flag(string key, bool fallback = false)
    {
        if (!TryScalar(key, out var scalar, out var field)) return fallback;
        if (scalar.Style == ScalarStyle.Plain && bool.TryParse(scalar.Value, out var value)) return value;
        Error(key, scalar, $"expected {Expected(field)}, got {Describe(scalar)}");
        return fallback;
    }

    /// <summary>A list of texts (ids or free text); empty when absent.</summary>
    public IReadOnlyList<(string Text, string Path)> Texts(string key)
    {
        if (!_entries.TryGetValue(key, out var entry)) return [];
        if (entry.Value is not YamlSequenceNode sequence)
        {
            Error(key, entry.Value, $"expected a list, got {Describe(entry.Value)}");
            return [];
        }
        var items = new List<(string, string)>();
        int i = 0;
        foreach (var item in sequence)
        {
            string path = $"{PathOf(key)}[{i++}]";
            Diagnostics.Remember(path, At(item));
            if (item is YamlScalarNode s && !IsNull(s))
            {
                if (TextProblem(s.Value!) is { } unprintable) Diagnostics.Error(At(item), path, unprintable);
                else items.Add((s.Value!, path));
            }
            else Diagnostics.Error(At(item), path, $"expected a word, got {Describe(item)}");
        }
        return items;
    }

    /// <summary>A list of finite numbers, each in the field's range; empty when absent or wrong.</summary>
    public IReadOnlyList<double> Numbers(string key)
    {
        if (!_entries.TryGetValue(key, out var entry)) return [];
        var field = Spec.Field(key)!;
        if (entry.Value is not YamlSequenceNode sequence)
        {
            Error(key, entry.Value, $"expected a list of numbers, got {Describe(entry.Value)}");
            return [];
        }
        var items = new List<double>();
        int i = 0;
        foreach (var item in sequence)
        {
            string path = $"{PathOf(key)}[{i++}]";
            string? problem = null;
            if (item is not YamlScalarNode s || !TryParseNumber(s, out var value, out problem))
                Diagnostics.Error(At(item), path, problem ?? $"expected a number, got {Describe(item)}");
            else if (field.Range is { } range && !range.Contains(value))
                Diagnostics.Error(At(item), path, $"must be {range.Describe()}, got {s.Value}");
            else items.Add(value);
        }
        return items;
    }

    /// <summary>The YAML node written for a key, or null.</summary>
    public YamlNode? Node(string key) => _entries.TryGetValue(key, out var e) ? e.Value : null;

    /// <summary>A nested mapping; null when absent or wrong.</summary>
    public MappingReader? Object(string key)
    {
        if (!_entries.TryGetValue(key, out var entry)) return null;
        var field = Spec.Field(key)!;
        if (IsNullNode(entry.Value))
        {
            Error(key, entry.Value, $"expected a {field.Nested!.Title} mapping, got nothing");
            return null;
        }
        return Open(entry.Value, field.Nested!, PathOf(key), Diagnostics);
    }

    /// <summary>A list of nested mappings; items that are not mappings are reported and skipped.</summary>
    public IReadOnlyList<MappingReader> Objects(string key)
    {
        if (!_entries.TryGetValue(key, out var entry)) return [];
        var field = Spec.Field(key)!;
        if (entry.Value is not YamlSequenceNode sequence)
        {
            Error(key, entry.Value, $"expected a list of {field.Nested!.Title} mappings, got {Describe(entry.Value)}");
            return [];
        }
        var items = new List<MappingReader>();
        int i = 0;
        foreach (var item in sequence)
            if (Open(item, field.Nested!, $"{PathOf(key)}[{i++}]", Diagnostics) is { } reader) items.Add(reader);
        return items;
    }

    /// <summary>A mapping of location ids to numbers in the field's range; empty when absent.</summary>
    public IReadOnlyList<(string Id, double Value, string Path)> NumberMap(string key)
    {
        if (!_entries.TryGetValue(key, out var entry)) return [];
        var field = Spec.Field(key)!;
        if (IsNullNode(entry.Value)) return [];
        if (entry.Value is not YamlMappingNode mapping)
        {
            Error(key, entry.Value, $"expected a mapping of location id to number, got {Describe(entry.Value)}");
            return [];
        }
        var items = new List<(string, double, string)>();
        foreach (var (k, v) in mapping.Children)
        {
            if (k is not YamlScalarNode idNode || string.IsNullOrWhiteSpace(idNode.Value))
            {
                Diagnostics.Error(At(k), PathOf(key), "keys must be location ids");
                continue;
            }
            string path = $"{PathOf(key)}.{idNode.Value}";
            Diagnostics.Remember(path, At(idNode));
            string? problem = null;
            if (v is not YamlScalarNode s || !TryParseNumber(s, out var value, out problem))
            {
                Diagnostics.Error(At(v), path, problem ?? $"expected a number, got {Describe(v)}");
                continue;
            }
            if (field.Range is { } range && !range.Contains(value))
            {
                Diagnostics.Error(At(v), path, $"must be {range.Describe()}, got {s.Value}");
                continue;
            }
            items.Add((idNode.Value!, value, path));
        }
        return items;
    }

    /// <summary>Position of a key's value, or of the mapping when the key is absent.</summary>
    public SourcePosition PositionOf(string key) => _entries.TryGetValue(key, out var e) ? At(e.Value) : Position;

    private bool TryScalar(string key, out YamlScalarNode scalar, out FieldSpec field)
    {
        field = Spec.Field(key) ?? throw new ArgumentException($"'{key}' is not a key of {Spec.Title}", nameof(key));
        scalar = null!;
        if (!_entries.TryGetValue(key, out var entry)) return false;
        if (entry.Value is YamlScalarNode s)
        {
            scalar = s;
            return true;
        }
        Error(key, entry.Value, $"expected {Expected(field)}, got {Describe(entry.Value)}");
        return false;
    }

    private bool CheckRange(string key, YamlScalarNode scalar, FieldSpec field, double value)
    {
        if (field.Range is not { } range || range.Contains(value)) return true;
        Error(key, scalar, $"must be {range.Describe()}, got {scalar.Value}");
        return false;
    }

    private void Error(string key, YamlNode at, string message) => Diagnostics.Error(At(at), PathOf(key), message);

    /// <summary>
    /// Parses a plain scalar as a number the arithmetic can carry: finite, and zero or of at least the smallest
    /// normal double (about 2.2e-308). Subnormal numbers are refused because they lose precision and their
    /// reciprocals overflow (a temperature of 5e-324 makes every choice weight 0 x infinity, so every agent
    /// abstains). <paramref name="problem"/> names the cause when the text is a number the arithmetic cannot carry.
    /// </summary>
    private static bool TryParseNumber(YamlScalarNode scalar, out double value, out string? problem)
    {
        value = double.NaN;
        problem = null;
        if (scalar.Style != ScalarStyle.Plain || scalar.Value is null) return false;
        var text = scalar.Value.Replace("_", "", StringComparison.Ordinal);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return false;
        if (double.IsInfinity(value) && !text.Contains("inf", StringComparison.OrdinalIgnoreCase) && !text.Contains('∞'))
            problem = $"{Shorten(scalar.Value)} is beyond the largest number the arithmetic carries ({double.MaxValue:G3})";
        else if (!double.IsFinite(value)) return false;
        else if (value != 0 && Math.Abs(value) < SmallestNormal)
            problem = $"{Shorten(scalar.Value)} is closer to zero than the arithmetic carries exactly (smallest normal number {SmallestNormal:G2}; its reciprocal overflows); use a number at least that large, or 0 where 0 is allowed";
        return problem is null;
    }

    /// <summary>2^53: whole numbers beyond it written as decimals or exponents (1e17) are not all exact as doubles.</summary>
    public const double MaxExactWhole = 9_007_199_254_740_992;

    /// <summary>The smallest positive normal double, 2^-1022.</summary>
    public const double SmallestNormal = 2.2250738585072014E-308;

    private static string Expected(FieldSpec field) => field.Type switch
    {
        FieldType.Integer => "a whole number",
        FieldType.Number => "a number",
        FieldType.Flag => "true or false",
        FieldType.Id => "an id",
        FieldType.Choice => $"one of {string.Join(", ", field.Choices!)}",
        _ => "a text",
    };

    private static bool IsNull(YamlScalarNode s) =>
        s.Style == ScalarStyle.Plain && (string.IsNullOrEmpty(s.Value) || s.Value is "~" or "null" or "Null" or "NULL");

    private static bool IsNullNode(YamlNode node) => node is YamlScalarNode s && IsNull(s);

    /// <summary>A short description of what was found, for messages.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s when IsNull(s) => "nothing",
        YamlScalarNode { Style: ScalarStyle.Plain } s => $"'{Shorten(s.Value!)}'",
        YamlScalarNode s => $"the quoted text \"{Shorten(s.Value ?? "")}\"",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "something else",
    };

    private static string Shorten(string text)
    {
        var printable = new string(text.Select(c => char.IsControl(c) || char.IsSurrogate(c) || c == '\uFFFD' ? '?' : c).ToArray());
        return printable.Length <= 40 ? printable : printable[..37] + "...";
    }

    /// <summary>Where a node starts.</summary>
    public static SourcePosition At(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Suggest(string key, ObjectSpec spec) =>
        NearestName.Find(key, spec.Keys) is { } best
            ? $" (did you mean '{best}'?)"
            : $" (expected one of: {string.Join(", ", spec.Keys)})";
}
