using RouteSim.Analysis.Calibration;

namespace RouteSim.Analysis.Tests.Calibration;

public class ExternalEstimateTests
{
    [Fact]
    public void An_estimate_adds_its_deviation_in_standard_errors_times_the_cells_root_mean_square()
    {
        var estimate = new ExternalEstimate("rate", 0.3, 0.05, "a study");
        double[] cells = [3, -4, 0, 5];
        var all = ExternalEstimate.WithEstimates(cells, [estimate], [0.4]);
        Assert.Equal(cells, all[..4]);
        double rms = Math.Sqrt((9 + 16 + 0 + 25) / 4.0);
        Assert.Equal(2 * rms, all[4], 12);
        // The loss (mean square) is the cells' mean square times (n + z^2) / (n + 1).
        Assert.Equal(50 / 4.0 * (4 + 4) / 5, all.Sum(r => r * r) / all.Length, 12);
    }

    [Fact]
    public void Without_estimates_the_cells_are_unchanged_and_a_zero_denominator_gives_a_zero_ratio()
    {
        double[] cells = [1, 2];
        Assert.Same(cells, ExternalEstimate.WithEstimates(cells, [], []));
        Assert.Equal(0, ExternalEstimate.Ratio(5, 0));
        Assert.Equal(0.25, ExternalEstimate.Ratio(1, 4));
        Assert.Throws<ArgumentException>(() => ExternalEstimate.WithEstimates(cells, [new ExternalEstimate("a", 1, 1, "")], []));
    }

    [Fact]
    public void In_the_curvature_an_estimate_acts_as_a_normal_prior_on_the_models_ratio()
    {
        // A linear model whose cells do not see the parameter at all: y_i = 0 + noise, r_i = fixed residuals; its
        // ratio is 0.2 + 0.1 theta (theta on the search scale). The estimate 0.2 with standard error 0.05 makes the
        // precision about (0.1 / 0.05)^2 = 4 on top of the weak prior; without it only the prior's 1/w^2.
        var parameter = new BoundedParameter("theta", -1000, 1000, 0, false);
        double[] noise = [1, -1, 1, -1, 1, -1, 1, -1, 1, -1];
        var estimate = new ExternalEstimate("rate", 0.2, 0.05, "");
        double Theta(double[] v) => parameter.ToFree(v[0]);
        var with = ParameterUncertainty.Estimate([parameter], [0], v => ExternalEstimate.WithEstimates(noise, [estimate], [0.2 + 0.1 * Theta(v)]), noise.Length + 1);
        var without = ParameterUncertainty.Estimate([parameter], [0], v => noise, noise.Length);
        double prior = 1 / (ParameterUncertainty.PriorWidth * ParameterUncertainty.PriorWidth);
        Assert.Equal(prior, 1 / without.Covariance[0, 0], 9);
        // s^2 = sum r^2 / dof = 10 / 10, and the estimate's residual adds (0.1 / 0.05)^2 x rms^2 / s^2 = 4.
        Assert.Equal(4 + prior, 1 / with.Covariance[0, 0], 6);
    }
}
