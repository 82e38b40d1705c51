using RouteSim.Analysis.Designs;
using RouteSim.Analysis.Sensitivity;

namespace RouteSim.Analysis.Tests.Sensitivity;

/// <summary>Every outcome of a sweep analysed in one call: estimated where defined, skipped with the reason where not.</summary>
public class SensitivityAnalysisTests
{
    [Fact]
    public void Outcomes_undefined_at_a_point_are_skipped_with_the_point_and_the_others_are_estimated()
    {
        double[] a = [3, -2];
        var factors = a.Select((_, i) => new Factor($"x{i + 1}", 0, 1)).ToArray();
        var design = MorrisDesign.Build(factors, 20, 4, 9);
        var linear = design.Points.Select(x => x.Select((v, i) => a[i] * v).Sum()).ToArray();
        var holed = linear.ToArray();
        holed[5] = double.NaN;

        var analysis = SensitivityAnalysis.Run(design, [("linear", linear), ("holed", holed)], Bootstrap.DefaultResamples, 1);

        Assert.Empty(analysis.Sobol);
        var (outcome, effects) = Assert.Single(analysis.Morris);
        Assert.Equal("linear", outcome);
        Assert.Equal(MorrisEffects.Estimate(design, linear, Bootstrap.DefaultResamples, 1).Select(e => e.MuStar.Estimate), effects.Select(e => e.MuStar.Estimate));
        Assert.Equal($"holed: undefined at 1 of {design.Count} points (for example point 5); indices need a value at every point", Assert.Single(analysis.Skipped));
    }
}
