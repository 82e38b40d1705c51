using MathNet.Numerics.LinearAlgebra;
using RouteSim.Analysis.Calibration;
using RouteSim.Core.Randomness;

namespace RouteSim.Analysis.Tests.Calibration;

public class UncertaintyTests
{
    [Fact]
    public void Shares_are_taken_within_each_group()
    {
        var groups = new TargetGroups(["apprehensions", "deaths"], [0, 0, 1, 1]);
        Assert.Equal([0.25, 0.75, 0.5, 0.5], groups.Shares([100, 300, 7, 7]));
        // 2000: (10 vs 25)^2 twice in the first group, 0 in the second, over 4 cells; 3 independent (one per group lost).
        var observed = new ObservedTable("year", [2000], ["a", "b", "c", "d"], [[100, 300, 7, 7]]);
        var simulated = new SimulatedTable([2000], ["a", "b", "c", "d"], [[35, 65, 1, 1]]);
        Assert.Equal(2 * 10.0 * 10 / 4, CalibrationLoss.Compute(observed, simulated, FitScale.Shares, 1, groups), 9);
        Assert.Equal([10, -10, 0, 0], CalibrationLoss.Residuals(observed, simulated, FitScale.Shares, 1, groups).Select(r => Math.Round(r, 9)));
        Assert.Equal(2, CalibrationLoss.IndependentCells(observed, FitScale.Shares, groups));
        Assert.Equal(3, CalibrationLoss.IndependentCells(observed, FitScale.Shares));
    }

    [Fact]
    public void The_curvature_covariance_is_the_Gauss_Newton_formula_on_the_search_scale()
    {
        // A straight line fitted to 8 points: residual_i = a + b x_i - y_i, linear in the values, so the Jacobian on
        // the search scale is the design matrix times d(value)/dz = (upper - lower) u (1 - u), u the logistic of z.
        BoundedParameter[] parameters = [new("a", -10, 10, 0), new("b", -10, 10, 0)];
        double[] x = [0, 1, 2, 3, 4, 5, 6, 7], y = [1.1, 2.9, 5.2, 6.8, 9.1, 11.2, 12.8, 15.1];
        double[] Residuals(double[] v) => x.Select((xi, i) => v[0] + v[1] * xi - y[i]).ToArray();
        double[] best = [1.0, 2.0];
        var uncertainty = ParameterUncertainty.Estimate(parameters, best, Residuals, independentCells: x.Length, step: 1e-4);

        var atBest = Residuals(best);
        double s2 = atBest.Sum(r => r * r) / (x.Length - 2);
        var jacobian = Matrix<double>.Build.Dense(x.Length, 2, (i, j) =>
        {
            double z = parameters[j].ToFree(best[j]), u = 1 / (1 + Math.Exp(-z));
            return (j == 0 ? 1 : x[i]) * 20 * u * (1 - u);
        });
        var expected = (jacobian.TransposeThisAndMultiply(jacobian) / s2 + Matrix<double>.Build.DenseIdentity(2) / (Math.PI * Math.PI / 3)).Inverse();
        Assert.Equal(s2, uncertainty.ResidualVariance, 12);
        Assert.Equal(6, uncertainty.DegreesOfFreedom);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                Assert.Equal(expected[i, j], uncertainty.Covariance[i, j], 1e-6 * Math.Abs(expected[i, i]));
    }

    [Fact]
    public void Draws_follow_the_covariance_within_sampling_error()
    {
        BoundedParameter[] parameters = [new("a", -1000, 1000, 0), new("b", -1000, 1000, 0)];
        double[,] covariance = { { 0.04, 0.012 }, { 0.012, 0.01 } };
        var uncertainty = new ParameterUncertainty([0.0, 0.0], covariance, 1, 1);
        const int n = 4000;
        var z = uncertainty.Draw(parameters, n, 7).Select(v => v.Select((value, i) => parameters[i].ToFree(value)).ToArray()).ToArray();
        Assert.Equal(z, uncertainty.Draw(parameters, n, 7).Select(v => v.Select((value, i) => parameters[i].ToFree(value)).ToArray()).ToArray());
        for (int i = 0; i < 2; i++)
        {
            double mean = z.Average(d => d[i]);
            // The mean's standard error is sqrt(var / n); a variance's is about var sqrt(2 / n).
            Assert.InRange(mean, -4.5 * Math.Sqrt(covariance[i, i] / n), 4.5 * Math.Sqrt(covariance[i, i] / n));
            double variance = z.Sum(d => (d[i] - mean) * (d[i] - mean)) / (n - 1);
            Assert.InRange(variance, covariance[i, i] * (1 - 4.5 * Math.Sqrt(2.0 / n)), covariance[i, i] * (1 + 4.5 * Math.Sqrt(2.0 / n)));
        }
        // The correlation 0.6: its standard error is about (1 - 0.36) / sqrt(n).
        double ma = z.Average(d => d[0]), mb = z.Average(d => d[1]);
        double r = z.Sum(d => (d[0] - ma) * (d[1] - mb)) / Math.Sqrt(z.Sum(d => (d[0] - ma) * (d[0] - ma)) * z.Sum(d => (d[1] - mb) * (d[1] - mb)));
        Assert.InRange(r, 0.6 - 4.5 * 0.64 / Math.Sqrt(n), 0.6 + 4.5 * 0.64 / Math.Sqrt(n));
    }

