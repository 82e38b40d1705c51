using System.Globalization;
using System.Text;
using RouteSim.Core.Statistics;

namespace RouteSim.Results.Sweeps;

/// <summary>
/// Writes points.csv from rows arriving in global order: each point's outcomes summarised over its replications
/// (mean, sd, 95% t interval, and n, the replications where the outcome is defined). Used by both a sweep and
/// a merge of shards, so both give the same bytes from the same rows.
/// </summary>
public sealed class PointSummaries : IDisposable
{
    private readonly SweepTable _table;
    private readonly StreamWriter _writer;
    private readonly List<double>[] _values;
    private int _point = -1;

    /// <summary>Starts points.csv at <paramref name="path"/>.</summary>
    public PointSummaries(SweepTable table, string path)
    {
        _table = table;
        _writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        _writer.WriteLine(table.PointsHeader);
        _values = table.Outcomes.Select(_ => new List<double>()).ToArray();
    }

    /// <summary>Adds one replication's outcome values.</summary>
    public void Add(int point, IReadOnlyList<double> values)
    {
        if (point != _point) Flush(point);
        for (int o = 0; o < values.Count; o++)
            if (!double.IsNaN(values[o])) _values[o].Add(values[o]);
    }

    /// <summary>Writes the last point and closes the file.</summary>
    public void Dispose()
    {
        Flush(-1);
        _writer.Dispose();
    }

    private void Flush(int next)
    {
        if (_point >= 0)
        {
            var fields = new List<string> { _point.ToString(CultureInfo.InvariantCulture) };
            fields.AddRange(_table.Points[_point].Select(Csv.Number));
            foreach (var list in _values)
            {
                var s = list.Count == 0 ? new Summary(double.NaN, double.NaN, double.NaN, double.NaN, 0) : Summary.FromSample(list.ToArray());
                fields.AddRange([Csv.Number(s.Mean), Csv.Number(s.Sd), Csv.Number(s.CiLow), Csv.Number(s.CiHigh), s.N.ToString(CultureInfo.InvariantCulture)]);
                list.Clear();
            }
            _writer.WriteLine(Csv.Row([.. fields]));
        }
        _point = next;
    }
}
