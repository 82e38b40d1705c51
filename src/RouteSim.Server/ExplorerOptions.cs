namespace RouteSim.Server;

/// <summary>How <c>routesim serve</c> runs: the scenario, the port and the limits that keep one machine responsive.</summary>
/// <param name="ScenarioFile">The baseline scenario file every what-if is compared with.</param>
public sealed record ExplorerOptions(string ScenarioFile)
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; } = 8765;

    /// <summary>Replications when a request names none; null means the scenario's own.</summary>
    public int? Replications { get; init; }

    /// <summary>The most replications one request may ask for.</summary>
    public int MaxReplications { get; init; } = 1000;

    /// <summary>Comparisons running at once; more wait their turn.</summary>
    public int MaxRunning { get; init; } = 2;

    /// <summary>Comparisons waiting at once; more are refused with 503.</summary>
    public int MaxWaiting { get; init; } = 32;

    /// <summary>Largest request body accepted, in bytes; larger ones get 413.</summary>
    public long MaxBodyBytes { get; init; } = 64 * 1024;

    /// <summary>Threads each comparison's replications use (results do not depend on it).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>The routesim version, recorded in downloaded manifests and scenario headers.</summary>
    public string Version { get; init; } = "unknown";
}
