using RouteSim.Analysis.Calibration;

namespace RouteSim.Analysis.Tests.Calibration;

public class ForecastTests
{
    private static readonly ObservedTable Observed = new("year", [2000, 2001], ["a", "b"], [[30, 70], [40, 60]]);
    private static readonly SimulatedTable Simulated = new([2000, 2001, 2002], ["a", "b"], [[20, 80], [25, 75], [50, 50]]);

    [Fact]
    public void Shares_loss_is_the_mean_squared_error_in_percentage_points()
    {
        // 2000: 20 vs 30 and 80 vs 70; 2001: 25 vs 40 and 75 vs 60 -> (100 + 100 + 225 + 225) / 4.
        Assert.Equal(162.5, CalibrationLoss.Compute(Observed, Simulated, FitScale.Shares), 9);
    }

    [Fact]
    public void Counts_loss_is_the_mean_squared_relative_error_after_scaling()
    {
        Assert.Equal(0, CalibrationLoss.Compute(Observed, Simulated with { Values = [[15, 35], [20, 30], [0, 0]] }, FitScale.Counts, countScale: 2), 12);
    }

    [Fact]
    public void A_plain_forecast_is_the_model_and_an_anchored_one_moves_the_last_observation_by_the_models_change()
    {
        var plain = Forecast.Predict(Simulated, Observed, FitScale.Shares, 1, anchored: false);
        Assert.Equal([0.5, 0.5], plain[2002]);
        var anchored = Forecast.Predict(Simulated, Observed, FitScale.Shares, 1, anchored: true);
        Assert.Equal([0.25, 0.75], anchored[2001]);
        // 40 x 50/25 = 80 and 60 x 50/75 = 40, as shares of 120.
        Assert.Equal(80.0 / 120, anchored[2002][0], 12);
        Assert.Equal(40.0 / 120, anchored[2002][1], 12);
    }
}
