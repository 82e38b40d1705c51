using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace RouteSim.Core.Statistics;

/// <summary>Running means and sums of squared deviations for many cells at once (Welford's method).</summary>
/// <remarks>
/// Four cells at a time where the processor allows: the same IEEE operations in the same order as the scalar
/// loop (subtract, divide, add, subtract, multiply, add; no fused multiply-add), so the same bits.
/// </remarks>
public sealed class Welford
{
    private readonly double[] _mean;
    private readonly double[] _m2;

    /// <summary>Creates accumulators for <paramref name="cells"/> quantities.</summary>
    public Welford(int cells)
    {
        _mean = new double[cells];
        _m2 = new double[cells];
    }

    /// <summary>Observations added per cell.</summary>
    public int Count { get; private set; }

    /// <summary>Adds one observation of every cell.</summary>
    public void Add(ReadOnlySpan<double> values)
    {
        Count++;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var n = Vector256.Create((double)Count);
            for (; i + 4 <= _mean.Length; i += 4)
                Update(Vector256.Create(values.Slice(i, 4)), n, i);
        }
        for (; i < _mean.Length; i++) Update(values[i], i);
    }

    /// <summary>Adds one observation of every cell from integer counts.</summary>
    public void Add(ReadOnlySpan<int> values)
    {
        Count++;
        int i = 0;
        if (Avx.IsSupported)
        {
            var n = Vector256.Create((double)Count);
            for (; i + 4 <= _mean.Length; i += 4)
                Update(Avx.ConvertToVector256Double(Vector128.Create(values.Slice(i, 4))), n, i);
        }
        for (; i < _mean.Length; i++) Update(values[i], i);
    }

    private void Update(double x, int i)
    {
        double delta = x - _mean[i];
        _mean[i] += delta / Count;
        _m2[i] += delta * (x - _mean[i]);
    }

    private void Update(Vector256<double> x, Vector256<double> n, int i)
    {
        var mean = Vector256.Create(_mean.AsSpan(i, 4));
        var delta = x - mean;
        mean += delta / n;
        var m2 = Vector256.Create(_m2.AsSpan(i, 4)) + delta * (x - mean);
        mean.CopyTo(_mean.AsSpan(i, 4));
        m2.CopyTo(_m2.AsSpan(i, 4));
    }

    /// <summary>The summary of cell i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Summary Summarize(int i) => Summary.FromMoments(_mean[i], _m2[i], Count);
}
