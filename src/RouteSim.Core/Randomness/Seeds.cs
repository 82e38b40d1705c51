using static RouteSim.Core.Randomness.CounterRng;

namespace RouteSim.Core.Randomness;

/// <summary>
/// Every derivation of one seed from another, and every role a seed given by the user plays, in one place: a
/// run's replications, a sweep's work items and design, the sequential streams of designs and bootstraps, the
/// optimiser's search and fresh evaluation, and a calibration's evaluations, parameter draws and forecast errors.
/// </summary>
/// <remarks>
/// Most derivations mix in their own salt (most are ASCII words as 64-bit numbers), so no two of them give the
/// same stream from the same seed. Three do not: <see cref="CrossEntropySampler"/> folds the search seed for a
/// different generator (Mersenne Twister, whose stream is unrelated to SplitMix64's);
/// <see cref="CalibrationDrawRuns"/> adds the draw number to a seed that is itself salted
/// (<see cref="CalibrationDraws"/>), so its master seeds are already apart from the calibration seed's streams,
/// and each is salted again by <see cref="Replication"/>; and the roles (<see cref="SweepDesign"/>,
/// <see cref="CalibrationEvaluation"/>, <see cref="SensitivityBootstrap"/>) are identities, one seed reused
/// where the streams it feeds are separated by the salts of what consumes it (<see cref="StreamState"/>,
/// <see cref="SweepItem"/>, <see cref="Replication"/>). Salts and arithmetic are part of the results: changing
/// one changes every number that derives from it, so they are never edited, only added to. Within a
/// replication, draws are keyed per agent, period and purpose by <see cref="CounterRng"/>.
/// </remarks>
public static class Seeds
{
    private const ulong RunSalt = 0x526F75746553696DUL; // "RouteSim"
    private const ulong SweepSalt = 0x5377656570536565UL; // "SweepSee"
    private const ulong StreamSalt = 0x44657369676E5321UL; // "DesignS!"
    private const ulong EvaluationSalt = 0x0F7E5C0DE5EEDUL;
    private const ulong CalibrationDrawSalt = 0x1A7E_57A1_5EED_0019;
    private const ulong ForecastErrorSalt = 0x0F0E_CA57_E440_0019;

    /// <summary>The key of replication <paramref name="replication"/> (0-based) of a run with master seed <paramref name="seed"/>: the root of its agents' draws.</summary>
    public static ulong Replication(ulong seed, int replication) =>
        Mix(Mix(seed ^ RunSalt) + ((ulong)(uint)replication + 1) * Golden);

    /// <summary>The master seed of work item <paramref name="index"/> (its global number) of a sweep with independent seeds.</summary>
    public static ulong SweepItem(ulong sweepSeed, long index) =>
        Mix(Mix(sweepSeed ^ SweepSalt) + (ulong)(index + 1) * Golden);

    /// <summary>The starting state of a <see cref="SplitMixStream"/> with this seed (designs, bootstrap resamples, parameter draws).</summary>
    public static ulong StreamState(ulong seed) => Mix(seed ^ StreamSalt);

    /// <summary>The seed of the Mersenne Twister that samples the cross-entropy search's candidates: the search seed's two halves folded.</summary>
    public static int CrossEntropySampler(ulong searchSeed) => unchecked((int)(searchSeed ^ (searchSeed >> 32)));

    /// <summary>The master seed of the optimiser's final evaluation: derived from, and never equal to, the search's.</summary>
    public static ulong FreshEvaluation(ulong searchSeed) => Mix(searchSeed ^ EvaluationSalt);

    /// <summary>The seed of a calibration's draws of parameter values (forecast intervals).</summary>
    public static ulong CalibrationDraws(ulong calibrationSeed) => Mix(calibrationSeed ^ CalibrationDrawSalt);

    /// <summary>The master seed of the forecast runs of parameter draw <paramref name="draw"/> (0-based), so each draw's forecast has its own random numbers.</summary>
    public static ulong CalibrationDrawRuns(ulong drawSeed, int draw) => Mix(drawSeed + (ulong)draw + 1);

    /// <summary>The seed of the forecast-error draws added to parameter draw <paramref name="draw"/>'s forecast.</summary>
    public static ulong ForecastError(ulong drawSeed, int draw) => Mix(drawSeed ^ ForecastErrorSalt ^ (ulong)draw);

    /// <summary>
    /// The seed of a sweep's design draws (Latin hypercube, Saltelli, Morris) when the design gives none: the
    /// sweep's own seed. Safe: the design draws through <see cref="StreamState"/>, the work items through
    /// <see cref="SweepItem"/>, whose salts differ.
    /// </summary>
    public static ulong SweepDesign(ulong sweepSeed) => sweepSeed;

    /// <summary>
    /// The master seed of every loss evaluation of a calibration: its own seed, the same at every parameter value
    /// (common random numbers), so the loss is a deterministic function of the parameters that a search can
    /// compare. Its replications are keyed by <see cref="Replication"/>.
    /// </summary>
    public static ulong CalibrationEvaluation(ulong calibrationSeed) => calibrationSeed;

    /// <summary>The bootstrap seed of a sensitivity analysis when the user gives none.</summary>
    public const ulong DefaultSensitivityBootstrap = 1;

    /// <summary>
    /// The seed of the bootstrap resamples of one outcome of a sensitivity analysis: the analysis's seed, the same
    /// for every outcome, so every outcome is resampled at the same design rows and their intervals are
    /// comparable. The resamples draw through <see cref="StreamState"/>.
    /// </summary>
    public static ulong SensitivityBootstrap(ulong seed) => seed;
}
