using RouteSim.Analysis.Designs;

namespace RouteSim.Analysis.Sensitivity;

/// <summary>First-order and total Sobol indices of one factor, each with a 95% bootstrap interval.</summary>
public sealed record SobolIndex(string Factor, Interval First, Interval Total);

/// <summary>
/// Sobol indices from a Saltelli design: first order by Saltelli et al. (2010), S_i = mean(f(B)(f(AB_i) - f(A))) / V,
/// total by Jansen (1999), ST_i = mean((f(A) - f(AB_i))^2) / 2V, with V the variance of f over A and B together.
/// f(B) is centred on the mean of f in the first-order sum: the same estimate in expectation, but without the
/// variance a large mean would add (an outcome of mean 1,000 and spread 10 is otherwise hopeless). Intervals
/// resample the N base rows.
/// </summary>
public static class SobolIndices
{
    /// <summary>Estimates every factor's indices from outputs y given in the design's point order.</summary>
    /// <exception cref="ArgumentException">When y does not match the design, or f does not vary (V = 0: every index is undefined).</exception>
    public static IReadOnlyList<SobolIndex> Estimate(Design design, IReadOnlyList<double> y, int resamples = Bootstrap.DefaultResamples, ulong seed = 1)
    {
        if (design.Kind != DesignKind.Saltelli) throw new ArgumentException($"Sobol indices need a saltelli design, not {design.KindName}");
        int k = design.Factors.Count, n = design.BaseSamples, stride = SaltelliDesign.PointsPerRow(k);
        if (y.Count != n * stride) throw new ArgumentException($"expected {n * stride} outputs (N = {n}, k = {k}), got {y.Count}");
        if (y.Any(v => !double.IsFinite(v))) throw new ArgumentException("some outputs are missing or not finite; Sobol indices need a value at every point");

        double[] Evaluate(int[] rows)
        {
            double sum = 0, sumSq = 0;
            foreach (int j in rows)
            {
                double a = y[j * stride], b = y[j * stride + k + 1];
                sum += a + b;
                sumSq += a * a + b * b;
            }
            int m = 2 * rows.Length;
            double mean = sum / m, variance = sumSq / m - mean * mean;
            var result = new double[2 * k];
            for (int i = 0; i < k; i++)
            {
                double first = 0, total = 0;
                foreach (int j in rows)
                {
                    double a = y[j * stride], ab = y[j * stride + 1 + i], b = y[j * stride + k + 1];
                    first += (b - mean) * (ab - a);
                    total += (a - ab) * (a - ab);
                }
                result[i] = variance > 0 ? first / rows.Length / variance : double.NaN;
                result[k + i] = variance > 0 ? total / (2.0 * rows.Length) / variance : double.NaN;
            }
            return result;
        }

        var all = Bootstrap.Percentile(n, 2 * k, Evaluate, resamples, seed);
        if (!double.IsFinite(all[0].Estimate)) throw new ArgumentException("the output does not vary across the design, so every Sobol index is undefined");
        return Enumerable.Range(0, k).Select(i => new SobolIndex(design.Factors[i].Name, all[i], all[k + i])).ToArray();
    }
}
