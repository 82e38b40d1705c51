using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using RouteSim.Core.Engine;
using RouteSim.Core.Tests.Support;

namespace RouteSim.Core.Tests.Engine;

/// <summary>
/// The lines that decide most mixed-logit choices of small od pairs without exponentials
/// (ReplicationRunner.ChoiceLines.cs) must decide exactly as the exact computation does, and otherwise decline.
/// </summary>
[Collection(nameof(ChoiceBoundsSwitch))]
public class ChoiceLinesTests
{
    /// <summary>
    /// Uniforms placed on each cumulative probability the exact computation produces and a few units in the
    /// last place either side, the hardest cases for a margin, plus uniforms spread over [0, 1) and the ends of
    /// the range the lines decide: wherever the lines decide, the choice is the exact computation's. Weights of
    /// every size, risk terms of both signs, temperatures from 0.05 to 5, spreads from 0.05 to 1.5, od pairs of 100
    /// to 4,000 acting agents a period (one bin an octave to 16), rho inside and outside the bins, uniforms decided
    /// eight at a time as in the engine.
    /// </summary>
    [Fact]
    public void Where_the_lines_decide_they_decide_as_the_exact_computation()
    {
        var random = new Random(2023);
        long decided = 0, tried = 0, spreadDecided = 0, spread = 0;
        for (int trial = 0; trial < 400; trial++)
        {
            int options = 2 + random.Next(8), lanes = (options + 3) & ~3;
            double sigma = new[] { 0.05, 0.2, 0.4, 0.7, 1.5 }[trial % 5];
            double temperature = new[] { 0.05, 0.3, 1, 2, 5 }[trial / 5 % 5];
            double size = new[] { 0.1, 1, 10, 1000 }[trial / 25 % 4];
            double acting = new[] { 100, 400, 4000, 100 }[trial / 100];
            var attraction = new double[lanes];
            var risk = new double[lanes];
            for (int k = 1; k < lanes; k++)
            {
                attraction[k] = k < options ? size * (2 * random.NextDouble() - 1) : -1e300;
                risk[k] = k < options ? size * (trial % 7 == 0 ? 2 * random.NextDouble() - 1 : random.NextDouble()) : 0;
            }
            var lines = ReplicationRunner.ChoiceLines.Create(sigma, acting, options);
            if (!Avx512F.IsSupported) return; // lines exist only with AVX-512
            if (lines is null)
            {
                // Only a wide spread has too many octaves for one bin an octave within 16 bins and the agents.
                Assert.True(sigma >= 1.5 || acting < 200, $"no lines for sigma {sigma}, {acting} acting agents");
                continue;
            }
            lines.Build(attraction.AsSpan(0, options), risk.AsSpan(0, options), 1 / temperature,
                new double[ReplicationRunner.ChoiceLines.ScratchDoubles(sigma, acting, options)]);

            var cumulative = new double[lanes];
            for (int agent = 0; agent < 40; agent++)
            {
                double rho = Math.Exp(sigma * 4.5 * (2 * random.NextDouble() - 1));
                ReplicationRunner.CumulativeWeights(attraction, risk, options, rho, 1 / temperature, cumulative);
                var uniforms = new List<double>();
                for (int j = 0; j < options - 1; j++)
                {
                    double u = cumulative[j] / cumulative[options - 1];
                    for (int step = 0; step < 4; step++)
                    {
                        uniforms.Add(u);
                        u = Math.BitDecrement(u);
                    }
                    u = cumulative[j] / cumulative[options - 1];
                    for (int step = 0; step < 4; step++) uniforms.Add(u = Math.BitIncrement(u));
                }
                int adversarial = uniforms.Count;
                for (int s = 0; s < 20; s++) uniforms.Add(random.NextDouble());
                uniforms.AddRange([0, ReplicationRunner.ChoiceLines.LowestUniform, ReplicationRunner.ChoiceLines.HighestUniform, 1 - Math.ScaleB(1, -53)]);
                uniforms.RemoveAll(u => u < 0 || u >= 1);
                while (uniforms.Count % 8 != 0) uniforms.Add(random.NextDouble());
                for (int n = 0; n < uniforms.Count; n += 8)
                {
                    // Eight agents of the same rho and different uniforms, as the engine decides them.
                    var u8 = Vector512.Create(uniforms.GetRange(n, 8).ToArray());
                    ulong sure = lines.TryPick(Vector512.Create(rho), ReplicationRunner.ChoiceLines.Logit(u8), out var choices);
                    for (int l = 0; l < 8; l++)
                    {
                        double u = uniforms[n + l];
                        bool spreadOne = n + l >= adversarial;
                        tried++;
                        spread += spreadOne ? 1 : 0;
                        if ((sure >> l & 1) == 0) continue;
                        decided++;
                        spreadDecided += spreadOne ? 1 : 0;
                        Assert.True(ReplicationRunner.Pick(cumulative, options, u) == choices.GetElement(l),
                            $"options {options}, sigma {sigma}, tau {temperature}, size {size}, acting {acting}, rho {rho:R}, u {u:R}");
                    }
                }
            }
        }
        // Not vacuous: most uniforms spread over [0, 1) are decided (the cold, large-weight trials decide fewer).
        Assert.True(spreadDecided > spread / 2, $"the lines decided {spreadDecided} of {spread} spread uniforms ({decided} of {tried} in all)");
    }

    /// <summary>
    /// Small od pairs (tens to a few hundred acting agents a period, too few for ChoiceBounds), loose and extreme
    /// shapes among them: the same numbers with the lines as without, on one thread and on two, most choices
    /// decided by the lines where the shape is not extreme. The cold, high-penalty shape spreads the exponents over
    /// more than 600 (the lines decline it, decidedShare -1: every choice takes the exact path).
    /// </summary>
    [Theory]
    [InlineData(0.5, 5, 2, 1, 0.9)]
    [InlineData(1.0, 200, 0.1, 1, -1)]
    [InlineData(1.5, 5, 2, 1, 0)]
    [InlineData(0.5, 3, 40, 1000, 0)]
    public void Small_od_pairs_get_the_same_numbers_with_the_lines(double riskSigma, double penalty, double temperature, double costScale, double decidedShare)
    {
        var scenario = ChoiceBoundsTests.Border(riskSigma, penalty, temperature, agents: 2_500, costScale: costScale, extraPairs: true);
        foreach (int threads in new[] { 1, 2 })
        {
            var (exact, withLines, choices, decided) = ChoiceBoundsTests.BothWays(scenario, threads);
            SameCounts.Assert(exact, withLines);
            Assert.True(choices > 20_000, $"{choices} choices");
            Assert.True(decidedShare < 0 || (decided > 0 && decided >= decidedShare * choices), $"the lines decided {decided} of {choices} choices");
        }
    }
}
