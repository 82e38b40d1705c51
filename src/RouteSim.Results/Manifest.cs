using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace RouteSim.Results;

/// <summary>
/// manifest.json of a results folder: what the kind of folder records of its inputs and method (the derived record)
/// and the provenance every kind shares (<see cref="Provenance"/>), written under the same keys after the kind's own.
/// </summary>
public abstract record Manifest
{
    /// <summary>File name inside a results folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The routesim version that wrote the folder.</summary>
    [JsonPropertyOrder(1)]
    public string RoutesimVersion { get; init; } = "";

    /// <summary>Threads used; absent where the work has no thread count.</summary>
    [JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Threads { get; init; }

    /// <summary>When the work started (UTC).</summary>
    [JsonPropertyOrder(1)]
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Wall-clock seconds of the work.</summary>
    [JsonPropertyOrder(1)]
    public double WallSeconds { get; init; }

    /// <summary>The command line that did the work.</summary>
    [JsonPropertyOrder(1)]
    public string CommandLine { get; init; } = "";

    /// <summary>The shared provenance fields as one record; setting it sets them all.</summary>
    [JsonIgnore]
    public Provenance Provenance
    {
        get => new(RoutesimVersion, CommandLine, Threads, StartedAt, WallSeconds);
        init
        {
            RoutesimVersion = value.RoutesimVersion;
            CommandLine = value.CommandLine;
            Threads = value.Threads;
            StartedAt = value.StartedAt;
            WallSeconds = value.WallSeconds;
        }
    }

    /// <summary>JSON options: snake_case keys, indented; contracts of the results' own documents generated at build time, others by reflection.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ResultsJson.Default, new DefaultJsonTypeInfoResolver()),
    };

    /// <summary>The manifest as JSON text (with a final line break).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, GetType(), JsonOptions) + "\n";

    /// <summary>Writes the manifest as <see cref="FileName"/> into <paramref name="folder"/>.</summary>
    public void Write(string folder) => File.WriteAllText(Path.Combine(folder, FileName), ToJson());

    /// <summary>Reads a manifest of kind <typeparamref name="T"/> back; null when the text is not one (invalid JSON, another shape, a field of the wrong type).</summary>
    protected static T? Read<T>(string json) where T : Manifest
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, JsonOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
