using RouteSim.Core.Randomness;

namespace RouteSim.Analysis.Designs;

/// <summary>
/// Morris's one-at-a-time trajectories (Morris 1991): on a grid of p levels per factor, each trajectory starts at
/// a random grid point and moves every factor once, in random order, by the step delta = p / (2(p - 1)).
/// </summary>
/// <remarks>
/// Each factor's start is drawn so the whole step stays inside [0,1]: level l in the lower half going up, or
/// l + p/2 going down, each with probability one half. Every coordinate is then uniform over the p levels at
/// every point of a trajectory, which is what makes the expected elementary effect a simple grid average.
/// </remarks>
public static class MorrisDesign
{
    /// <summary>The step delta in unit-cube terms for p levels.</summary>
    public static double Delta(int levels) => levels / (2.0 * (levels - 1));

    /// <summary>Builds r trajectories of k + 1 points each, in trajectory order.</summary>
    public static Design Build(IReadOnlyList<Factor> factors, int trajectories, int levels, ulong seed)
    {
        if (levels < 2 || levels % 2 != 0) throw new ArgumentException($"Morris needs an even number of levels (at least 2), got {levels}");
        int k = factors.Count;
        double delta = Delta(levels);
        var random = new SplitMixStream(seed);
        var unit = new double[trajectories * (k + 1)][];
        for (int t = 0; t < trajectories; t++)
        {
            var x = new double[k];
            var up = new bool[k];
            for (int i = 0; i < k; i++)
            {
                int level = random.NextInt(levels / 2);
                up[i] = random.NextInt(2) == 0;
                x[i] = up[i] ? (double)level / (levels - 1) : (double)level / (levels - 1) + delta;
            }
            var order = random.Permutation(k);
            int at = t * (k + 1);
            unit[at] = (double[])x.Clone();
            for (int s = 0; s < k; s++)
            {
                int i = order[s];
                x[i] += up[i] ? delta : -delta;
                unit[at + s + 1] = (double[])x.Clone();
            }
        }
        // Grid coordinates land on l/(p-1) up to rounding; snap so list-valued factors pick the intended entry.
        foreach (var row in unit)
            for (int i = 0; i < k; i++)
                row[i] = Math.Round(row[i] * (levels - 1)) / (levels - 1);
        return new Design(DesignKind.Morris, factors, Design.Scale(factors, unit), unit, Trajectories: trajectories, Levels: levels);
    }
}
