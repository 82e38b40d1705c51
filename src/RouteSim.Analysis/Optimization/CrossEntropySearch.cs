using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace RouteSim.Analysis.Optimization;

/// <summary>
/// The cross-entropy method over allocations: sample shares of the budget from a Dirichlet distribution, simulate
/// each candidate on the same seeds (common random numbers, so candidates differ by allocation, not by luck), keep
/// the best fifth, refit the Dirichlet to them, repeat.
/// </summary>
/// <remarks>
/// Chosen because evaluations are noisy and expensive and the objective has no gradient: the method needs only
/// rankings of candidates, averages the noise over the elite, and keeps every candidate on the budget simplex.
/// Common random numbers make rankings far less noisy than the objective values themselves.
/// Convergence: after each refit, the spread of the sampling distribution is the largest standard deviation of a
/// location's units under it (Dirichlet: budget x sqrt(a_i (a0 - a_i) / (a0^2 (a0 + 1)))). The search has converged,
/// and stops, when that spread is at most <see cref="Tolerance"/> of a unit or 1% of the budget, whichever is larger:
/// candidates drawn next would differ from one another by about a unit or less.
/// </remarks>
public sealed record CrossEntropySearch(int Iterations = 10, int Population = 24, int Replications = 4, double EliteFraction = 0.2, double Smoothing = 0.7,
    double Tolerance = 0.5)
{
    /// <summary>The spread (resource units) at or under which the search has converged for this budget.</summary>
    public double ConvergedSpread(double budget) => Math.Max(Tolerance, 0.01 * budget);

    /// <summary>
    /// Runs the search for at most <see cref="Iterations"/> iterations, stopping early once converged; returns the best
    /// candidate seen (by its mean over the search seeds), the trace and whether it converged.
    /// </summary>
    public SearchResult Run(AllocationProblem problem, ulong seed, int threads, Action<int, int>? progress = null, CancellationToken cancellation = default)
    {
        int n = problem.Locations.Count;
        var random = new MersenneTwister(Core.Randomness.Seeds.CrossEntropySampler(seed), threadSafe: false);
        var alpha = Enumerable.Repeat(2.0, n).ToArray();
        var own = problem.OwnAllocation();
        var trace = new List<TraceRow>();
        double[]? best = null;
        double bestValue = double.PositiveInfinity;
        int elite = Math.Max(2, (int)Math.Round(EliteFraction * Population));
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            var candidates = new List<double[]>();
            if (iteration == 0)
            {
                // Start from the allocations an analyst would try first.
                candidates.Add(problem.Feasible(Enumerable.Repeat(problem.Budget / n, n).ToArray()));
                if (own.Sum() > 0) candidates.Add(problem.Feasible(own.Select(v => v * problem.Budget / own.Sum()).ToArray()));
            }
            while (candidates.Count < Population)
            {
                var g = alpha.Select(a => Gamma.Sample(random, a, 1.0)).ToArray();
                double total = g.Sum();
                candidates.Add(problem.Feasible(g.Select(v => problem.Budget * v / total).ToArray()));
            }
            var scored = candidates.Select((c, i) =>
            {
                progress?.Invoke(iteration, i);
                return (Allocation: c, Value: problem.Evaluate(c, seed, Replications, threads, cancellation).Average());
            }).OrderBy(p => p.Value).ToArray();
            if (scored[0].Value < bestValue)
            {
                bestValue = scored[0].Value;
                best = scored[0].Allocation;
            }

            // Refit the Dirichlet to the elite shares (method of moments), smoothed toward the previous fit.
            var shares = scored.Take(elite).Select(p => p.Allocation.Select(v => v / problem.Budget).ToArray()).ToArray();
            var mean = Enumerable.Range(0, n).Select(i => shares.Average(s => s[i])).ToArray();
            var variance = Enumerable.Range(0, n).Select(i => shares.Average(s => (s[i] - mean[i]) * (s[i] - mean[i]))).ToArray();
            // An elite that agrees exactly on every location (whole units) is as concentrated as the fit allows.
            double concentration = Enumerable.Range(0, n).Where(i => variance[i] > 1e-12)
                .Select(i => mean[i] * (1 - mean[i]) / variance[i] - 1).DefaultIfEmpty(MaxConcentration).Average();
            concentration = Math.Clamp(concentration, 2, MaxConcentration);
            for (int i = 0; i < n; i++)
                alpha[i] = Smoothing * Math.Max(0.05, concentration * mean[i]) + (1 - Smoothing) * alpha[i];

            double spread = Spread(alpha, problem.Budget);
            bool converged = spread <= ConvergedSpread(problem.Budget);
            trace.Add(new TraceRow(iteration, scored[0].Value, scored.Average(p => p.Value), bestValue, spread, converged));
            if (converged) break;
        }
        return new SearchResult(best!, bestValue, trace);
    }

    private const double MaxConcentration = 2000;

    /// <summary>The largest standard deviation of a location's units under Dirichlet(alpha) shares of the budget.</summary>
    public static double Spread(double[] alpha, double budget)
    {
        double a0 = alpha.Sum();
        return alpha.Max(a => budget * Math.Sqrt(a * (a0 - a) / (a0 * a0 * (a0 + 1))));
    }
}

/// <summary>
/// One iteration of the search: best and mean objective of its candidates, the best so far, the spread of the
/// distribution the next candidates would be drawn from (resource units) and whether that spread meets the tolerance.
/// </summary>
public sealed record TraceRow(int Iteration, double IterationBest, double IterationMean, double BestSoFar, double Spread, bool Converged);

/// <summary>The best allocation the search found (whole resource units), its mean objective on the search seeds, and the trace.</summary>
public sealed record SearchResult(double[] Best, double BestValue, IReadOnlyList<TraceRow> Trace)
{
    /// <summary>True when the search stopped because it converged rather than because it ran out of iterations.</summary>
    public bool Converged => Trace.Count > 0 && Trace[^1].Converged;
}
