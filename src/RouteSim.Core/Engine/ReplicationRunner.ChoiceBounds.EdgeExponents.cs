using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using RouteSim.Core.Numerics;

namespace RouteSim.Core.Engine;

// The weights exp((A - rho B)/tau) at the bins' edges, from which ChoiceBounds.Build takes each bin's bounds: one
// width of vector per method, since DeterministicExp has one exponential per width and both must give the same bits.
public sealed partial class ReplicationRunner
{
    internal sealed partial class ChoiceBounds
    {
        /// <summary>The weights at the edges, four edges at a time (see <see cref="Build"/>).</summary>
        private void EdgeExponentsFour(ReadOnlySpan<double> attraction, ReadOnlySpan<double> risk, double inverseTemperature, double centre, int options, ref double x, ref double shift)
        {
            int stride = _edges.Length;
            ref double rho = ref MemoryMarshal.GetArrayDataReference(_edges);
            for (int e = 0; e < stride; e += 4)
                Vector256.Create(double.NegativeInfinity).StoreUnsafe(ref shift, (nuint)e);
            for (int k = 0; k < options; k++)
            {
                var a = Vector256.Create(inverseTemperature * attraction[k]);
                var b = Vector256.Create(inverseTemperature * (risk[k] - centre));
                for (int e = 0; e < stride; e += 4)
                {
                    var value = a - Vector256.LoadUnsafe(ref rho, (nuint)e) * b;
                    value.StoreUnsafe(ref x, (nuint)(k * stride + e));
                    Vector256.Max(Vector256.LoadUnsafe(ref shift, (nuint)e), value).StoreUnsafe(ref shift, (nuint)e);
                }
            }
            for (int k = 0; k < options; k++)
                for (int e = 0; e < stride; e += 4)
                {
                    nuint at = (nuint)(k * stride + e);
                    DeterministicExp.Exp(Vector256.LoadUnsafe(ref x, at) - Vector256.LoadUnsafe(ref shift, (nuint)e)).StoreUnsafe(ref x, at);
                }
        }

        /// <summary>As <see cref="EdgeExponentsFour"/>, eight edges at a time: the same numbers, half the exponentials' calls.</summary>
        private void EdgeExponentsEight(ReadOnlySpan<double> attraction, ReadOnlySpan<double> risk, double inverseTemperature, double centre, int options, ref double x, ref double shift)
        {
            int stride = _edges.Length;
            ref double rho = ref MemoryMarshal.GetArrayDataReference(_edges);
            for (int e = 0; e < stride; e += 8)
                Vector512.Create(double.NegativeInfinity).StoreUnsafe(ref shift, (nuint)e);
            for (int k = 0; k < options; k++)
            {
                var a = Vector512.Create(inverseTemperature * attraction[k]);
                var b = Vector512.Create(inverseTemperature * (risk[k] - centre));
                for (int e = 0; e < stride; e += 8)
                {
                    var value = a - Vector512.LoadUnsafe(ref rho, (nuint)e) * b;
                    value.StoreUnsafe(ref x, (nuint)(k * stride + e));
                    Vector512.Max(Vector512.LoadUnsafe(ref shift, (nuint)e), value).StoreUnsafe(ref shift, (nuint)e);
                }
            }
            for (int k = 0; k < options; k++)
                for (int e = 0; e < stride; e += 8)
                {
                    nuint at = (nuint)(k * stride + e);
                    DeterministicExp.Exp(Vector512.LoadUnsafe(ref x, at) - Vector512.LoadUnsafe(ref shift, (nuint)e)).StoreUnsafe(ref x, at);
                }
        }
    }
}
