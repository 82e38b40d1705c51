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
}
