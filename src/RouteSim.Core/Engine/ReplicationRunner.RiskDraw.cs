using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using RouteSim.Core.Numerics;
using static RouteSim.Core.Randomness.CounterRng;

namespace RouteSim.Core.Engine;

// The set-up draws of each agent (docs/model.md section 3): its od pair by weight and its risk multiplier
// rho = exp(sigma z), z by Box and Muller. rho is computed eight agents at a time by RouteSim's own logarithm, cosine
// and exponential (Core/Numerics), not the C library's: the same bits on every machine, and for a population of
// 20,000 agents a tenth of the time of three library calls each (these were 7% of a Gatekeeper calibration).
public sealed partial class ReplicationRunner
{
    /// <summary>
    /// rho = exp(sigma z) of eight agents with set-up keys <paramref name="setupKeys"/> (CounterRng.SetupKeys),
    /// z = sqrt(-2 ln u1) cos(2 pi u2) (Box and Muller), u1 the open uniform of Purpose.Risk and u2 the uniform of
    /// Purpose.RiskAngle: each lane's bits depend on its key and sigma alone.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<double> DrawRho(Vector512<ulong> setupKeys, double sigma)
    {
        var open = (Vector512.ConvertToDouble(UniformBits(setupKeys, Purpose.Risk)) + Vector512.Create(0.5)) * Vector512.Create(1.0 / (1UL << 53));
        var angle = Vector512.ConvertToDouble(UniformBits(setupKeys, Purpose.RiskAngle)) * Vector512.Create(1.0 / (1UL << 53));
        var z = Vector512.Sqrt(Vector512.Create(-2.0) * DeterministicLog.Log(open)) * DeterministicCosine.CosTwoPi(angle);
        return DeterministicExp.Exp(Vector512.Create(sigma) * z);
    }

    /// <summary>rho of one agent: a lane of <see cref="DrawRho(Vector512{ulong}, double)"/>, the same bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // loop-free: unoptimised, every vector operation would be a call
    internal static double DrawRho(ulong setupKey, double sigma) => DrawRho(Vector512.Create(setupKey), sigma).ToScalar();

    /// <summary>
    /// Draws the od pair and rho of the agents in slots [start, end) from the keys stored there, eight at a time where
    /// the processor has 512-bit vectors: rho (1 where the organization has no spread), and the od pair by inverse CDF
    /// on the cumulative weights, the number of them at or below the agent's uniform (before the last).
    /// </summary>
    private void DrawAgents(OrganizationPlan plan, int start, int end)
    {
        double sigma = plan.Organization.RiskSigma;
        var cumulative = plan.OdCumulativeWeights;
        int a = start;
        if (Vector512.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Avx512F.IsSupported)
            for (; a + 8 <= end; a += 8)
            {
                var setupKeys = SetupKeys(Vector512.LoadUnsafe(ref _agentKey[a]));
                var u = Vector512.ConvertToDouble(UniformBits(setupKeys, Purpose.OdPair)) * Vector512.Create(1.0 / (1UL << 53));
                var w = Vector512<long>.Zero;
                for (int p = 0; p < cumulative.Length - 1; p++) w -= Vector512.GreaterThanOrEqual(u, Vector512.Create(cumulative[p])).AsInt64();
                System.Runtime.Intrinsics.X86.Avx512F.ConvertToVector128UInt16(w.AsUInt64()).StoreUnsafe(ref _od[a]);
                (sigma == 0 ? Vector512<double>.One : DrawRho(setupKeys, sigma)).StoreUnsafe(ref _risk[a]);
            }
        for (; a < end; a++)
        {
            ulong key = SetupKey(_agentKey[a]);
            double u = Uniform(key, Purpose.OdPair);
            int w = 0;
            while (w < cumulative.Length - 1 && u >= cumulative[w]) w++;
            _od[a] = (ushort)w;
            _risk[a] = sigma == 0 ? 1 : DrawRho(key, sigma);
        }
    }
}
