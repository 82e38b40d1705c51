namespace RouteSim.Results.Sweeps;

/// <summary>
/// The columns of sensitivity.csv, named once for its writer (<see cref="SensitivityWriter"/>) and its readers (the
/// report): a Sobol file has <see cref="Sobol"/>, a Morris file <see cref="Morris"/>; an estimate with an
/// interval is followed by its <see cref="CiLow"/> and <see cref="CiHigh"/> columns.
/// </summary>
public static class SensitivityColumns
{
    /// <summary>The outcome (a sweep's outcome name).</summary>
    public const string Outcome = "outcome";

    /// <summary>The parameter (a sweep's parameter name).</summary>
    public const string Parameter = "parameter";

    /// <summary>Sobol first-order index.</summary>
    public const string S1 = "s1";

    /// <summary>Sobol total-order index.</summary>
    public const string ST = "st";

    /// <summary>Morris mean elementary effect.</summary>
    public const string Mu = "mu";

    /// <summary>Morris mean absolute elementary effect.</summary>
    public const string MuStar = "mu_star";

    /// <summary>Morris standard deviation of the elementary effects.</summary>
    public const string Sigma = "sigma";

    /// <summary>The lower end of the 95% interval of <paramref name="estimate"/>.</summary>
    public static string CiLow(string estimate) => estimate + "_ci_low";

    /// <summary>The upper end of the 95% interval of <paramref name="estimate"/>.</summary>
    public static string CiHigh(string estimate) => estimate + "_ci_high";

    /// <summary>The header of a Sobol file, in order.</summary>
    public static IReadOnlyList<string> Sobol { get; } = [Outcome, Parameter, S1, CiLow(S1), CiHigh(S1), ST, CiLow(ST), CiHigh(ST)];

    /// <summary>The header of a Morris file, in order.</summary>
    public static IReadOnlyList<string> Morris { get; } = [Outcome, Parameter, Mu, MuStar, CiLow(MuStar), CiHigh(MuStar), Sigma];
}
