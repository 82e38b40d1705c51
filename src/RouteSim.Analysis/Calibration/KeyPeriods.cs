namespace RouteSim.Analysis.Calibration;

/// <summary>How keys map to periods: key k covers periods [Start + (k - FirstKey) * Length, ... + Length).</summary>
public sealed record KeyPeriods(long FirstKey, int Start, int Length)
{
    /// <summary>First period of key k.</summary>
    public int From(long key) => checked(Start + (int)(key - FirstKey) * Length);

    /// <summary>Period after the last of key k.</summary>
    public int To(long key) => From(key) + Length;
}
