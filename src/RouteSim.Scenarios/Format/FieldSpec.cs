namespace RouteSim.Scenarios.Format;

/// <summary>One key of the scenario format: its type, whether it is required, its range and default, and what it means.</summary>
/// <param name="Name">The snake_case key.</param>
/// <param name="Meaning">One sentence for the docs and the JSON Schema.</param>
/// <param name="Unit">Unit of the value, for the docs ("" when none).</param>
/// <param name="Default">The default as written in docs; null when the key is required or simply optional.</param>
/// <param name="Nested">The keys of a nested object or of each object in a list.</param>
/// <param name="Choices">Allowed words of a <see cref="FieldType.Choice"/>.</param>
public sealed record FieldSpec(
    string Name,
    FieldType Type,
    bool Required,
    string Meaning,
    string Unit = "",
    Bounds? Range = null,
    string? Default = null,
    ObjectSpec? Nested = null,
    IReadOnlyList<string>? Choices = null);
