namespace RouteSim.Results.Sweeps;

/// <summary>A file of a results folder as written: its name, size in bytes and SHA-256 (lowercase hex).</summary>
public sealed record FileDigest(string Name, long Bytes, string Sha256);
