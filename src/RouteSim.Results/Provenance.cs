namespace RouteSim.Results;

/// <summary>
/// Who made a results folder, with what and when: the routesim version, the command line, the threads (null where
/// the work has no thread count), when it started and, once finished, its wall-clock seconds (0 before). Every manifest.json
/// records these under the same keys (<see cref="Manifest"/>).
/// </summary>
public sealed record Provenance(string RoutesimVersion, string CommandLine, int? Threads, DateTimeOffset StartedAt, double WallSeconds = 0)
{
    /// <summary>Provenance of work starting now (UTC).</summary>
    public static Provenance Start(string routesimVersion, string commandLine, int? threads) =>
        new(routesimVersion, commandLine, threads, DateTimeOffset.UtcNow);

    /// <summary>The same, finished after <paramref name="wallSeconds"/> seconds.</summary>
    public Provenance Finished(double wallSeconds) => this with { WallSeconds = wallSeconds };

    /// <summary>The same, finished now: wall seconds by the clock since <see cref="StartedAt"/>.</summary>
    public Provenance FinishedNow() => Finished((DateTimeOffset.UtcNow - StartedAt).TotalSeconds);
}
