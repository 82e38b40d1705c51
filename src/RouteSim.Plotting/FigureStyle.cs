using System.Reflection;
using ScottPlot;

namespace RouteSim.Plotting;

/// <summary>
/// The look every figure shares: a bundled font (DejaVu Sans, licence in Fonts/), so figures are the same on
/// every machine; colours readable by colour-blind readers and on white; legends outside the data.
/// </summary>
public static class FigureStyle
{
    /// <summary>The bundled font's family name.</summary>
    public const string FontName = "RouteSim DejaVu Sans";

    private static readonly Lazy<bool> Registered = new(Register);

    /// <summary>
    /// Colours in order of use: the Okabe-Ito set (Okabe and Ito 2008, colour-blind safe) with its yellow, too pale on
    /// white, replaced by Paul Tol's olive, then Tol's wine and indigo, so that ten series differ before any repeats.
    /// </summary>
    public static IReadOnlyList<Color> Colors { get; } =
    [
        ScottPlot.Color.FromHex("#000000"), // black
        ScottPlot.Color.FromHex("#E69F00"), // orange
        ScottPlot.Color.FromHex("#56B4E9"), // sky blue
        ScottPlot.Color.FromHex("#009E73"), // bluish green
        ScottPlot.Color.FromHex("#999933"), // olive (Tol), in place of Okabe-Ito's yellow #F0E442
        ScottPlot.Color.FromHex("#0072B2"), // blue
        ScottPlot.Color.FromHex("#D55E00"), // vermillion
        ScottPlot.Color.FromHex("#CC79A7"), // reddish purple
        ScottPlot.Color.FromHex("#882255"), // wine (Tol)
        ScottPlot.Color.FromHex("#332288"), // indigo (Tol)
    ];

    /// <summary>The bundled regular font file's bytes (also embedded in HTML reports).</summary>
    public static byte[] FontBytes => ReadResource("DejaVuSans.ttf");

    /// <summary>A new plot with the shared style, title and axis labels.</summary>
    public static Plot New(string title, string xLabel, string yLabel)
    {
        _ = Registered.Value;
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, 15);
        plot.XLabel(xLabel, 13);
        plot.YLabel(yLabel, 13);
        return plot;
    }

    /// <summary>Shows the legend in a panel right of the data, so it never covers it.</summary>
    public static void LegendOutside(Plot plot)
    {
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontName = FontName;
        plot.Legend.FontSize = 12;
    }

    /// <summary>Colour number i of <see cref="Colors"/>, repeating after the last.</summary>
    public static Color Color(int i) => Colors[i % Colors.Count];

    private static bool Register()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"routesim-fonts-{typeof(FigureStyle).Assembly.GetName().Version}");
        Directory.CreateDirectory(folder);
        foreach (var (file, bold) in new[] { ("DejaVuSans.ttf", false), ("DejaVuSans-Bold.ttf", true) })
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                var temporary = path + "." + Guid.NewGuid().ToString("N");
                File.WriteAllBytes(temporary, ReadResource(file));
                File.Move(temporary, path, overwrite: true);
            }
            Fonts.AddFontFile(FontName, path, bold, italic: false);
        }
        return true;
    }

    private static byte[] ReadResource(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"RouteSim.Plotting.Fonts.{file}")
            ?? throw new InvalidOperationException($"font {file} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
