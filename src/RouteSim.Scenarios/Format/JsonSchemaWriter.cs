using System.Text.Json;
using System.Text.Json.Nodes;

namespace RouteSim.Scenarios.Format;

/// <summary>Writes the JSON Schema (draft 2020-12) of the scenario format from <see cref="ScenarioFormat"/>.</summary>
public static class JsonSchemaWriter
{
    /// <summary>The schema as indented JSON text, ending in a newline.</summary>
    public static string Write()
    {
        var schema = Mapping(ScenarioFormat.Scenario);
        schema.Insert(0, "$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.Insert(1, "$id", "https://routesim.example/scenario.schema.json");
        schema.Insert(2, "title", "RouteSim scenario");
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }

    private static JsonObject Mapping(ObjectSpec spec)
    {
        var properties = new JsonObject();
        foreach (var field in spec.Fields) properties[field.Name] = Field(field);
        var required = new JsonArray(spec.Fields.Where(f => f.Required).Select(f => (JsonNode)f.Name).ToArray());
        return new JsonObject
        {
            ["description"] = spec.Meaning,
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = required,
            ["additionalProperties"] = false,
        };
    }

    private static JsonObject Field(FieldSpec field)
    {
        JsonObject node = field.Type switch
        {
            FieldType.Text => new JsonObject { ["type"] = "string" },
            FieldType.Id => new JsonObject { ["type"] = "string", ["pattern"] = "^[^:#\\p{Cc}]+$" },
            FieldType.Choice => new JsonObject { ["enum"] = new JsonArray(field.Choices!.Select(c => (JsonNode)c).ToArray()) },
            FieldType.Integer => Ranged(new JsonObject { ["type"] = "integer" }, field.Range),
            FieldType.Number => Ranged(new JsonObject { ["type"] = "number" }, field.Range),
            FieldType.Flag => new JsonObject { ["type"] = "boolean" },
            FieldType.TextList or FieldType.IdList => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            FieldType.NumberList => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "number" } },
            FieldType.NumberMap => new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = Ranged(new JsonObject { ["type"] = "number" }, field.Range),
            },
            FieldType.Mapping => Mapping(field.Nested!),
            FieldType.MappingList => new JsonObject { ["type"] = "array", ["items"] = Mapping(field.Nested!) },
            _ => throw new InvalidOperationException($"no schema for {field.Type}"),
        };
        var described = new JsonObject { ["description"] = Description(field) };
        foreach (var (key, value) in node.ToArray())
        {
            node.Remove(key);
            described[key] = value;
        }
        return described;
    }

    private static string Description(FieldSpec field)
    {
        var text = field.Meaning;
        if (field.Unit.Length > 0) text += $" Unit: {field.Unit}.";
        if (field.Default is { } d) text += $" Default: {d}.";
        return text;
    }

    private static JsonObject Ranged(JsonObject node, Bounds? range)
    {
        if (range is null) return node;
        if (range.Min is { } lo) node[range.MinInclusive ? "minimum" : "exclusiveMinimum"] = Number(lo);
        if (range.Max is { } hi) node[range.MaxInclusive ? "maximum" : "exclusiveMaximum"] = Number(hi);
        return node;
    }

    // Whole bounds as integers, so that 2^63 - 1 reads as itself rather than as 9.223372036854776E+18.
    private static JsonNode Number(double bound) =>
        Bounds.AsWhole(bound) is { } whole ? JsonValue.Create(whole) : JsonValue.Create(bound);
}
