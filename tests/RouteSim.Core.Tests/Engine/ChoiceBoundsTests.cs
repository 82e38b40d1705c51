using RouteSim.Core.Engine;
using RouteSim.Core.Model;
using RouteSim.Core.Tests.Support;

namespace RouteSim.Core.Tests.Engine;

/// <summary>Switches the bounds of the mixed logit off and on, a process-wide setting, so runs alone.</summary>
[CollectionDefinition(nameof(ChoiceBoundsSwitch), DisableParallelization = true)]
public class ChoiceBoundsSwitch;

/// <summary>
/// The bounds that decide most mixed-logit choices without exponentials (ReplicationRunner.ChoiceBounds.cs) must
/// decide exactly as the exact computation does, and otherwise decline.
/// </summary>
[Collection(nameof(ChoiceBoundsSwitch))]
public class ChoiceBoundsTests
{
    /// <summary>
    /// Uniforms placed on each cumulative probability the exact computation produces and a few units in the
    /// last place either side, the hardest cases for a margin, plus uniforms spread over [0, 1): wherever the
    /// bounds decide, the choice is the exact computation's. Weights of every size, risk terms of both signs,
    /// temperatures from 0.05 to 5, spreads from 0.05 to 1.5, rho inside and outside the bins.
    /// </summary>
    /// <remarks>
    /// Twice: fine bins (40,000 acting agents, many bins an octave), and the coarsest an od pair gets, one bin an
    /// octave (a grouped pair with acting agents for just that many bins of 16), where rho varies twofold in a bin and
    /// the bounds are widest.
    /// </remarks>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Where_the_bounds_decide_they_decide_as_the_exact_computation(bool coarse)
    {
        var random = new Random(coarse ? 29 : 23);
        long decided = 0, tried = 0, spreadDecided = 0, spread = 0;
        for (int trial = 0; trial < 300; trial++)
        {
            int options = 2 + random.Next(8), lanes = (options + 3) & ~3;
            double sigma = new[] { 0.05, 0.2, 0.4, 0.7, 1.5 }[trial % 5];
            double temperature = new[] { 0.05, 0.3, 1, 2, 5 }[trial / 5 % 5];
            double size = new[] { 0.1, 1, 10, 1000 }[trial / 25 % 4];
            var attraction = new double[lanes];
            var risk = new double[lanes];
            for (int k = 1; k < lanes; k++)
            {
                attraction[k] = k < options ? size * (2 * random.NextDouble() - 1) : -1e300;
                risk[k] = k < options ? size * (trial % 7 == 0 ? 2 * random.NextDouble() - 1 : random.NextDouble()) : 0;
            }
            // One bin an octave covers exp(+-4 sigma) with about 8 sigma / ln 2 + 2 bins.
            double acting = coarse ? 16 * Math.Floor(8 * sigma / Math.Log(2) + 2) : 40_000;
            var bounds = ReplicationRunner.ChoiceBounds.Create(sigma, acting, options, grouped: coarse);
            Assert.NotNull(bounds);
            if (coarse) Assert.True(bounds.BinCount <= 8 * sigma / Math.Log(2) + 2, $"{bounds.BinCount} bins for sigma {sigma}: finer than one an octave");
            var scratch = new ReplicationRunner.ChoiceBounds.Scratch(ReplicationRunner.ChoiceBounds.ScratchDoubles(sigma, acting, options, grouped: coarse), options);
            bounds.Build(attraction.AsSpan(0, options), risk.AsSpan(0, options), 1 / temperature, scratch);

            var cumulative = new double[lanes];
            for (int agent = 0; agent < 40; agent++)
            {
                double rho = Math.Exp(sigma * 5 * (2 * random.NextDouble() - 1));
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
                uniforms.Add(0);
                for (int n = 0; n < uniforms.Count; n++)
                {
                    double u = uniforms[n];
                    if (u < 0 || u >= 1) continue;
                    tried++;
                    spread += n >= adversarial ? 1 : 0;
                    if (!bounds.TryPick(rho, u, out int choice)) continue;
                    decided++;
                    spreadDecided += n >= adversarial ? 1 : 0;
                    Assert.True(ReplicationRunner.Pick(cumulative, options, u) == choice,
                        $"options {options}, sigma {sigma}, tau {temperature}, size {size}, rho {rho:R}, u {u:R}");
                }
            }
        }
        // Not vacuous: many uniforms spread over [0, 1) are decided (the cold, large-weight trials decide fewer): most
        // with fine bins (65%), with one bin an octave still a large share (41%), so an exactness failure would show.
        Assert.True(spreadDecided > spread / (coarse ? 4 : 2), $"the bounds decided {spreadDecided} of {spread} spread uniforms ({decided} of {tried} in all)");
    }

