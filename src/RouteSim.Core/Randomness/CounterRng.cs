using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RouteSim.Core.Randomness;

/// <summary>
/// Counter-based random numbers: every draw is a pure function of (seed, replication, agent, period, purpose).
/// </summary>
/// <remarks>
/// No generator state is shared or advanced, so a draw does not depend on which thread makes it or on
/// what was drawn before: results are identical for any thread count, and a baseline and an intervention
/// with the same seed see the same draws for the same agent in the same period (common random numbers).
/// The mixer is SplitMix64's finaliser (Stafford's variant 13), a bijection with full avalanche; keys are
/// chained through it with distinct odd constants so that nearby counters give unrelated outputs.
/// </remarks>
public static class CounterRng
{
    /// <summary>
    /// 2^64 divided by the golden ratio, odd: SplitMix64's Weyl increment (Steele, Lea and Flood 2014), the step of
    /// every counter chained through <see cref="Mix"/> here, in <see cref="Seeds"/> and in <see cref="SplitMixStream"/>.
    /// </summary>
    public const ulong Golden = 0x9E3779B97F4A7C15UL;
    private const ulong AgentStep = 0xD1B54A32D192ED03UL;
    private const ulong PeriodStep = 0xAEF17502108EF2D9UL;
    private const ulong SetupTag = 0x5E7B_0000_0000_0001UL;

    /// <summary>What a draw is for: each purpose is its own stream, so adding one never shifts another.</summary>
    public enum Purpose : ulong
    {
        Activity = 1,
        Choice = 2,
        Walk = 3,
        OdPair = 11,
        Risk = 12,
        RiskAngle = 13,
    }

    /// <summary>SplitMix64's finaliser.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>SplitMix64's finaliser on four keys at once (the same bits as <see cref="Mix(ulong)"/> on each).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z = (z ^ Vector256.ShiftRightLogical(z, 30)) * Vector256.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ Vector256.ShiftRightLogical(z, 27)) * Vector256.Create(0x94D049BB133111EBUL);
        return z ^ Vector256.ShiftRightLogical(z, 31);
    }

    /// <summary>SplitMix64's finaliser on eight keys at once (the same bits as <see cref="Mix(ulong)"/> on each).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Mix(Vector512<ulong> z)
    {
        z = (z ^ Vector512.ShiftRightLogical(z, 30)) * Vector512.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ Vector512.ShiftRightLogical(z, 27)) * Vector512.Create(0x94D049BB133111EBUL);
        return z ^ Vector512.ShiftRightLogical(z, 31);
    }

    /// <summary>The keys of four agents in one period (see <see cref="PeriodKey(ulong, int)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> PeriodKey(Vector256<ulong> agentKeys, int period) =>
        Mix(agentKeys ^ Vector256.Create(((ulong)(uint)period + 1) * PeriodStep));

    /// <summary>The keys of eight agents in one period (see <see cref="PeriodKey(ulong, int)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> PeriodKey(Vector512<ulong> agentKeys, int period) =>
        Mix(agentKeys ^ Vector512.Create(((ulong)(uint)period + 1) * PeriodStep));

    /// <summary>
    /// The 53-bit integers behind four uniforms of one purpose: u = m * 2^-53, so u &lt; a exactly when
    /// m &lt; <see cref="Threshold"/>(a).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> UniformBits(Vector256<ulong> keys, Purpose purpose) =>
        Vector256.ShiftRightLogical(Mix(keys + Vector256.Create((ulong)purpose * Golden)), 11);

    /// <summary>The 53-bit integers behind eight uniforms of one purpose (see <see cref="UniformBits(Vector256{ulong}, Purpose)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> UniformBits(Vector512<ulong> keys, Purpose purpose) =>
        Vector512.ShiftRightLogical(Mix(keys + Vector512.Create((ulong)purpose * Golden)), 11);

    /// <summary>The integer m below which a uniform m * 2^-53 is less than a (a in [0,1]): the ceiling of a * 2^53.</summary>
    public static ulong Threshold(double a) => (ulong)Math.Ceiling(a * (1UL << 53));

    /// <summary>The key of one agent within a replication (the replication's key from <see cref="Seeds.Replication"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong AgentKey(ulong replicationKey, int agent) =>
        Mix(replicationKey + ((ulong)(uint)agent + 1) * AgentStep);

    /// <summary>The keys of agents <paramref name="first"/> to <paramref name="first"/> + 7 (see <see cref="AgentKey"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> AgentKeys(ulong replicationKey, int first) =>
        Mix(Vector512.Create(replicationKey) + (Vector512.Create((ulong)(uint)first + 1) + Vector512.Create(0UL, 1, 2, 3, 4, 5, 6, 7)) * Vector512.Create(AgentStep));

    /// <summary>The set-up keys of eight agents (see <see cref="SetupKey"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> SetupKeys(Vector512<ulong> agentKeys) => Mix(agentKeys ^ Vector512.Create(SetupTag));

    /// <summary>The key of one agent in one period.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong PeriodKey(ulong agentKey, int period) =>
        Mix(agentKey ^ (((ulong)(uint)period + 1) * PeriodStep));

    /// <summary>The key of an agent's set-up draws (od pair, risk multiplier).</summary>
    public static ulong SetupKey(ulong agentKey) => Mix(agentKey ^ SetupTag);

    /// <summary>A uniform draw in [0,1) for one purpose under a key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Uniform(ulong key, Purpose purpose) =>
        (Mix(key + (ulong)purpose * Golden) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform draw in the open interval (0,1), for inverse-CDF sampling of unbounded laws.</summary>
    public static double OpenUniform(ulong key, Purpose purpose) =>
        ((Mix(key + (ulong)purpose * Golden) >> 11) + 0.5) * (1.0 / (1UL << 53));
}
