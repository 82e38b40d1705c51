using RouteSim.Analysis.Designs;

namespace RouteSim.Analysis.Tests.Designs;

public class DesignTests
{
    private static readonly Factor[] Two = [new("a", 0, 10), new("b", 1, 100, Log: true)];

    [Fact]
    public void A_grid_holds_every_combination_with_the_last_factor_fastest()
    {
        var design = GridDesign.Build([new Factor("a", 0, 1), Factor.Listed("b", [5, 7, 9])], 2);
        Assert.Equal(6, design.Count);
        Assert.Equal(new[] { 0.0, 5 }, design.Points[0]);
        Assert.Equal(new[] { 0.0, 7 }, design.Points[1]);
        Assert.Equal(new[] { 1.0, 9 }, design.Points[5]);
    }

    [Fact]
    public void A_latin_hypercube_uses_each_stratum_of_each_factor_once()
    {
        var design = LatinHypercube.Build(Two, 50, 3);
        for (int j = 0; j < 2; j++)
        {
            var strata = design.Unit!.Select(row => (int)(row[j] * 50)).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, 50), strata);
        }
        Assert.All(design.Points, p => Assert.InRange(p[1], 1, 100));
    }

    [Fact]
    public void A_log_factor_spreads_evenly_on_the_log_scale()
    {
        Assert.Equal(10, Two[1].FromUnit(0.5), 9);
        Assert.Equal(new[] { 1.0, 10, 100 }, Two[1].Levels(3).Select(x => Math.Round(x, 9)));
    }

    [Fact]
    public void Saltelli_points_are_A_then_each_AB_i_then_B_per_base_row()
    {
        var design = SaltelliDesign.Build(Two, 8, 5);
        Assert.Equal(8 * 4, design.Count);
        for (int j = 0; j < 8; j++)
        {
            var a = design.Points[j * 4];
            var b = design.Points[j * 4 + 3];
            Assert.Equal(new[] { b[0], a[1] }, design.Points[j * 4 + 1]);
            Assert.Equal(new[] { a[0], b[1] }, design.Points[j * 4 + 2]);
        }
    }

    [Fact]
    public void Morris_trajectories_move_one_factor_at_a_time_by_delta_and_stay_in_the_cube()
    {
        var design = MorrisDesign.Build([new("a", 0, 1), new("b", 0, 1), new("c", 0, 1)], 30, 4, 7);
        double delta = MorrisDesign.Delta(4);
        for (int t = 0; t < 30; t++)
        {
            var moved = new HashSet<int>();
            for (int s = 0; s < 3; s++)
            {
                var before = design.Unit![t * 4 + s];
                var after = design.Unit[t * 4 + s + 1];
                var changed = Enumerable.Range(0, 3).Where(i => before[i] != after[i]).ToArray();
                Assert.Single(changed);
                Assert.Equal(delta, Math.Abs(after[changed[0]] - before[changed[0]]), 12);
                moved.Add(changed[0]);
            }
            Assert.Equal(3, moved.Count);
        }
        Assert.All(design.Unit!.SelectMany(r => r), u => Assert.InRange(u, 0, 1));
    }

    [Fact]
    public void The_same_seed_gives_the_same_design()
    {
        Assert.Equal(LatinHypercube.Build(Two, 20, 9).Points, LatinHypercube.Build(Two, 20, 9).Points);
        Assert.NotEqual(LatinHypercube.Build(Two, 20, 9).Points, LatinHypercube.Build(Two, 20, 10).Points);
    }
}
