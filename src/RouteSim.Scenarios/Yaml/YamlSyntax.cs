using YamlDotNet.Core;

namespace RouteSim.Scenarios.Yaml;

/// <summary>
/// Locates and explains YAML syntax errors that YamlDotNet reports away from their cause: a tab used as
/// indentation (reported at the start of the enclosing mapping, or at the end of the line before), and an
/// anchor inside a flow mapping, which YamlDotNet 18 cannot read although YAML allows it.
/// </summary>
public static class YamlSyntax
{
    /// <summary>
    /// Where a tab indents a line, when <paramref name="e"/> is YamlDotNet's complaint about one: the first
    /// line from the start of the reported context whose leading white space holds a tab. Null otherwise.
    /// </summary>
    public static SourcePosition? TabIndentation(string text, YamlException e)
    {
        if (!e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase)) return null;
        var lines = text.Split('\n');
        for (int i = (int)Math.Max(0, e.Start.Line - 1); i < lines.Length; i++)
        {
            var line = lines[i];
            int indent = 0;
            while (indent < line.Length && line[indent] is ' ' or '\t') indent++;
            int tab = line.IndexOf('\t', 0, indent);
            if (tab >= 0 && indent < line.TrimEnd('\r').Length) return new SourcePosition(i + 1, tab + 1);
        }
        return null;
    }

    /// <summary>A hint appended to YamlDotNet's message where its words do not name the cause; empty otherwise.</summary>
    public static string Hint(string text, YamlException e)
    {
        if (!e.Message.Contains("flow mapping", StringComparison.Ordinal)) return "";
        var lines = text.Split('\n');
        int line = (int)e.Start.Line - 1;
        if (line < 0 || line >= lines.Length) return "";
        var before = lines[line][..Math.Min(lines[line].Length, (int)Math.Max(0, e.Start.Column - 1))];
        return before.LastIndexOf('{') is var open && open >= 0 && before.IndexOf('&', open) >= 0
            ? " (the YAML reader, YamlDotNet, cannot read an anchor '&name' on a value inside { } followed by more keys; write this mapping one key per line)"
            : "";
    }
}
