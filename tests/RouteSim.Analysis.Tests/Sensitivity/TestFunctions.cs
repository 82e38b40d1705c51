using RouteSim.Analysis.Designs;

namespace RouteSim.Analysis.Tests.Sensitivity;

/// <summary>Test functions whose sensitivity indices are known in closed form.</summary>
public static class TestFunctions
{
    public const double A = 7, B = 0.1;

    /// <summary>Ishigami and Homma (1990) on [-pi, pi]^3.</summary>
    public static double Ishigami(double[] x) => Math.Sin(x[0]) + A * Math.Pow(Math.Sin(x[1]), 2) + B * Math.Pow(x[2], 4) * Math.Sin(x[0]);

    public static Factor[] IshigamiFactors { get; } =
        [new("x1", -Math.PI, Math.PI), new("x2", -Math.PI, Math.PI), new("x3", -Math.PI, Math.PI)];

    private static readonly double Pi4 = Math.Pow(Math.PI, 4), Pi8 = Math.Pow(Math.PI, 8);
    private static readonly double V1 = 0.5 * Math.Pow(1 + B * Pi4 / 5, 2);
    private static readonly double V2 = A * A / 8;
    private static readonly double V13 = B * B * Pi8 * (1.0 / 18 - 1.0 / 50);
    private static readonly double V = V1 + V2 + V13;

    /// <summary>First-order indices: 0.3139, 0.4424, 0.</summary>
    public static double[] IshigamiFirst { get; } = [V1 / V, V2 / V, 0];

    /// <summary>Total indices: 0.5576, 0.4424, 0.2437.</summary>
    public static double[] IshigamiTotal { get; } = [(V1 + V13) / V, V2 / V, V13 / V];

    /// <summary>Sobol's g-function on [0,1]^k: first-order index i is V_i / V with V_i = 1 / (3 (1 + a_i)^2).</summary>
    public static double G(double[] x, double[] a)
    {
        double product = 1;
        for (int i = 0; i < x.Length; i++) product *= (Math.Abs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
        return product;
    }

    public static double[] GFirst(double[] a)
    {
        var vi = a.Select(ai => 1 / (3 * (1 + ai) * (1 + ai))).ToArray();
        double v = vi.Aggregate(1.0, (p, x) => p * (1 + x)) - 1;
        return vi.Select(x => x / v).ToArray();
    }

    /// <summary>
    /// The expected Morris statistics of f under <see cref="MorrisDesign"/>: every coordinate is uniform over the
    /// p grid levels and a step of factor i goes between level l and l + p/2 (l in the lower half), so
    /// E[EE_i] and E[|EE_i|] are averages over the grid, computed exactly by enumeration.
    /// </summary>
    public static (double Mu, double MuStar) MorrisExpected(Func<double[], double> f, Factor[] factors, int levels, int i)
    {
        int k = factors.Length, others = (int)Math.Pow(levels, k - 1);
        double delta = MorrisDesign.Delta(levels), sum = 0, sumAbs = 0;
        int count = 0;
        for (int code = 0; code < others; code++)
        {
            var u = new double[k];
            int rest = code;
            for (int j = 0; j < k; j++)
            {
                if (j == i) continue;
                u[j] = (double)(rest % levels) / (levels - 1);
                rest /= levels;
            }
            for (int l = 0; l < levels / 2; l++)
            {
                var low = (double[])u.Clone();
                var high = (double[])u.Clone();
                low[i] = (double)l / (levels - 1);
                high[i] = (double)(l + levels / 2) / (levels - 1);
                double ee = (f(Scale(factors, high)) - f(Scale(factors, low))) / delta;
                sum += ee;
                sumAbs += Math.Abs(ee);
                count++;
            }
        }
        return (sum / count, sumAbs / count);
    }

    private static double[] Scale(Factor[] factors, double[] u) => u.Select((x, j) => factors[j].FromUnit(x)).ToArray();
}
