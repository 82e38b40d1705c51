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

    /// <summary>
    /// Compiles every method and constructor of these types and their nested types (lambdas, closures); a generic
    /// method, for every combination of its declaring type's own structs that meet its constraints (the engine's lane
    /// widths and row types: value types get code of their own, which otherwise compiles on a run's first call while
    /// every thread waits). Non-generic methods first, then instantiations in order of the structs' declaration
    /// (the narrowest lanes, the commonest, first). Returns how many were prepared.
    /// </summary>
    public static int Prepare(IEnumerable<Type> types)
    {
        var generic = new List<(MethodInfo Method, Type[] Arguments)>();
        int prepared = Prepare(types, generic);
        foreach (var (method, arguments) in generic.OrderBy(g => g.Arguments.Max(DeclarationOrder)))
            if (TryPrepare(method.MakeGenericMethod(arguments), [])) prepared++;
        return prepared;
    }

    private static int Prepare(IEnumerable<Type> types, List<(MethodInfo, Type[])> generic)
    {
        int prepared = 0;
        foreach (var type in types)
        {
            if (type.ContainsGenericParameters) continue;
            foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            {
                if (method.IsAbstract || method.GetMethodBody() is null) continue;
                if (method is MethodInfo { IsGenericMethodDefinition: true } definition)
                {
                    generic.AddRange(Instantiations(definition).Select(arguments => (definition, arguments)));
                    continue;
                }
                if (method.ContainsGenericParameters) continue;
                if (TryPrepare(method, type.IsGenericType ? type.GetGenericArguments() : [])) prepared++;
            }
            prepared += Prepare(type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic), generic);
        }
        return prepared;
    }

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Every combination of the declaring type's nested structs that meet each type parameter's interface constraints (none where a parameter has no such struct).</summary>
    private static IEnumerable<Type[]> Instantiations(MethodInfo definition)
    {
        var structs = definition.DeclaringType!.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).Where(t => t.IsValueType && !t.IsGenericType).ToArray();
        IEnumerable<Type[]> combinations = [[]];
        foreach (var parameter in definition.GetGenericArguments())
        {
            var constraints = parameter.GetGenericParameterConstraints().Where(c => c.IsInterface).ToArray();
            if (constraints.Length == 0) return [];
            var candidates = structs.Where(s => constraints.All(c => c.IsAssignableFrom(s))).ToArray();
            combinations = combinations.SelectMany(c => candidates.Select(s => (Type[])[.. c, s])).ToArray();
        }
        return combinations;
    }

    /// <summary>A struct's place among its declaring type's nested types: the order instantiations are prepared in.</summary>
    private static int DeclarationOrder(Type type) =>
        Array.IndexOf(type.DeclaringType!.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic), type);

    private static bool TryPrepare(MethodBase method, Type[] typeArguments)
    {
        try
        {
            if (typeArguments.Length > 0) RuntimeHelpers.PrepareMethod(method.MethodHandle, [.. typeArguments.Select(t => t.TypeHandle)]);
            else RuntimeHelpers.PrepareMethod(method.MethodHandle);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or InvalidOperationException or BadImageFormatException)
        {
            return false; // left to the first call
        }
    }
}
