using RouteSim.Analysis.Designs;
using RouteSim.Results.Sweeps;

namespace RouteSim.Results.Reading;

/// <summary>A finished sweep folder read back: what the sweep was, and each point's parameter values and outcome means.</summary>
public sealed class SweepFolder
{
    private SweepFolder(string path, SweepDocument document, SweepManifest manifest, double[][] points, Dictionary<string, double[]> means)
    {
        Path = path;
        Document = document;
        Manifest = manifest;
        Points = points;
        _means = means;
    }

    private readonly Dictionary<string, double[]> _means;

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>sweep.json.</summary>
    public SweepDocument Document { get; }

    /// <summary>manifest.json.</summary>
    public SweepManifest Manifest { get; }

    /// <summary>Each point's parameter values, from points.csv.</summary>
    public double[][] Points { get; }

    /// <summary>Each point's mean of an outcome over its replications (NaN where undefined in every replication).</summary>
    public double[] Means(string outcome) =>
        _means.TryGetValue(outcome, out var m) ? m : throw new ResultsReadException($"{Path}: the sweep has no outcome '{outcome}' (outcomes: {string.Join(", ", _means.Keys)})");

    /// <summary>Reads a complete (unsharded or merged) sweep folder.</summary>
    public static SweepFolder Read(string path)
    {
        if (!Directory.Exists(path)) throw new ResultsReadException($"{path}: folder not found");
        var document = ReadJson(path, SweepDocument.FileName, SweepDocument.FromJson);
        var manifest = ReadJson(path, SweepManifest.FileName, SweepManifest.FromJson);
        if (manifest.Shard is { } shard)
            throw new ResultsReadException($"{path}: this is shard {shard.Index} of {shard.Count}; merge the shards with 'routesim merge' first");
        var table = CsvTable.Read(System.IO.Path.Combine(path, SweepTable.PointsFile));
        if (table.Rows.Count != document.Points)
            throw new ResultsReadException($"{table.Path}: {table.Rows.Count} points, but sweep.json says {document.Points}");
        var parameterColumns = document.Parameters.Select(p => table.Column(p.Name)).ToArray();
        var points = table.Rows.Select(row => parameterColumns.Select(c => CsvTable.Number(row[c])).ToArray()).ToArray();
        var means = document.Outcomes.ToDictionary(o => o.Name, o =>
        {
            int c = table.Column($"{o.Name}_mean");
            return table.Rows.Select(row => CsvTable.Number(row[c])).ToArray();
        }, StringComparer.Ordinal);
        return new SweepFolder(path, document, manifest, points, means);
    }

    /// <summary>Rebuilds the design from sweep.json and checks it gives the points in points.csv.</summary>
    public Design Design()
    {
        var design = Rebuild(Document, Path);
        for (int i = 0; i < design.Count; i++)
            if (!design.Points[i].SequenceEqual(Points[i]))
                throw new ResultsReadException($"{Path}: point {i} in points.csv is not the design's point {i}; the folder was edited or written by another version");
        return design;
    }

    /// <summary>The design a sweep.json describes, rebuilt from its parameters, kind, sizes and seed.</summary>
    public static Design Rebuild(SweepDocument d, string where)
    {
        var factors = d.Parameters.Select(p => new Factor(p.Name, p.Min, p.Max, p.Values, p.Scale == "log", p.Integer)).ToArray();
        return Analysis.Designs.Design.Parse(d.Design) switch
        {
            DesignKind.Grid => GridDesign.Build(factors, Math.Max(1, d.Levels)),
            DesignKind.LatinHypercube => LatinHypercube.Build(factors, d.Points, d.DesignSeed),
            DesignKind.Saltelli => SaltelliDesign.Build(factors, d.BaseSamples, d.DesignSeed),
            DesignKind.Morris => MorrisDesign.Build(factors, d.Trajectories, d.Levels, d.DesignSeed),
            _ => throw new ResultsReadException($"{where}: sweep.json names an unknown design '{d.Design}'"),
        };
    }

    /// <summary>Reads and parses a JSON file of a results folder, or throws naming it.</summary>
    public static T ReadJson<T>(string folder, string name, Func<string, T?> parse) where T : class
    {
        var file = System.IO.Path.Combine(folder, name);
        if (!File.Exists(file)) throw new ResultsReadException($"{file}: file not found (is this a sweep results folder?)");
        return parse(File.ReadAllText(file)) ?? throw new ResultsReadException($"{file}: not a RouteSim {name}");
    }
}
