namespace RouteSim.Results.Sweeps;

/// <summary>manifest.json of a sensitivity folder: which sweep it analysed and how.</summary>
public sealed record SensitivityManifest(
    string Sweep,
    string SweepSha256,
    string SweepFolder,
    string Design,
    int Points,
    int Replications,
    ulong Seed,
    string Method,
    int BootstrapResamples,
    ulong BootstrapSeed,
    IReadOnlyList<string> Outcomes,
    IReadOnlyList<string> Skipped) : Manifest;
