using System.Reflection;
using System.Runtime.CompilerServices;
using RouteSim.Core.Engine;
using RouteSim.Core.Numerics;
using RouteSim.Core.Randomness;
using RouteSim.Core.Statistics;
using RouteSim.Results;

namespace RouteSim.Cli.Startup;

/// <summary>Compiles the engine and the run writer on a spare thread while the scenario loads.</summary>
/// <remarks>
/// routesim compiles methods with loops fully optimised on first call (TieredCompilationQuickJitForLoops off),
/// and the engine's vector kernels take about 18 ms to compile: without this, every thread's first replication
/// waits on the compiler, a serial stretch that costs a two-thread run proportionally more than a one-thread run. Loading
/// a scenario (parsing, validation, route enumeration) runs on one thread, so the second core is free for it.
/// Preparing a method twice is harmless: whichever caller comes second finds it compiled.
/// </remarks>
public static class CompileAhead
{
    /// <summary>The types whose methods a run calls first: the engine, its numerics and the run writer.</summary>
    public static readonly IReadOnlyList<Type> HotTypes =
    [
        typeof(ReplicationRunner), typeof(DeterministicExp), typeof(CounterRng), typeof(Ensemble), typeof(Workers),
        typeof(InOrder<ReplicationResult>), typeof(AgentArrays), typeof(ReplicationResult), typeof(ResultPool),
        typeof(EnforcementState), typeof(RunSummary), typeof(Welford), typeof(RunRecorder), typeof(RunWriter), typeof(Utf8CsvWriter),
    ];

    /// <summary>Starts compiling in the background; never fails the command (a method it cannot prepare is compiled on first call as usual).</summary>
    public static void Start() => ThreadPool.UnsafeQueueUserWorkItem(_ =>
    {
        try
        {
            Prepare(HotTypes);
        }
        catch (Exception e) when (e is TypeLoadException or FileNotFoundException or MemberAccessException)
        {
            // Only a head start: whatever failed here is compiled on first call, where a real fault would show.
        }
    }, null);

    /// <summary>Compiles every non-generic method and constructor of these types and their nested types (lambdas, closures); returns how many.</summary>
    public static int Prepare(IEnumerable<Type> types)
    {
        int prepared = 0;
        foreach (var type in types)
        {
            if (type.ContainsGenericParameters) continue;
            const BindingFlags declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var method in type.GetMethods(declared).Cast<MethodBase>().Concat(type.GetConstructors(declared)))
            {
                if (method.IsAbstract || method.ContainsGenericParameters || method.GetMethodBody() is null) continue;
                try
                {
                    if (type.IsGenericType) RuntimeHelpers.PrepareMethod(method.MethodHandle, [.. type.GetGenericArguments().Select(t => t.TypeHandle)]);
                    else RuntimeHelpers.PrepareMethod(method.MethodHandle);
                    prepared++;
                }
                catch (Exception e) when (e is ArgumentException or NotSupportedException or InvalidOperationException or BadImageFormatException)
                {
                    // Left to the first call.
                }
            }
            prepared += Prepare(type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic));
        }
        return prepared;
    }
}
