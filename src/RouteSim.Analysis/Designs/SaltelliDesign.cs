using RouteSim.Core.Randomness;

namespace RouteSim.Analysis.Designs;

/// <summary>
/// Saltelli's sampling scheme for first-order and total Sobol indices (Saltelli et al. 2010): two independent
/// base matrices A and B of N rows, and for each factor i the matrix AB_i, A with column i taken from B.
/// </summary>
/// <remarks>
/// Points are grouped by base row j, k + 2 at a time, in the order A_j, AB_j^1, ..., AB_j^k, B_j (SALib's order),
/// so <see cref="Sensitivity.SobolIndices"/> reads them back by position. A and B are the two halves of one Latin
/// hypercube in 2k dimensions: stratified, hence less noisy than plain Monte Carlo, and still independent of each other.
/// </remarks>
public static class SaltelliDesign
{
    /// <summary>Points per base row for k factors.</summary>
    public static int PointsPerRow(int factors) => factors + 2;

    /// <summary>Builds the N(k + 2) points.</summary>
    public static Design Build(IReadOnlyList<Factor> factors, int baseSamples, ulong seed)
    {
        int k = factors.Count;
        var ab = LatinHypercube.Unit(baseSamples, 2 * k, new SplitMixStream(seed));
        var unit = new double[baseSamples * PointsPerRow(k)][];
        for (int j = 0; j < baseSamples; j++)
        {
            var a = ab[j][..k];
            var b = ab[j][k..];
            int at = j * PointsPerRow(k);
            unit[at] = a;
            for (int i = 0; i < k; i++)
            {
                var mixed = (double[])a.Clone();
                mixed[i] = b[i];
                unit[at + 1 + i] = mixed;
            }
            unit[at + k + 1] = b;
        }
        return new Design(DesignKind.Saltelli, factors, Design.Scale(factors, unit), unit, BaseSamples: baseSamples);
    }
}
