namespace RouteSim.Scenarios.Format;

/// <summary>The kind of value a scenario key holds.</summary>
public enum FieldType
{
    /// <summary>Free text (names, descriptions, units).</summary>
    Text,

    /// <summary>The id of something defined elsewhere in the file, or being defined.</summary>
    Id,

    /// <summary>One of a fixed set of words.</summary>
    Choice,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A finite real number.</summary>
    Number,

    /// <summary>true or false.</summary>
    Flag,

    /// <summary>A list of texts.</summary>
    TextList,

    /// <summary>A list of ids.</summary>
    IdList,

    /// <summary>A list of finite numbers.</summary>
    NumberList,

    /// <summary>A mapping from location id to a number.</summary>
    NumberMap,

    /// <summary>A nested mapping with keys of its own.</summary>
    Mapping,

    /// <summary>A list of nested mappings.</summary>
    MappingList,
}
