using RouteSim.Core.Engine;
using RouteSim.Core.Model;

namespace RouteSim.Results.Tests;

public sealed class RunRecorderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("routesim-recorder-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static CompiledScenario Model() => CompiledScenario.Build(new Scenario("t", "", [], 4, "week", 2, 5, new Routing(),
        [new Node("O", NodeKind.Origin), new Node("A", NodeKind.Crossing, 1, 0.1), new Node("D", NodeKind.Destination)],
        [new Edge("O", "A", 1), new Edge("A", "D", 1)],
        [new Commodity("c", 10, 1, 1, 0, false)],
        [new Organization("g", "c", 50, [new OdPair("O", "D", 1)], 1, 0.9, 5, 0, 1, 1)],
        Enforcement.None));

    [Fact]
    public void Records_every_replication_in_order_and_hands_the_arrays_back()
    {
        var model = Model();
        string folder = Path.Combine(_root, "run");
        using (var recorder = new RunRecorder(model, folder))
        {
            long decisions = Ensemble.Run(model, new RunSettings(3, 30, 2), recorder.Add, results: recorder.Pool);
            Assert.Equal(decisions, recorder.Decisions);
            Assert.Equal(30, recorder.Summary.Count);
        }
        var replications = File.ReadLines(Path.Combine(folder, "organizations.csv")).Skip(1).Select(l => int.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, 30).SelectMany(r => Enumerable.Repeat(r, 4)), replications);
    }

    /// <summary>The files cannot be opened (a file stands where the folder should be): the run stops with that error instead of waiting on a queue nobody reads.</summary>
    [Fact]
    public async Task A_writing_error_stops_the_run_with_its_cause()
    {
        var model = Model();
        string blocked = Path.Combine(_root, "not-a-folder");
        File.WriteAllText(blocked, "");
        using var recorder = new RunRecorder(model, blocked);
        var run = Task.Run(() => Ensemble.Run(model, new RunSettings(3, 50, 2), recorder.Add, results: recorder.Pool));
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(2)))); // not hung on a writer that had failed
        await Assert.ThrowsAnyAsync<IOException>(() => run);
    }
}
