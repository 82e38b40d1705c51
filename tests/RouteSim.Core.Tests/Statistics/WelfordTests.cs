using RouteSim.Core.Statistics;

namespace RouteSim.Core.Tests;

public class WelfordTests
{
    /// <summary>The textbook scalar update, for comparison with the vectorised one.</summary>
    private static (double[] Mean, double[] M2) Scalar(IReadOnlyList<int[]> rows, int cells)
    {
        var mean = new double[cells];
        var m2 = new double[cells];
        for (int n = 1; n <= rows.Count; n++)
            for (int i = 0; i < cells; i++)
            {
                double x = rows[n - 1][i], delta = x - mean[i];
                mean[i] += delta / n;
                m2[i] += delta * (x - mean[i]);
            }
        return (mean, m2);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1001)]
    public void The_vectorised_update_gives_the_same_bits_as_the_scalar_one(int cells)
    {
        var random = new Random(cells);
        var rows = Enumerable.Range(0, 13).Select(_ => Enumerable.Range(0, cells).Select(_ => random.Next(0, 100_000)).ToArray()).ToList();
        var fromInts = new Welford(cells);
        var fromDoubles = new Welford(cells);
        foreach (var row in rows)
        {
            fromInts.Add(row);
            fromDoubles.Add(row.Select(v => (double)v).ToArray());
        }
        var (mean, m2) = Scalar(rows, cells);
        for (int i = 0; i < cells; i++)
        {
            var expected = Summary.FromMoments(mean[i], m2[i], rows.Count);
            Assert.Equal(expected, fromInts.Summarize(i));
            Assert.Equal(expected, fromDoubles.Summarize(i));
        }
    }
}
