using System.Reflection;
using ScottPlot;

namespace RouteSim.Plotting;

/// <summary>
/// The look every figure shares: a bundled font (DejaVu Sans, licence in Fonts/), so figures are the same on
/// every machine; the Okabe-Ito colours, readable by colour-blind readers; legends outside the data.
/// </summary>
public static class FigureStyle
{
    /// <summary>The bundled font's family name.</summary>
    public const string FontName = "RouteSim DejaVu Sans";

    private static readonly Lazy<bool> Registered = new(Register);

    /// <summary>Colour-blind-safe colours, in order of use.</summary>
    public static IPalette Palette { get; } = new ScottPlot.Palettes.ColorblindFriendly();

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

    /// <summary>Colour number i of the palette.</summary>
    public static Color Color(int i) => Palette.GetColor(i);

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
