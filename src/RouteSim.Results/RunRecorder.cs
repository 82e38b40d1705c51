using System.Threading.Channels;
using RouteSim.Core.Engine;

namespace RouteSim.Results;

/// <summary>
/// Records one run into a folder: each replication's rows as it arrives, then the summary and the manifest.
/// Writing happens on a thread of its own, so the simulation never waits on the disk; a few replications at
/// most are queued (memory stays bounded), in the order they were handed over. That thread also opens the
/// files and allocates the summary, so the first replication starts at once; a writing error stops the run
/// at the next hand-over.
/// </summary>
public sealed class RunRecorder : IDisposable
{
    private const int QueueLength = 4;
    private RunWriter? _writer;
    private readonly Channel<ReplicationResult> _queue = Channel.CreateBounded<ReplicationResult>(
        new BoundedChannelOptions(QueueLength) { SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });
    private readonly Task _drain;
    private RunSummary? _summary;
    private long _decisions;
    private bool _completed;

    /// <summary>Starts recording a run of <paramref name="model"/> into <paramref name="directory"/>.</summary>
    public RunRecorder(CompiledScenario model, string directory)
    {
        Model = model;
        Pool = new ResultPool(model.Layout);
        _drain = Task.Run(async () =>
        {
            try
            {
                _writer = new RunWriter(model, directory);
                _summary = new RunSummary(model.Layout, model.LocationCarries);
                await foreach (var result in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
                {
                    _writer.Add(result);
                    _summary.Add(result);
                    _decisions += result.Decisions;
                    Pool.Return(result);
                }
            }
            catch (Exception e)
            {
                // Wakes a simulation thread waiting on a full queue; it then reports this error.
                _queue.Writer.TryComplete(e);
                throw;
            }
        });
    }

    /// <summary>The model being run.</summary>
    public CompiledScenario Model { get; }

    /// <summary>Count arrays handed back once written: pass to <see cref="Ensemble.Run"/> so replications reuse them.</summary>
    public ResultPool Pool { get; }

    /// <summary>Means and intervals over every replication recorded (waits for the queue to drain).</summary>
    public RunSummary Summary
    {
        get
        {
            Complete();
            return _summary!;
        }
    }

    /// <summary>Agent decisions over every replication recorded (waits for the queue to drain).</summary>
    public long Decisions
    {
        get
        {
            Complete();
            return _decisions;
        }
    }

    /// <summary>Hands over one replication (in replication order); waits only when the queue is full.</summary>
    public void Add(ReplicationResult result)
    {
        try
        {
            if (!_queue.Writer.TryWrite(result)) _queue.Writer.WriteAsync(result).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException)
        {
            _drain.GetAwaiter().GetResult(); // the writing error itself
            throw;
        }
    }

    /// <summary>Waits until every replication handed over is written; a writing error surfaces here.</summary>
    public void Complete()
    {
        if (!_completed)
        {
            _completed = true;
            _queue.Writer.TryComplete();
        }
        _drain.GetAwaiter().GetResult();
    }

    /// <summary>Writes the summary, catalogue and manifest.</summary>
    public void Finish(RunManifest manifest)
    {
        Complete();
        _writer!.Finish(_summary!, manifest);
    }

    /// <summary>Stops the writing thread and closes the files.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        try
        {
            _drain.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or UnauthorizedAccessException)
        {
            // The run failed or was cancelled; its unfinished folder is removed by its ResultFolder.
        }
        _writer?.Dispose();
    }
}
