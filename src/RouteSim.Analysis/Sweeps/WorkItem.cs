namespace RouteSim.Analysis.Sweeps;

/// <summary>One unit of sweep work: a replication of a point, with the seed and replication index the engine runs it under.</summary>
/// <param name="Index">Global index: point * replications + replication.</param>
/// <param name="Seed">Master seed given to the engine.</param>
/// <param name="EngineReplication">Replication index given to the engine (with <see cref="Seed"/>, it fixes every draw).</param>
public readonly record struct WorkItem(long Index, int Point, int Replication, ulong Seed, int EngineReplication);