    /// <summary>
    /// Eight agents of one bin decided together (GroupChoices, for agents stored by bin) decide exactly where one
    /// agent at a time (TryPick) decides, with the same choice, which is the exact computation's: uniforms on and
    /// beside every cumulative probability and spread over [0, 1), rho inside and outside the bins, 2 to 9 options
    /// (the padding of rows with fewer than eight boundaries) and 10 to 33 (the wide rows of up to 32 boundaries),
    /// bounds built and not built. Needs AVX-512.
    /// </summary>
    [Fact]
    public void Eight_agents_of_one_bin_are_decided_as_one_at_a_time()
    {
        if (!System.Runtime.Intrinsics.X86.Avx512F.IsSupported) return; // the eight-lane path is not taken without it
        var random = new Random(29);
        long decided = 0, tried = 0, spreadDecided = 0, spread = 0;
        var bits = new ulong[8];
        for (int trial = 0; trial < 400; trial++)
        {
            int options = trial % 2 == 0 ? 2 + random.Next(8) : 10 + random.Next(24), lanes = (options + 3) & ~3;
            if (trial % 50 == 1) options = 33; // all 32 boundaries surely at or below u: the last route, decided
            lanes = (options + 3) & ~3;
            double sigma = new[] { 0.05, 0.2, 0.4, 0.7, 1.5 }[trial % 5];
            double temperature = new[] { 0.05, 0.3, 1, 2, 5 }[trial / 5 % 5];
            double size = new[] { 0.1, 1, 10, 1000 }[trial / 25 % 4];
            var attraction = new double[lanes];
            var risk = new double[lanes];
            for (int k = 1; k < lanes; k++)
            {
                attraction[k] = k < options ? size * (2 * random.NextDouble() - 1) : -1e300;
                risk[k] = k < options ? size * random.NextDouble() : 0;
            }
            var bounds = ReplicationRunner.ChoiceBounds.Create(sigma, 40_000, options, grouped: true)!;
            Assert.True(bounds.HasEightLanes);
            // Every tenth trial the bounds are never built (as when a period's margin is too wide): nothing is decided.
            if (trial % 10 != 9)
            {
                var scratch = new ReplicationRunner.ChoiceBounds.Scratch(ReplicationRunner.ChoiceBounds.ScratchDoubles(sigma, 40_000, options, grouped: true), options);
                bounds.Build(attraction.AsSpan(0, options), risk.AsSpan(0, options), 1 / temperature, scratch);
            }

            var cumulative = new double[lanes];
            for (int agent = 0; agent < 20; agent++)
            {
                double rho = Math.Exp(sigma * 5 * (2 * random.NextDouble() - 1));
                ReplicationRunner.CumulativeWeights(attraction, risk, options, rho, 1 / temperature, cumulative);
                // Uniforms as the engine draws them, m 2^-53: on and beside each boundary, and spread.
                var uniforms = new List<ulong>();
                for (int j = 0; j < options - 1; j++)
                {
                    ulong m = (ulong)(cumulative[j] / cumulative[options - 1] * (1UL << 53));
                    for (ulong step = 0; step < 3; step++) uniforms.AddRange([m - step, m + step + 1]);
                }
                int adversarial = uniforms.Count;
                for (int n = 0; n < 16 || uniforms.Count % 8 != 0; n++) uniforms.Add((ulong)random.NextInt64(1L << 53));
                for (int g = 0; g < uniforms.Count; g += 8)
                {
                    uniforms.CopyTo(g, bits, 0, 8);
                    var choices = bounds.GroupChoices(bounds.Bucket(rho), System.Runtime.Intrinsics.Vector512.Create(bits), -2);
                    for (int lane = 0; lane < 8; lane++)
                    {
                        double u = bits[lane] * (1.0 / (1UL << 53));
                        if (u >= 1) continue;
                        tried++;
                        spread += g + lane >= adversarial ? 1 : 0;
                        bool one = bounds.TryPick(rho, u, out int choice);
                        long group = System.Runtime.Intrinsics.Vector512.GetElement(choices, lane);
                        Assert.True(one ? group == choice : group == -2, $"options {options}, sigma {sigma}, tau {temperature}, rho {rho:R}, u {u:R}: one at a time {(one ? choice : "undecided")}, in a group {group}");
                        if (group == -2) continue;
                        decided++;
                        spreadDecided += g + lane >= adversarial ? 1 : 0;
                        Assert.Equal(ReplicationRunner.Pick(cumulative, options, u), (int)group);
                    }
                }
            }
        }
        // Not vacuous: most uniforms spread over [0, 1) are decided (those on and beside a boundary cannot be).
        Assert.True(spreadDecided > spread / 2, $"decided {spreadDecided} of {spread} spread uniforms ({decided} of {tried} in all)");
    }

    /// <summary>A border with eight routes per od pair and many agents: the bounds decide nearly every choice, and every number is the same as without them.</summary>
    [Fact]
    public void A_large_organization_gets_the_same_numbers_with_most_choices_decided_by_the_bounds()
    {
        var scenario = Border(riskSigma: 0.4, penalty: 8, temperature: 2, agents: 30_000);
        var (exact, withBounds, choices, decided) = BothWays(scenario, threads: 2);
        SameCounts.Assert(exact, withBounds);
        Assert.True(choices > 500_000, $"{choices} choices");
        Assert.True(decided > 0.95 * choices, $"the bounds decided {decided} of {choices} choices");
    }

