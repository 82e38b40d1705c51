using System.CommandLine;

namespace RouteSim.Cli.Commands;

/// <summary>Options several commands share, with their checks.</summary>
public static class CommonOptions
{
    /// <summary>An option holding a whole number of at least <paramref name="min"/>; any other value is a one-line usage error.</summary>
    public static Option<int?> AtLeast(string name, int min, string description) =>
        new(name) { Description = description, CustomParser = r => (int?)OptionParsing.Whole(r, name, min, int.MaxValue) };

    /// <summary>--seed N: overrides the scenario's master seed.</summary>
    public static Option<ulong?> Seed() => new("--seed") { Description = "Master seed (default: the scenario's seed)" };

    /// <summary>--replications N, within the same bounds as a scenario file's replications (1 to 10,000,000).</summary>
    public static Option<int?> Replications() =>
        new("--replications") { Description = "Monte Carlo replications (default: the scenario's)", CustomParser = r => (int?)OptionParsing.Whole(r, "--replications", 1, 10_000_000) };

    /// <summary>--threads N.</summary>
    public static Option<int?> Threads() => AtLeast("--threads", 1, "Threads to use (default: every core); results do not depend on it");

    /// <summary>--quiet.</summary>
    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "Print no progress (results and where they went are still printed)" };

    /// <summary>--force.</summary>
    public static Option<bool> Force() => new("--force") { Description = "Replace an existing results folder" };

    /// <summary>The routesim version, as recorded in manifests.</summary>
    public static string Version { get; } =
        typeof(CommonOptions).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .FirstOrDefault()?.InformationalVersion ?? "unknown";
}
