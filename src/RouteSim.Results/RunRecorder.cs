using RouteSim.Core.Engine;

namespace RouteSim.Results;

/// <summary>Records one run into a folder: each replication's rows as it arrives, then the summary and the manifest.</summary>
public sealed class RunRecorder : IDisposable
{
    private readonly RunWriter _writer;

    /// <summary>Starts recording a run of <paramref name="model"/> into <paramref name="directory"/>.</summary>
    public RunRecorder(SimulationModel model, string directory)
    {
        Model = model;
        Summary = new RunSummary(model.Layout);
        _writer = new RunWriter(model, directory);
    }

    /// <summary>The model being run.</summary>
    public SimulationModel Model { get; }

    /// <summary>Means and intervals over the replications recorded so far.</summary>
    public RunSummary Summary { get; }

    /// <summary>Agent decisions over the replications recorded so far.</summary>
    public long Decisions { get; private set; }

    /// <summary>Records one replication (call in replication order).</summary>
    public void Add(ReplicationResult result)
    {
        _writer.Add(result);
        Summary.Add(result);
        Decisions += result.Decisions;
    }

    /// <summary>Writes the summary, catalogue and manifest.</summary>
    public void Finish(RunManifest manifest) => _writer.Finish(Summary, manifest);

    /// <summary>Closes the files.</summary>
    public void Dispose() => _writer.Dispose();
}
