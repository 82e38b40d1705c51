namespace RouteSim.Results;

/// <summary>A file a result was made from, as manifests record it: its full path and the SHA-256 of its bytes (lowercase hex).</summary>
public sealed record InputFile(string Path, string Sha256);