    [Fact]
    public void Percentile_intervals_of_normal_forecasts_reach_1_96_standard_deviations()
    {
        const int n = 4000;
        var random = new SplitMixStream(11);
        var forecasts = Enumerable.Range(0, n).Select(_ =>
        {
            double u = 1 - random.NextDouble(), v = random.NextDouble();
            double z = Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
            return (IReadOnlyDictionary<long, double[]>)new Dictionary<long, double[]> { [2000] = [z] };
        }).ToArray();
        var intervals = ForecastIntervals.Percentile(forecasts);
        // A sample quantile's standard error: sqrt(p (1 - p) / n) / density at the quantile (0.0584 at 1.96).
        double se = Math.Sqrt(0.025 * 0.975 / n) / 0.0584;
        Assert.InRange(intervals.Low[2000][0], -1.96 - 4.5 * se, -1.96 + 4.5 * se);
        Assert.InRange(intervals.High[2000][0], 1.96 - 4.5 * se, 1.96 + 4.5 * se);
        Assert.Equal(n, intervals.Draws);
        Assert.True(intervals.Covers(2000, 0, 0));
        Assert.False(intervals.Covers(2000, 0, 3));
    }

    [Fact]
    public void Holdout_scores_the_forecast_and_persistence_on_the_years_after_the_fit_and_counts_covered_values()
    {
        var all = new ObservedTable("year", [2000, 2001, 2002], ["a", "b"], [[50, 50], [40, 60], [30, 70]]);
        var fitted = all with { Keys = [2000, 2001], Values = [[50, 50], [40, 60]] };
        var predicted = new Dictionary<long, double[]> { [2000] = [0.5, 0.5], [2001] = [0.4, 0.6], [2002] = [0.34, 0.66] };
        var intervals = new ForecastIntervals(
            new Dictionary<long, double[]> { [2000] = [0, 0], [2001] = [0, 0], [2002] = [0.32, 0.65] },
            new Dictionary<long, double[]> { [2000] = [1, 1], [2001] = [1, 1], [2002] = [0.36, 0.71] }, 0.95, 100);
        var score = Assert.Single(HoldoutScore.Compute(all, fitted, predicted, intervals, FitScale.Shares, TargetGroups.One(2)));
        Assert.Equal([2002L], score.Keys);
        Assert.Equal(2, score.Cells);
        Assert.Equal(4, score.ModelError, 9);
        Assert.Equal(10, score.NaiveError, 9);
        Assert.Equal(1, score.Covered);
    }

    [Fact]
    public void Change_residuals_are_the_errors_of_one_step_anchored_forecasts_inside_the_fit()
    {
        // 2001 from 2000: 30 x (25/20) = 37.5 and 70 x (75/80) = 65.625, as shares of 103.125; observed 40 and 60.
        var observed = new ObservedTable("year", [2000, 2001], ["a", "b"], [[30, 70], [40, 60]]);
        var simulated = new SimulatedTable([2000, 2001], ["a", "b"], [[20, 80], [25, 75]]);
        var residuals = CalibrationLoss.ChangeResiduals(observed, simulated, FitScale.Shares);
        Assert.Equal(2, residuals.Length);
        Assert.Equal(100 * (37.5 / 103.125 - 0.4), residuals[0], 9);
        Assert.Equal(-residuals[0], residuals[1], 9);
        // The loss with changes averages the squares of level and change residuals together.
        double levels = 2 * 100 + 2 * 225;
        Assert.Equal((levels + 2 * residuals[0] * residuals[0]) / 6, CalibrationLoss.Compute(observed, simulated, FitScale.Shares, changes: true), 9);
        Assert.Equal(2, CalibrationLoss.IndependentCells(observed, FitScale.Shares));
        Assert.Equal(3, CalibrationLoss.IndependentCells(observed, FitScale.Shares, changes: true));
        Assert.Equal(Math.Abs(residuals[0]) / 100, CalibrationLoss.ChangeErrorByGroup(observed, simulated, FitScale.Shares, 1, TargetGroups.One(2))[0], 9);
    }

    [Fact]
    public void The_forecast_error_leaves_fitted_keys_alone_keeps_shares_summing_to_1_and_grows_with_the_square_root_of_the_horizon()
    {
        var groups = new TargetGroups(["a"], [0, 0]);
        var forecast = new Dictionary<long, double[]> { [2000] = [0.5, 0.5], [2001] = [0.5, 0.5], [2004] = [0.5, 0.5] };
        var shares = Enumerable.Range(0, 50).Select(k => ForecastIntervals.WithForecastError(forecast, 2000, [0.02], groups, FitScale.Shares, (ulong)k + 1)).ToArray();
        Assert.All(shares, d => Assert.Equal([0.5, 0.5], d[2000]));
        Assert.All(shares, d => Assert.Equal(1, d[2001].Sum(), 12));
        Assert.Contains(shares, d => d[2001][0] != 0.5);

        // Counts carry a relative error: value x (1 + 0.02 sqrt(h) z), so the standard deviation is exactly 100 x 0.02 sqrt(h);
        // a sample standard deviation's relative standard error is about 1 / sqrt(2 n).
        const int n = 4000;
        var counts = new Dictionary<long, double[]> { [2000] = [100], [2001] = [100], [2004] = [100] };
        var draws = Enumerable.Range(0, n).Select(k => ForecastIntervals.WithForecastError(counts, 2000, [0.02], TargetGroups.One(1), FitScale.Counts, (ulong)k + 1)).ToArray();
        foreach (var (key, h) in new[] { (2001L, 1.0), (2004L, 4.0) })
        {
            var values = draws.Select(d => d[key][0]).ToArray();
            double mean = values.Average(), sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));
            double expected = 100 * 0.02 * Math.Sqrt(h);
            Assert.InRange(sd, expected * (1 - 4.5 / Math.Sqrt(2 * n)), expected * (1 + 4.5 / Math.Sqrt(2 * n)));
            Assert.InRange(mean, 100 - 4.5 * expected / Math.Sqrt(n), 100 + 4.5 * expected / Math.Sqrt(n));
        }
    }
}
