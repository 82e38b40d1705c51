using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using RouteSim.Core.Numerics;
using static RouteSim.Core.Randomness.CounterRng;

namespace RouteSim.Core.Engine;

// The logit choice (ModelLaws.ChoiceProbabilities) of many agents of one od pair at once: agents in the vector lanes, options in sequence, so no
// lane is wasted on padding and the largest utility and the running sums need no reduction across lanes. Per agent
// the operations and their order are those of CumulativeWeights and Pick, so the choices are the same to the bit
// at either width. Lanes past the pair's last agent hold the next pair's agents or stale ones: finite numbers whose
// results are overwritten when that pair's turn comes, or never read.
public sealed partial class ReplicationRunner
{
    /// <summary>
    /// Eight agents at a time where the processor has 512-bit vectors (AVX-512); elsewhere four, since eight would
    /// be emulated more slowly than four are native. Settable so tests can compare the two widths on one machine.
    /// </summary>
    internal static bool EightLanes { get; set; } = Vector512.IsHardwareAccelerated;

    /// <summary>Choice and walk draw of the sorted agents [first, end) of one od pair, eight at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ChooseEightAtATime(Chunk chunk, int first, int end, int lane, int options, double inverseTemperature)
    {
        ref double scratch = ref MemoryMarshal.GetArrayDataReference(chunk.Scratch);
        var scale = Vector512.Create(inverseTemperature);
        var unit = Vector512.Create(1.0 / (1UL << 53));
        for (int g = first; g < end; g += 8)
        {
            var key = Vector512.LoadUnsafe(ref chunk.SortedKey[g]);
            ExactChoicesEight(ref scratch, Vector512.LoadUnsafe(ref chunk.SortedRho[g]), key, lane, options, scale).StoreUnsafe(ref chunk.SortedChoice[g]);
            (Vector512.ConvertToDouble(UniformBits(key, Purpose.Walk)) * unit).StoreUnsafe(ref chunk.SortedWalk[g]);
        }
    }

    /// <summary>
    /// The choices (-1 abstain, else the route's index within the od pair) of eight agents of the od pair whose lanes
    /// start at <paramref name="lane"/>, with risk multipliers <paramref name="rho"/> and keys <paramref name="key"/>:
    /// CumulativeWeights and Pick in each lane. Uses 8 x options doubles of <paramref name="scratch"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector512<long> ExactChoicesEight(ref double scratch, Vector512<double> rho, Vector512<ulong> key, int lane, int options, Vector512<double> scale)
    {
        var max = Vector512.Create(double.NegativeInfinity);
        for (int j = 0; j < options; j++)
        {
            var u = Vector512.Create(_laneAttraction[lane + j]) - rho * Vector512.Create(_laneRisk[lane + j]);
            u.StoreUnsafe(ref scratch, (nuint)(8 * j));
            max = Vector512.MaxNative(max, u); // no NaN can occur, so the native instruction is exact
        }
        var total = Vector512<double>.Zero;
        for (int j = 0; j < options; j++)
        {
            total += DeterministicExp.Exp((Vector512.LoadUnsafe(ref scratch, (nuint)(8 * j)) - max) * scale);
            total.StoreUnsafe(ref scratch, (nuint)(8 * j));
        }

        // As Pick: u * Z against each running sum but the last; -1 (abstain) plus the number at or below it.
        var x = Vector512.ConvertToDouble(UniformBits(key, Purpose.Choice)) * Vector512.Create(1.0 / (1UL << 53)) * total;
        var choice = Vector512.Create(-1L);
        for (int j = 0; j < options - 1; j++)
            choice -= Vector512.GreaterThanOrEqual(x, Vector512.LoadUnsafe(ref scratch, (nuint)(8 * j))).AsInt64();
        return choice;
    }

    /// <summary>Choice and walk draw of the sorted agents [first, end) of one od pair, four at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ChooseFourAtATime(Chunk chunk, int first, int end, int lane, int options, double inverseTemperature)
    {
        ref double scratch = ref MemoryMarshal.GetArrayDataReference(chunk.Scratch);
        var scale = Vector256.Create(inverseTemperature);
        var unit = Vector256.Create(1.0 / (1UL << 53));
        for (int g = first; g < end; g += 4)
        {
            var rho = Vector256.LoadUnsafe(ref chunk.SortedRho[g]);
            var max = Vector256.Create(double.NegativeInfinity);
            for (int j = 0; j < options; j++)
            {
                var u = Vector256.Create(_laneAttraction[lane + j]) - rho * Vector256.Create(_laneRisk[lane + j]);
                u.StoreUnsafe(ref scratch, (nuint)(4 * j));
                max = Vector256.MaxNative(max, u);
            }
            var total = Vector256<double>.Zero;
            for (int j = 0; j < options; j++)
            {
                total += DeterministicExp.Exp((Vector256.LoadUnsafe(ref scratch, (nuint)(4 * j)) - max) * scale);
                total.StoreUnsafe(ref scratch, (nuint)(4 * j));
            }

            var key = Vector256.LoadUnsafe(ref chunk.SortedKey[g]);
            var x = Vector256.ConvertToDouble(UniformBits(key, Purpose.Choice)) * unit * total;
            var choice = Vector256.Create(-1L);
            for (int j = 0; j < options - 1; j++)
                choice -= Vector256.GreaterThanOrEqual(x, Vector256.LoadUnsafe(ref scratch, (nuint)(4 * j))).AsInt64();
            choice.StoreUnsafe(ref chunk.SortedChoice[g]);
            (Vector256.ConvertToDouble(UniformBits(key, Purpose.Walk)) * unit).StoreUnsafe(ref chunk.SortedWalk[g]);
        }
    }
}
