namespace RouteSim.Core.Tests.Support;

/// <summary>Tolerances derived from sampling error, so statistical tests fail for a wrong model, not for bad luck.</summary>
public static class Stat
{
    /// <summary>Four and a half standard errors: a false alarm about once in 150,000 checks.</summary>
    public const double Z = 4.5;

    /// <summary>Asserts a binomial proportion successes/trials matches p within Z standard errors.</summary>
    public static void Proportion(double p, long successes, long trials, string what)
    {
        Assert.True(trials > 0, $"{what}: no trials");
        double se = Math.Sqrt(p * (1 - p) / trials);
        double observed = (double)successes / trials;
        Assert.True(Math.Abs(observed - p) <= Z * se + 1e-12,
            $"{what}: observed {observed:F5} over {trials} trials, expected {p:F5} +- {Z * se:F5} ({Z} standard errors)");
    }

    /// <summary>Asserts an observed total matches the sum of expectations, given the sum of variances.</summary>
    public static void Total(double expected, double variance, double observed, string what)
    {
        double se = Math.Sqrt(variance);
        Assert.True(Math.Abs(observed - expected) <= Z * se + 1e-9,
            $"{what}: observed {observed:F1}, expected {expected:F1} +- {Z * se:F1} ({Z} standard errors)");
    }
}
