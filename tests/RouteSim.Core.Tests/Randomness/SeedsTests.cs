using RouteSim.Core.Randomness;

namespace RouteSim.Core.Tests.Randomness;

/// <summary>
/// Every derivation keeps the salts and arithmetic of the results already written (main at 555e14e, when the
/// derivations were gathered here): each expected value was computed from the formula as it stood in its old
/// place, so a change of salt or order fails here before it silently changes every bundled number.
/// </summary>
public class SeedsTests
{
    [Fact]
    public void Each_derivation_gives_the_values_results_were_written_with()
    {
        Assert.Equal(0xbac4162c3460b611UL, Seeds.Replication(7, 0));
        Assert.Equal(0x4b1ff72d104917b4UL, Seeds.Replication(2025, 3));
        Assert.Equal(0xcac309edbd6dd5b0UL, Seeds.SweepItem(11, 7));
        Assert.Equal(0x22b7af9b901d7846UL, Seeds.StreamState(5));
        Assert.Equal(-2004318072, Seeds.CrossEntropySampler(0x123456789ABCDEF0UL));
        Assert.Equal(0xe93735601a6f74dcUL, Seeds.FreshEvaluation(42));
        ulong draws = Seeds.CalibrationDraws(3);
        Assert.Equal(0x6e50164c9b793a7eUL, draws);
        Assert.Equal(0x54e3ebea8a8a7713UL, Seeds.CalibrationDrawRuns(draws, 2));
        Assert.Equal(0x52a398516741e391UL, Seeds.ForecastError(draws, 2));
    }

    [Fact]
    public void Derivations_from_one_seed_differ()
    {
        const ulong seed = 99;
        ulong[] all = [Seeds.Replication(seed, 0), Seeds.SweepItem(seed, 0), Seeds.StreamState(seed), Seeds.FreshEvaluation(seed),
            Seeds.CalibrationDraws(seed), Seeds.CalibrationDrawRuns(seed, 0), Seeds.ForecastError(seed, 0)];
        Assert.Equal(all.Length, all.Distinct().Count());
        Assert.DoesNotContain(seed, all);
    }
}