    /// <summary>
    /// Shapes where the bounds are loose or the numbers extreme (a cold, high-penalty organization whose weights
    /// swing across a bin; a spread of 1.5; a spread of 0.01; costs in the thousands), several od pairs of 2 to 8
    /// routes: the same numbers with the bounds as without, on one thread and on two.
    /// </summary>
    [Theory]
    [InlineData(1.0, 200, 0.1, 1)]
    [InlineData(1.5, 5, 2, 1)]
    [InlineData(0.01, 5, 2, 1)]
    [InlineData(0.5, 3, 40, 1000)]
    public void Loose_bounds_and_extreme_numbers_give_the_same_numbers(double riskSigma, double penalty, double temperature, double costScale)
    {
        var scenario = Border(riskSigma, penalty, temperature, agents: 12_000, costScale: costScale, extraPairs: true);
        foreach (int threads in new[] { 1, 2 })
        {
            var (exact, withBounds, choices, decided) = BothWays(scenario, threads);
            SameCounts.Assert(exact, withBounds);
            Assert.True(choices > 100_000, $"{choices} choices");
            Assert.True(decided > 0, "the bounds never decided");
        }
    }

    /// <summary>Replications of a scenario with the exact path only and with the bounds; the choices with own weights and those the bounds decided.</summary>
    private static (List<ReplicationResult> Exact, List<ReplicationResult> WithBounds, long Choices, long Decided) BothWays(Scenario scenario, int threads)
    {
        var model = CompiledScenario.Build(scenario);
        bool original = ReplicationRunner.UseChoiceBounds;
        try
        {
            ReplicationRunner.UseChoiceBounds = false;
            var exact = Enumerable.Range(0, 3).Select(r => new ReplicationRunner(model, 5, r, threads).Run()).ToList();
            ReplicationRunner.UseChoiceBounds = true;
            var withBounds = new List<ReplicationResult>();
            long choices = 0, decided = 0;
            for (int r = 0; r < 3; r++)
            {
                var runner = new ReplicationRunner(model, 5, r, threads);
                withBounds.Add(runner.Run());
                choices += runner.OwnWeightChoices.Choices;
                decided += runner.OwnWeightChoices.DecidedByBounds;
            }
            return (exact, withBounds, choices, decided);
        }
        finally
        {
            ReplicationRunner.UseChoiceBounds = original;
        }
    }

    /// <summary>
    /// Eight crossings reached from two staging towns (16 paths, the 8 cheapest kept) by a people-carrying
    /// organization with a spread of risk tolerance; with <paramref name="extraPairs"/>, a second origin and
    /// destination give od pairs of fewer routes and of few agents (which take the exact path).
    /// </summary>
    private static Scenario Border(double riskSigma, double penalty, double temperature, int agents, double costScale = 1, bool extraPairs = false)
    {
        var nodes = new List<Node>
        {
            new("O", NodeKind.Origin), new("O2", NodeKind.Origin),
            new("T1", NodeKind.Transit, 0.5 * costScale), new("T2", NodeKind.Transit, 0.8 * costScale),
            new("D", NodeKind.Destination), new("D2", NodeKind.Destination),
        };
        var edges = new List<Edge> { new("O", "T1", costScale), new("O", "T2", costScale), new("O2", "T1", costScale) };
        for (int i = 0; i < 8; i++)
        {
            nodes.Add(TestScenarios.Crossing($"X{i}", cost: (1 + 0.25 * i) * costScale, b: 0.02 + 0.01 * (i % 3), area: 10 + 5 * i, danger: i % 4 == 1 ? 0.02 : 0));
            edges.Add(new Edge("T1", $"X{i}", costScale));
            edges.Add(new Edge("T2", $"X{i}", 0.5 * costScale));
            edges.Add(new Edge($"X{i}", "D", costScale));
            if (i < 3) edges.Add(new Edge($"X{i}", "D2", costScale));
        }
        OdPair[] od = extraPairs
            ? [new("O", "D", 8), new("O2", "D", 2), new("O", "D2", 1), new("O2", "D2", 0.05)]
            : [new("O", "D", 1)];
        var organization = new Organization("org", "migrants", agents, od, temperature, 0.9, 10, riskSigma, 2, 0.8);
        var allocation = Enumerable.Range(0, 8).ToDictionary(i => $"X{i}", i => i < 3 ? 10.0 : 2.0);
        return new Scenario("bounds", "", [], 12, "day", 3, 1, new Routing(8, 3.0), nodes, edges,
            [TestScenarios.Migrants(value: 20 * costScale, penalty: penalty * costScale, dangerWeight: 1)], [organization],
            new Enforcement(0.5, allocation, new AdaptivePolicy(4, 0.3, 0, []), []));
    }
}
