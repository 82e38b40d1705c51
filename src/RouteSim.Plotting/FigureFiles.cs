namespace RouteSim.Plotting;

/// <summary>
/// Saves figures: every figure as NAME.png and NAME.svg at its own size, the one way every kind of figure
/// (runs, comparisons, sweeps, sensitivity, optimisation, calibration, maps) reaches the disk.
/// </summary>
public static class FigureFiles
{
    /// <summary>Saves each figure as PNG and SVG into <paramref name="directory"/>, creating it if needed.</summary>
    public static void Save(IEnumerable<Figure> figures, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var f in figures)
        {
            f.Plot.SavePng(Path.Combine(directory, f.Name + ".png"), f.Width, f.Height);
            f.Plot.SaveSvg(Path.Combine(directory, f.Name + ".svg"), f.Width, f.Height);
        }
    }

    /// <summary>
    /// Replaces <paramref name="directory"/> with the figures, drawn aside first, so a failure leaves the
    /// figures there before untouched.
    /// </summary>
    public static void Replace(IEnumerable<Figure> figures, string directory)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(directory)) ?? ".";
        var staging = Path.Combine(parent, $".{Path.GetFileName(directory)}.partial-{Guid.NewGuid():N}");
        try
        {
            Save(figures, staging);
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
            Directory.Move(staging, directory);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }
}
