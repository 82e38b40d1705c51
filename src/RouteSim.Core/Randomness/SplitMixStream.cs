namespace RouteSim.Core.Randomness;

/// <summary>
/// A sequential SplitMix64 stream for work outside the engine (experimental designs, bootstrap resamples),
/// where draws are naturally made one after another by a single owner.
/// </summary>
public sealed class SplitMixStream(ulong seed)
{
    private ulong _state = Seeds.StreamState(seed);

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        _state += CounterRng.Golden;
        return CounterRng.Mix(_state);
    }

    /// <summary>A uniform draw in [0,1).</summary>
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform whole number in [0, n), without modulo bias.</summary>
    public int NextInt(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        // Lemire's multiply-shift with rejection.
        ulong range = (ulong)n;
        while (true)
        {
            var product = Math.BigMul(NextBits(), range, out ulong low);
            if (low >= range || low >= (0UL - range) % range) return (int)product;
        }
    }

    /// <summary>A uniformly random permutation of 0..n-1 (Fisher-Yates).</summary>
    public int[] Permutation(int n)
    {
        var p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }
}
