using System.Runtime.Intrinsics;
using MathNet.Numerics.Distributions;
using RouteSim.Core.Randomness;

namespace RouteSim.Core.Tests.Randomness;

public class CounterRngTests
{
    /// <summary>Chi-square on 100 bins of a million draws over agents and periods, at a one-in-a-million false alarm rate.</summary>
    [Fact]
    public void Draws_are_uniform_across_agents_and_periods()
    {
        const int bins = 100;
        var counts = new long[bins];
        ulong rep = Seeds.Replication(7, 0);
        int n = 0;
        for (int agent = 0; agent < 10_000; agent++)
        {
            ulong agentKey = CounterRng.AgentKey(rep, agent);
            for (int t = 0; t < 100; t++, n++)
                counts[(int)(CounterRng.Uniform(CounterRng.PeriodKey(agentKey, t), CounterRng.Purpose.Walk) * bins)]++;
        }
        double expected = (double)n / bins;
        double chi2 = counts.Sum(c => (c - expected) * (c - expected) / expected);
        Assert.True(chi2 < ChiSquared.InvCDF(bins - 1, 1 - 1e-6), $"chi-square {chi2:F1}");
    }

    /// <summary>The purposes of one agent-period are uncorrelated, and so are neighbouring agents and periods.</summary>
    [Fact]
    public void Streams_are_uncorrelated()
    {
        const int n = 200_000;
        ulong rep = Seeds.Replication(1, 3);
        double sumPurposes = 0, sumAgents = 0, sumPeriods = 0;
        for (int i = 0; i < n; i++)
        {
            ulong k = CounterRng.PeriodKey(CounterRng.AgentKey(rep, i), 5);
            double a = CounterRng.Uniform(k, CounterRng.Purpose.Activity) - 0.5;
            sumPurposes += a * (CounterRng.Uniform(k, CounterRng.Purpose.Choice) - 0.5);
            sumAgents += a * (CounterRng.Uniform(CounterRng.PeriodKey(CounterRng.AgentKey(rep, i + 1), 5), CounterRng.Purpose.Activity) - 0.5);
            sumPeriods += a * (CounterRng.Uniform(CounterRng.PeriodKey(CounterRng.AgentKey(rep, i), 6), CounterRng.Purpose.Activity) - 0.5);
        }
        // Each product has variance 1/144; the mean of n of them has standard error 1/(12 sqrt n).
        double tolerance = 4.5 / (12 * Math.Sqrt(n));
        Assert.InRange(sumPurposes / n, -tolerance, tolerance);
        Assert.InRange(sumAgents / n, -tolerance, tolerance);
        Assert.InRange(sumPeriods / n, -tolerance, tolerance);
    }

    [Fact]
    public void Draws_depend_only_on_their_coordinates()
    {
        ulong k = CounterRng.PeriodKey(CounterRng.AgentKey(Seeds.Replication(9, 2), 11), 4);
        Assert.Equal(CounterRng.Uniform(k, CounterRng.Purpose.Choice), CounterRng.Uniform(k, CounterRng.Purpose.Choice));
        Assert.NotEqual(Seeds.Replication(9, 2), Seeds.Replication(9, 3));
        Assert.NotEqual(Seeds.Replication(9, 2), Seeds.Replication(10, 2));
        Assert.InRange(CounterRng.OpenUniform(0, CounterRng.Purpose.Risk), double.Epsilon, 1 - 1e-17);
    }
}

public class CounterRngVectorTests
{
    /// <summary>The vector path of the engine's activity draw decides exactly as the scalar one.</summary>
    [Fact]
    public void Vector_keys_and_thresholds_decide_as_the_scalar_draws()
    {
        var random = new Random(11);
        ulong rep = Seeds.Replication(5, 1);
        foreach (var a in new[] { 0.0, 1e-17, 0.3, 0.5, 0.8, 0.999999999, 1.0 })
        {
            long threshold = (long)CounterRng.Threshold(a);
            for (int trial = 0; trial < 2000; trial++)
            {
                var agentKeys = Enumerable.Range(0, 4).Select(_ => CounterRng.AgentKey(rep, random.Next())).ToArray();
                int period = random.Next(0, 1000);
                var keys = CounterRng.PeriodKey(System.Runtime.Intrinsics.Vector256.Create(agentKeys), period);
                var bits = CounterRng.UniformBits(keys, CounterRng.Purpose.Activity);
                for (int lane = 0; lane < 4; lane++)
                {
                    ulong key = CounterRng.PeriodKey(agentKeys[lane], period);
                    Assert.Equal(key, keys.GetElement(lane));
                    bool scalar = CounterRng.Uniform(key, CounterRng.Purpose.Activity) < a;
                    Assert.Equal(scalar, (long)bits.GetElement(lane) < threshold);
                }
            }
        }
    }
}
