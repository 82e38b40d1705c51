using System.Text;
using RouteSim.Analysis.Sweeps;

namespace RouteSim.Results.Sweeps;

/// <summary>Writes a sweep's rows as they arrive (in global order): runs.csv always, points.csv when the range holds whole points.</summary>
public sealed class SweepRecorder : IDisposable
{
    private readonly SweepTable _table;
    private readonly StreamWriter _runs;
    private readonly PointSummaries? _points;

    /// <summary>Starts the files in <paramref name="directory"/>.</summary>
    /// <param name="summarise">Also write points.csv (only when every point's replications are all in this range).</param>
    public SweepRecorder(SweepTable table, string directory, bool summarise)
    {
        _table = table;
        _runs = new StreamWriter(Path.Combine(directory, SweepTable.RunsFile), false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        _runs.WriteLine(table.RunsHeader);
        if (summarise) _points = new PointSummaries(table, Path.Combine(directory, SweepTable.PointsFile));
    }

    /// <summary>Rows written so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Writes one row.</summary>
    public void Add(SweepRow row)
    {
        _runs.WriteLine(_table.RunsRow(row));
        _points?.Add(row.Item.Point, row.Values);
        Rows++;
    }

    /// <summary>Closes the files.</summary>
    public void Dispose()
    {
        _runs.Dispose();
        _points?.Dispose();
    }
}
