using System.Runtime.Intrinsics;
using RouteSim.Core.Engine;
using RouteSim.Core.Randomness;

namespace RouteSim.Core.Tests.Engine;

/// <summary>
/// Each agent's rho = exp(sigma z), z by Box and Muller, comes from RouteSim's own logarithm, cosine and exponential
/// (ReplicationRunner.RiskDraw.cs), eight agents at a time: the same bits on every machine and in every lane, and the
/// value the C library's formula gives to within their errors.
/// </summary>
public class RiskDrawTests
{
    private static readonly double[] Spreads = [0.05, 0.4, 1, 3];

    /// <summary>
    /// Half a million agents' rho against exp(sigma sqrt(-2 Math.Log(u1)) Math.Cos(2 pi u2)). The tolerance follows
    /// from the parts' errors (DeterministicLogTests, DeterministicCosineTests, DeterministicExpTests): z is within
    /// about 2e-15 |z| + 8.6 x 2e-15 of the library's (|z| &lt;= 8.6 for 53-bit uniforms), so ln rho within sigma
    /// times that plus the two exponentials' 1e-15 each: 1e-14 (1 + 3 sigma) covers it with room for the library's
    /// own last-unit errors.
    /// </summary>
    [Fact]
    public void Rho_is_the_library_formula_s_value_within_the_parts_errors()
    {
        foreach (double sigma in Spreads)
        {
            ulong replication = Seeds.Replication(23, (int)(sigma * 100));
            double worst = 0;
            for (int first = 0; first < 131_072; first += 8)
            {
                var setupKeys = CounterRng.SetupKeys(CounterRng.AgentKeys(replication, first));
                var rho = ReplicationRunner.DrawRho(setupKeys, sigma);
                for (int lane = 0; lane < 8; lane++)
                {
                    ulong key = setupKeys[lane];
                    double z = Math.Sqrt(-2 * Math.Log(CounterRng.OpenUniform(key, CounterRng.Purpose.Risk))) * Math.Cos(2 * Math.PI * CounterRng.Uniform(key, CounterRng.Purpose.RiskAngle));
                    double library = Math.Exp(sigma * z);
                    worst = Math.Max(worst, Math.Abs(rho[lane] / library - 1));
                }
            }
            Assert.True(worst <= 1e-14 * (1 + 3 * sigma), $"sigma {sigma}: rho {worst:E2} from the library's, relative");
        }
    }

    /// <summary>The one-agent draw is a lane of the eight-agent one, to the bit, whatever lane the agent takes.</summary>
    [Fact]
    public void One_agent_s_rho_has_the_bits_of_its_lane()
    {
        foreach (double sigma in Spreads)
            for (int first = 0; first < 8_192; first += 8)
            {
                var setupKeys = CounterRng.SetupKeys(CounterRng.AgentKeys(17, first + first % 5));
                var rho = ReplicationRunner.DrawRho(setupKeys, sigma);
                for (int lane = 0; lane < 8; lane++) Assert.Equal(BitConverter.DoubleToInt64Bits(rho[lane]), BitConverter.DoubleToInt64Bits(ReplicationRunner.DrawRho(setupKeys[lane], sigma)));
            }
    }

    /// <summary>
    /// The bits of eight agents' rho, computed once on an AVX-512 machine: any machine, vector width or runtime that
    /// gives other bits would give other runs from the same seed.
    /// </summary>
    [Fact]
    public void Rho_has_the_same_bits_on_every_machine()
    {
        var setupKeys = CounterRng.SetupKeys(CounterRng.AgentKeys(Seeds.Replication(2025, 0), 0));
        var rho = ReplicationRunner.DrawRho(setupKeys, 0.5);
        var bits = Enumerable.Range(0, 8).Select(lane => BitConverter.DoubleToInt64Bits(rho[lane]).ToString("X16")).ToArray();
        Assert.Equal(PinnedBits, bits);
    }

    private static readonly string[] PinnedBits = ["3FF86E9977C78053", "3FF0DE1CF6ED31D6", "3FE861A840C70F9D", "3FF2004BBE0C04AF", "3FEBEEDCB666B307", "3FE304D201086CCC", "3FF464940E2D4BDA", "3FF65BC2BFBC2613"];
}
