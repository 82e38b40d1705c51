namespace RouteSim.Core.Engine;

/// <summary>
/// The per-agent state of a replication, as plain arrays (22 bytes an agent). A worker running many
/// replications of one model reuses one set, so a run allocates agent memory once per thread, not once per
/// replication.
/// </summary>
public sealed class AgentArrays
{
    /// <summary>Allocates arrays for <paramref name="count"/> agents.</summary>
    public AgentArrays(int count)
    {
        Count = count;
        Od = new ushort[count];
        Risk = new double[count];
        FreeAt = new int[count];
        Key = new ulong[count];
    }

    /// <summary>Number of agents.</summary>
    public int Count { get; }

    /// <summary>Index of each agent's od pair within its organization.</summary>
    public ushort[] Od { get; }

    /// <summary>Each agent's risk multiplier rho.</summary>
    public double[] Risk { get; }

    /// <summary>First period in which each agent may act again.</summary>
    public int[] FreeAt { get; }

    /// <summary>Each agent's random-stream key.</summary>
    public ulong[] Key { get; }
}
