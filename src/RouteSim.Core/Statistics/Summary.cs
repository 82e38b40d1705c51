using System.Runtime.CompilerServices;
using MathNet.Numerics.Distributions;

namespace RouteSim.Core.Statistics;

/// <summary>Mean, standard deviation and 95% Student-t interval of a quantity over n replications.</summary>
/// <remarks>With n = 1 the spread is unknown: sd and the interval are NaN.</remarks>
public readonly record struct Summary(double Mean, double Sd, double CiLow, double CiHigh, int N)
{
    /// <summary>From a mean and a sum of squared deviations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called for every cell of a summary, once
    public static Summary FromMoments(double mean, double m2, int n)
    {
        if (n < 2) return new Summary(mean, double.NaN, double.NaN, double.NaN, n);
        double sd = Math.Sqrt(Math.Max(0, m2) / (n - 1));
        double half = TQuantile975(n - 1) * sd / Math.Sqrt(n);
        return new Summary(mean, sd, mean - half, mean + half, n);
    }

    /// <summary>From a sample.</summary>
    public static Summary FromSample(ReadOnlySpan<double> values)
    {
        var w = new Welford(1);
        foreach (var v in values) w.Add([v]);
        return w.Summarize(0);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, double> Quantiles = new();

    /// <summary>The 97.5% quantile of Student's t with df degrees of freedom (remembered: a summary asks it for every cell).</summary>
    public static double TQuantile975(int df) => Quantiles.GetOrAdd(df, d => StudentT.InvCDF(0, 1, d, 0.975));
}
