using RouteSim.Cli.Startup;
using RouteSim.Core.Engine;

namespace RouteSim.Cli.Tests;

public class CompileAheadTests
{
    [Fact]
    public void Prepares_the_engine_with_its_nested_kernels_and_closures()
    {
        int engine = CompileAhead.Prepare([typeof(ReplicationRunner)]);
        int declared = typeof(ReplicationRunner).GetMethods(System.Reflection.BindingFlags.DeclaredOnly | System.Reflection.BindingFlags.Instance
            | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic).Length;
        Assert.True(engine > declared, $"{engine} methods prepared, {declared} declared on the runner itself");
        Assert.True(CompileAhead.Prepare(CompileAhead.HotTypes) > engine);
    }

    /// <summary>
    /// The lanes' generic kernels (TWidth: eight, sixteen or thirty-two routes; TRows: narrow or wide rows) get code
    /// of their own for each struct, which a run would otherwise compile on its first call while every thread waits
    /// (issue 23: two threads against one at 4 replications). Each instantiation is prepared.
    /// </summary>
    [Fact]
    public void Prepares_every_lane_width_s_instantiation_of_the_generic_kernels()
    {
        const System.Reflection.BindingFlags all = System.Reflection.BindingFlags.DeclaredOnly | System.Reflection.BindingFlags.Instance
            | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic;
        var runner = typeof(ReplicationRunner);
        var structs = runner.GetNestedTypes(System.Reflection.BindingFlags.NonPublic).Where(t => t.IsValueType).ToArray();
        var definitions = runner.GetMethods(all).Where(m => m.IsGenericMethodDefinition).ToArray();
        Assert.Contains(definitions, m => m.Name == "DecideByBinsAndWalkRun" && m.GetGenericArguments().Length == 2);
        int instantiations = definitions.Sum(m => m.GetGenericArguments()
            .Aggregate(1, (product, parameter) => product * structs.Count(s => parameter.GetGenericParameterConstraints().Where(c => c.IsInterface).All(c => c.IsAssignableFrom(s)))));
        Assert.True(instantiations >= 3 * definitions.Length, $"{instantiations} instantiations of {definitions.Length} generic kernels");

        int withoutNested = CompileAhead.Prepare([runner]) - CompileAhead.Prepare(runner.GetNestedTypes(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic));
        int nonGeneric = runner.GetMethods(all).Count(m => !m.IsGenericMethodDefinition && !m.IsAbstract && m.GetMethodBody() is not null)
            + runner.GetConstructors(all).Length;
        Assert.Equal(nonGeneric + instantiations, withoutNested);
    }
}
