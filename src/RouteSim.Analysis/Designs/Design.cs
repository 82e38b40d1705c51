namespace RouteSim.Analysis.Designs;

/// <summary>The points of a sweep: one row of factor values per point, with what an analysis needs to read them.</summary>
/// <param name="Points">Point i's value of factor j at [i][j].</param>
/// <param name="Unit">Point i's position in the unit cube along factor j (null for a grid, which has no cube).</param>
/// <param name="BaseSamples">Saltelli's N (0 for other designs).</param>
/// <param name="Trajectories">Morris's r (0 for other designs).</param>
/// <param name="Levels">Morris's p, or the grid's levels per ranged factor (0 otherwise).</param>
public sealed record Design(DesignKind Kind, IReadOnlyList<Factor> Factors, double[][] Points, double[][]? Unit, int BaseSamples = 0, int Trajectories = 0, int Levels = 0)
{
    /// <summary>Number of points.</summary>
    public int Count => Points.Length;

    /// <summary>The design's name as written in files.</summary>
    public string KindName => Name(Kind);

    /// <summary>The file name of a design kind.</summary>
    public static string Name(DesignKind kind) => kind switch
    {
        DesignKind.Grid => "grid",
        DesignKind.LatinHypercube => "lhs",
        DesignKind.Saltelli => "saltelli",
        DesignKind.Morris => "morris",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The design kind written as <paramref name="name"/>, or null.</summary>
    public static DesignKind? Parse(string name) => name switch
    {
        "grid" => DesignKind.Grid,
        "lhs" => DesignKind.LatinHypercube,
        "saltelli" => DesignKind.Saltelli,
        "morris" => DesignKind.Morris,
        _ => null,
    };

    /// <summary>Maps unit-cube rows to factor values.</summary>
    internal static double[][] Scale(IReadOnlyList<Factor> factors, double[][] unit) =>
        unit.Select(row => row.Select((u, j) => factors[j].FromUnit(u)).ToArray()).ToArray();
}
