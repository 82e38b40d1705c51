using MathNet.Numerics.LinearAlgebra;
using RouteSim.Core.Randomness;

namespace RouteSim.Analysis.Calibration;

/// <summary>
/// The uncertainty of fitted parameters from the curvature of the least-squares loss at the optimum (the
/// Gauss-Newton, or Laplace, approximation; Bates and Watts 1988, ch. 2): on the parameters' unbounded search
/// scale z, the covariance is (J'J / s^2 + I / w^2)^-1, with J the Jacobian of the fitted cells' residuals in z,
/// s^2 = sum of squared residuals / (independent cells - parameters) the residual variance, and w the width of
/// a weak prior that keeps directions the data do not determine within the bounds (w = pi/sqrt(3), the spread of
/// a uniform position between the bounds on the logit scale).
/// </summary>
/// <param name="Center">The fitted point on the search scale.</param>
/// <param name="Covariance">Covariance on the search scale (parameters x parameters).</param>
/// <param name="ResidualVariance">s^2, in the loss's units (percentage points squared for shares).</param>
/// <param name="DegreesOfFreedom">Independent cells minus parameters (at least 1).</param>
public sealed record ParameterUncertainty(double[] Center, double[,] Covariance, double ResidualVariance, int DegreesOfFreedom)
{
    /// <summary>The prior's standard deviation on the search scale: a uniform position between the bounds, through the logit.</summary>
    public static readonly double PriorWidth = Math.PI / Math.Sqrt(3);

    /// <summary>Default step of the central differences on the search scale.</summary>
    public const double DefaultStep = 0.1;

    /// <summary>
    /// Estimates the covariance from 2 x parameters evaluations of <paramref name="residuals"/> (central
    /// differences of step <paramref name="step"/> on the search scale around <paramref name="best"/>).
    /// </summary>
    /// <param name="residuals">The residual vector at parameter values (the same cells in the same order every time; the
    /// same random numbers, so that differences measure the parameters and not the noise).</param>
    /// <param name="independentCells">Residuals free to vary (shares within a row sum to 1).</param>
    public static ParameterUncertainty Estimate(IReadOnlyList<BoundedParameter> parameters, double[] best, Func<double[], double[]> residuals,
        int independentCells, double step = DefaultStep) =>
        Estimate(parameters, best, points => points.Select(residuals).ToArray(), independentCells, step);

    /// <summary>
    /// As <see cref="Estimate(IReadOnlyList{BoundedParameter}, double[], Func{double[], double[]}, int, double)"/>, with the
    /// residuals of every point asked for at once (the best point, then each parameter's step up and step down, in
    /// parameter order), so that the caller may evaluate them in parallel.
    /// </summary>
    public static ParameterUncertainty Estimate(IReadOnlyList<BoundedParameter> parameters, double[] best, Func<IReadOnlyList<double[]>, double[][]> residuals,
        int independentCells, double step = DefaultStep)
    {
        int p = parameters.Count;
        var center = parameters.Select((q, i) => q.ToFree(best[i])).ToArray();
        var points = new List<double[]> { best };
        for (int i = 0; i < p; i++)
        {
            points.Add(Values(parameters, center, i, step));
            points.Add(Values(parameters, center, i, -step));
        }
        var found = residuals(points);
        var atBest = found[0];
        int dof = Math.Max(1, independentCells - p);
        double s2 = atBest.Sum(r => r * r) / dof;
        var jacobian = Matrix<double>.Build.Dense(atBest.Length, p);
        for (int i = 0; i < p; i++)
        {
            var up = points[1 + 2 * i];
            var down = points[2 + 2 * i];
            var ru = found[1 + 2 * i];
            var rd = found[2 + 2 * i];
            // A bound clamps FromFree: divide by the distance actually moved, on the search scale.
            double moved = parameters[i].ToFree(up[i]) - parameters[i].ToFree(down[i]);
            for (int c = 0; c < atBest.Length; c++) jacobian[c, i] = moved > 0 ? (ru[c] - rd[c]) / moved : 0;
        }
        var precision = jacobian.TransposeThisAndMultiply(jacobian) / Math.Max(s2, 1e-12)
            + Matrix<double>.Build.DenseIdentity(p) / (PriorWidth * PriorWidth);
        return new ParameterUncertainty(center, precision.Inverse().ToArray(), s2, dof);
    }

    /// <summary>Standard error of each parameter on the search scale.</summary>
    public double[] StandardErrors() => Enumerable.Range(0, Center.Length).Select(i => Math.Sqrt(Covariance[i, i])).ToArray();

    /// <summary>
    /// <paramref name="count"/> parameter vectors drawn from the normal approximation on the search scale and mapped back
    /// between the bounds; the same seed gives the same draws.
    /// </summary>
    public double[][] Draw(IReadOnlyList<BoundedParameter> parameters, int count, ulong seed)
    {
        int p = Center.Length;
        var cov = Matrix<double>.Build.DenseOfArray(Covariance);
        // Symmetrise against rounding, then factor; the prior term keeps the matrix positive definite.
        var lower = ((cov + cov.Transpose()) / 2).Cholesky().Factor;
        var random = new SplitMixStream(seed);
        var draws = new double[count][];
        for (int k = 0; k < count; k++)
        {
            var e = Vector<double>.Build.Dense(p, _ => StandardNormal(random));
            var z = lower * e;
            draws[k] = parameters.Select((q, i) => q.FromFree(Center[i] + z[i])).ToArray();
        }
        return draws;
    }

    /// <summary>A standard normal deviate by the Box-Muller transform.</summary>
    private static double StandardNormal(SplitMixStream random)
    {
        double u = 1 - random.NextDouble(), v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    private static double[] Values(IReadOnlyList<BoundedParameter> parameters, double[] center, int moved, double step) =>
        parameters.Select((q, i) => q.FromFree(center[i] + (i == moved ? step : 0))).ToArray();
}
