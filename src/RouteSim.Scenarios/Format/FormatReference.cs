using System.Text;

namespace RouteSim.Scenarios.Format;

/// <summary>Writes the key-by-key reference tables of docs/scenario-format.md from <see cref="ScenarioFormat"/>.</summary>
public static class FormatReference
{
    /// <summary>Marks the start of the generated part of the docs page.</summary>
    public const string BeginMarker = "<!-- BEGIN GENERATED REFERENCE (routesim schema --docs) -->";

    /// <summary>Marks the end of the generated part of the docs page.</summary>
    public const string EndMarker = "<!-- END GENERATED REFERENCE -->";

    /// <summary>Markdown: one table per mapping, one row per key.</summary>
    public static string Write()
    {
        var text = new StringBuilder();
        text.Append(BeginMarker).Append('\n');
        foreach (var spec in ScenarioFormat.All)
        {
            text.Append('\n').Append("### ").Append(spec.Title).Append("\n\n").Append(spec.Meaning).Append("\n\n");
            text.Append("| key | type | required | unit | range | default | meaning |\n");
            text.Append("|---|---|---|---|---|---|---|\n");
            foreach (var f in spec.Fields)
            {
                text.Append($"| `{f.Name}` | {TypeName(f)} | {(f.Required ? "yes" : "no")} | {f.Unit} | {RangeText(f)} | {f.Default ?? ""} | {f.Meaning} |\n");
            }
        }
        text.Append('\n').Append(EndMarker).Append('\n');
        return text.ToString();
    }

    private static string RangeText(FieldSpec f) => f.Type switch
    {
        FieldType.Choice => string.Join(", ", f.Choices!.Select(c => $"`{c}`")),
        _ when f.Range is { } r => r.Describe().Replace("|", "\\|", StringComparison.Ordinal),
        _ => "",
    };

    private static string TypeName(FieldSpec f) => f.Type switch
    {
        FieldType.Text => "text",
        FieldType.Id => "id",
        FieldType.Choice => "word",
        FieldType.Integer => "integer",
        FieldType.Number => "number",
        FieldType.Flag => "true/false",
        FieldType.TextList => "list of text",
        FieldType.IdList => "list of ids",
        FieldType.NumberList => "list of numbers",
        FieldType.NumberMap => "map id → number",
        FieldType.Mapping => $"{f.Nested!.Title} (mapping)",
        FieldType.MappingList => $"list of {f.Nested!.Title}",
        _ => f.Type.ToString(),
    };
}
