using System.Runtime.Intrinsics;
using RouteSim.Core.Engine;
using RouteSim.Core.Randomness;

namespace RouteSim.Core.Tests.Engine;

/// <summary>
/// Where agents are stored by bin of rho, set-up gives each its bin from an approximation of rho and draws rho itself
/// only when the exact path needs it (ReplicationRunner.RiskDraw.cs). The approximation must stay far inside the
/// margin that decides whether its bin is sure, and a sure bin must be the bin of the rho the C library gives.
/// </summary>
public class RiskDrawTests
{
    /// <summary>
    /// ln x against Math.Log at the uniforms set-up draws: the smallest ones, those next to 1 (where ln x is tiny and
    /// only a relative error will do), the edges of the reduction (sqrt(1/2), sqrt(2)/2^k) and a million spread over (0, 1).
    /// </summary>
    [Fact]
    public void The_logarithm_is_within_a_few_units_of_the_library_s()
    {
        var points = new List<double>();
        for (long m = 0; m < 1000; m++)
        {
            points.Add((m + 0.5) / (1UL << 53));
            points.Add(((1L << 53) - 1 - m + 0.5) / (1UL << 53));
        }
        for (int k = 0; k < 50; k++)
            foreach (double edge in new[] { Math.Sqrt(0.5), Math.Sqrt(2) / 2 })
                for (int ulp = -3; ulp <= 3; ulp++)
                    points.Add(Math.ScaleB(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(edge) + ulp), -k));
        var random = new Random(7);
        for (int n = 0; n < 1_000_000; n++) points.Add((random.NextInt64(1L << 53) + 0.5) / (1UL << 53));

        foreach (var (x, approximate) in Evaluate(points, RiskDrawApproximations.Log))
        {
            // Relative near x = 1 (where ln x is tiny), absolute elsewhere (|ln x| > 0.34 once x is below sqrt(1/2)).
            double exact = Math.Log(x);
            Assert.True(Math.Abs(approximate - exact) <= 2e-15 * Math.Abs(exact) + (Math.Abs(exact) > 0.34 ? 8e-15 : 0),
                $"ln {x:R}: {approximate:R} against {exact:R}");
        }
    }

    /// <summary>cos(2 pi x) against Math.Cos(2 pi x) at the quarter points and a few units either side, and a million uniforms.</summary>
    [Fact]
    public void The_cosine_is_within_a_few_units_of_the_library_s()
    {
        var points = new List<double>();
        foreach (double q in new[] { 0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875 })
            for (long m = -50; m <= 50; m++)
            {
                double x = q + m * Math.ScaleB(1, -53);
                if (x >= 0 && x < 1) points.Add(x);
            }
        points.Add(1 - Math.ScaleB(1, -53));
        var random = new Random(11);
        for (int n = 0; n < 1_000_000; n++) points.Add(random.NextInt64(1L << 53) * Math.ScaleB(1, -53));

        foreach (var (x, approximate) in Evaluate(points, RiskDrawApproximations.CosTwoPi))
        {
            // The library's argument 2 pi x is itself rounded (up to 2 pi 2^-53 away): the two agree to that and a few units more.
            double exact = Math.Cos(2 * Math.PI * x);
            Assert.True(Math.Abs(approximate - exact) <= 2e-15, $"cos(2 pi {x:R}): {approximate:R} against {exact:R}");
        }
    }

    /// <summary>
    /// The approximate rho of half a million agents' set-up keys for spreads from 0.05 to 3: within a relative 1e-12 of
    /// the rho the engine draws (the margin is 1e-10 (1 + sigma)), and wherever the bin is sure, the drawn rho's bin,
    /// for bins as the engine makes them for od pairs of 20,000 to a million acting agents. Unsure bins are rare.
    /// </summary>
    [Fact]
    public void A_sure_bin_is_the_bin_of_the_drawn_rho()
    {
        long unsure = 0, agents = 0;
        foreach (double sigma in new[] { 0.05, 0.4, 1, 3 })
        {
            var bounds = new[] { 20_000.0, 100_000, 1_000_000 }.Select(acting => ReplicationRunner.ChoiceBounds.Create(sigma, acting, 9, grouped: true)).OfType<ReplicationRunner.ChoiceBounds>().ToArray();
            Assert.Equal(3, bounds.Length);
            ulong replication = Seeds.Replication(23, (int)(sigma * 100));
            var exactRho = new double[8];
            for (int first = 0; first < 131_072; first += 8)
            {
                var setupKeys = CounterRng.SetupKeys(CounterRng.AgentKeys(replication, first));
                for (int lane = 0; lane < 8; lane++)
                {
                    Assert.Equal(CounterRng.SetupKey(CounterRng.AgentKey(replication, first + lane)), setupKeys[lane]);
                    exactRho[lane] = ReplicationRunner.DrawRho(setupKeys[lane], sigma);
                }
                var approximate = ReplicationRunner.ApproximateRho(setupKeys, sigma);
                for (int lane = 0; lane < 8; lane++)
                    Assert.True(Math.Abs(approximate[lane] / exactRho[lane] - 1) < 1e-12, $"sigma {sigma}: {approximate[lane]:R} against {exactRho[lane]:R}");
                foreach (var b in bounds)
                {
                    var sure = b.SureBuckets(approximate, 1e-10 * (1 + sigma));
                    for (int lane = 0; lane < 8; lane++)
                    {
                        agents++;
                        if (sure[lane] < 0) unsure++;
                        else Assert.Equal(b.Bucket(exactRho[lane]), (int)sure[lane]);
                    }
                }
            }
        }
        Assert.True(unsure < 1e-5 * agents, $"{unsure} of {agents} bins unsure");
    }

    private static IEnumerable<(double X, double Value)> Evaluate(List<double> points, Func<Vector512<double>, Vector512<double>> function)
    {
        var lanes = new double[8];
        for (int start = 0; start < points.Count; start += 8)
        {
            for (int lane = 0; lane < 8; lane++) lanes[lane] = points[Math.Min(start + lane, points.Count - 1)];
            var values = function(Vector512.Create(lanes));
            for (int lane = 0; lane < 8 && start + lane < points.Count; lane++) yield return (lanes[lane], values[lane]);
        }
    }
}
