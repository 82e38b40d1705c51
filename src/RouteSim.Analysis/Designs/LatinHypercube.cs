using RouteSim.Core.Randomness;

namespace RouteSim.Analysis.Designs;

/// <summary>Latin hypercube sampling (McKay, Beckman and Conover 1979): each factor's range cut into n equal strata, each used once.</summary>
public static class LatinHypercube
{
    /// <summary>n points in the unit cube of the given dimension.</summary>
    public static double[][] Unit(int n, int dimensions, SplitMixStream random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var points = new double[n][];
        for (int i = 0; i < n; i++) points[i] = new double[dimensions];
        for (int j = 0; j < dimensions; j++)
        {
            var strata = random.Permutation(n);
            for (int i = 0; i < n; i++) points[i][j] = (strata[i] + random.NextDouble()) / n;
        }
        return points;
    }

    /// <summary>A Latin hypercube design of n points over the factors.</summary>
    public static Design Build(IReadOnlyList<Factor> factors, int n, ulong seed)
    {
        var unit = Unit(n, factors.Count, new SplitMixStream(seed));
        return new(DesignKind.LatinHypercube, factors, Design.Scale(factors, unit), unit);
    }
}
