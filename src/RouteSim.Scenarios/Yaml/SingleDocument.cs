using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RouteSim.Scenarios.Yaml;

/// <summary>Parses the text of a file that must hold one YAML document: scenario, sweep and calibration files.</summary>
public static class SingleDocument
{
    /// <summary>
    /// Parses one YAML document, turning every syntax problem (and YamlDotNet's own failures on junk) into a
    /// located error; null when the text is not a single readable document.
    /// </summary>
    /// <param name="whenEmpty">What an empty file is missing, for its error message.</param>
    public static YamlNode? Parse(string text, Diagnostics diagnostics, string whenEmpty)
    {
        YamlNode? root;
        var parser = new DepthLimitedParser(new Parser(new StringReader(text)));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            if (stream.Documents.Count == 0)
            {
                diagnostics.Error(SourcePosition.Start, "", $"the file is empty: {whenEmpty}");
                return null;
            }
            if (stream.Documents.Count > 1)
                diagnostics.Error(MappingReader.At(stream.Documents[1].RootNode), "", "the file must hold one YAML document; remove the second '---' and what follows");
            root = stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var at = new SourcePosition((int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column));
            if (YamlSyntax.TabIndentation(text, e) is { } tab)
                diagnostics.Error(tab, "", "YAML syntax: a tab indents this line; YAML indents with spaces only");
            else
                diagnostics.Error(at, "", $"YAML syntax: {YamlMessage(e)}{YamlSyntax.Hint(text, e)}");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            // YamlDotNet fails this way on some malformed input; point at the last token it read.
            var mark = parser.Current?.End;
            var at = mark is null ? SourcePosition.Start : new SourcePosition((int)Math.Max(1, mark.Value.Line), (int)Math.Max(1, mark.Value.Column));
            diagnostics.Error(at, "", "YAML syntax: the text after this point cannot be read as YAML");
            return null;
        }
        return diagnostics.Ok ? root : null;
    }

    /// <summary>YamlDotNet's message without its own position prefix (we print ours).</summary>
    private static string YamlMessage(YamlException e)
    {
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        int cut = message.IndexOf("): ", StringComparison.Ordinal);
        return (message.StartsWith("(Line", StringComparison.Ordinal) && cut > 0 ? message[(cut + 3)..] : message).Trim();
    }
}
