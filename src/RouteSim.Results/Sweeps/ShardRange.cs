namespace RouteSim.Results.Sweeps;

/// <summary>The part of the work a folder holds: items [FirstItem, EndItem) of shard Index (0-based) of Count.</summary>
public sealed record ShardRange(int Index, int Count, long FirstItem, long EndItem);
