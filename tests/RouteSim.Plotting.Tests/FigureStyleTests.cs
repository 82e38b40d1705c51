namespace RouteSim.Plotting.Tests;

public class FigureStyleTests
{
    /// <summary>WCAG relative luminance of an sRGB colour.</summary>
    private static double Luminance(ScottPlot.Color c)
    {
        static double Linear(byte v) => v / 255.0 <= 0.04045 ? v / 255.0 / 12.92 : Math.Pow((v / 255.0 + 0.055) / 1.055, 2.4);
        return 0.2126 * Linear(c.R) + 0.7152 * Linear(c.G) + 0.0722 * Linear(c.B);
    }

    /// <summary>
    /// Every colour stands out from a white page: a contrast ratio (WCAG) of at least 2 to 1, which Okabe-Ito's yellow
    /// (1.3 to 1) fails and its orange and sky blue (2.2 and 2.3) pass. Lines and markers are thick, so less than
    /// text's 4.5 suffices.
    /// </summary>
    [Fact]
    public void Every_colour_is_readable_on_white()
    {
        foreach (var c in FigureStyle.Colors)
            Assert.True(1.05 / (Luminance(c) + 0.05) >= 2, $"{c.ToHex()} has contrast {1.05 / (Luminance(c) + 0.05):F2} on white");
    }

    /// <summary>Ten series in one figure get ten different colours.</summary>
    [Fact]
    public void The_first_ten_colours_differ()
    {
        var colours = Enumerable.Range(0, 10).Select(i => FigureStyle.Color(i).ToHex()).ToArray();
        Assert.Equal(10, colours.Distinct().Count());
    }
}
