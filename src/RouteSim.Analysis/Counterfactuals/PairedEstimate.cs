using RouteSim.Core.Statistics;

namespace RouteSim.Analysis.Counterfactuals;

/// <summary>
/// Estimates with 95% intervals from paired per-replication values. A smooth function of means (a ratio, a
/// difference of ratios) is linearised: each replication contributes its influence value, the gradient of the
/// function at the means times its deviation from them, and the interval is Student's t on those values.
/// </summary>
public static class PairedEstimate
{
    /// <summary>Mean of per-replication values with its t interval.</summary>
    public static Summary Mean(IReadOnlyList<double> values) => Summary.FromSample(values.ToArray());

    /// <summary>Ratio of means mean(a) / mean(b); null when mean(b) is zero.</summary>
    public static Summary? Ratio(IReadOnlyList<double> a, IReadOnlyList<double> b, double scale = 1)
    {
        double ma = a.Average(), mb = b.Average();
        if (mb == 0) return null;
        double r = ma / mb;
        var influence = a.Select((x, i) => scale * (x - r * b[i]) / mb).ToArray();
        return Around(scale * r, influence);
    }

    /// <summary>Difference of two ratios of means, (mean(a1)/mean(b1) - mean(a0)/mean(b0)) times scale, paired by replication.</summary>
    public static Summary? RatioChange(IReadOnlyList<double> a1, IReadOnlyList<double> b1, IReadOnlyList<double> a0, IReadOnlyList<double> b0, double scale = 1)
    {
        double m1 = b1.Average(), m0 = b0.Average();
        if (m1 == 0 || m0 == 0) return null;
        double r1 = a1.Average() / m1, r0 = a0.Average() / m0;
        var influence = a1.Select((_, i) => scale * ((a1[i] - r1 * b1[i]) / m1 - (a0[i] - r0 * b0[i]) / m0)).ToArray();
        return Around(scale * (r1 - r0), influence);
    }

    /// <summary>An estimate with the t interval of its influence values (which average zero).</summary>
    private static Summary Around(double estimate, double[] influence)
    {
        var spread = Summary.FromSample(influence);
        double half = (spread.CiHigh - spread.CiLow) / 2;
        return new Summary(estimate, spread.Sd, estimate - half, estimate + half, influence.Length);
    }
}
