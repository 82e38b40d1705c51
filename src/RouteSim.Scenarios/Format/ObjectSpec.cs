namespace RouteSim.Scenarios.Format;

/// <summary>The keys one mapping of the scenario format may hold.</summary>
public sealed record ObjectSpec(string Title, string Meaning, IReadOnlyList<FieldSpec> Fields)
{
    /// <summary>The field with this key, or null.</summary>
    public FieldSpec? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    /// <summary>Every key, in documentation order.</summary>
    public IEnumerable<string> Keys => Fields.Select(f => f.Name);
}
