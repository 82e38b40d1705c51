using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RouteSim.Plotting.Tests.Support;
using SkiaSharp;

namespace RouteSim.Plotting.Tests;

public partial class ReportTests
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly Lazy<string> RunReport = new(() => ReportWriter.Write(ResultFolders.Run));
    private static readonly Lazy<string> ComparisonReport = new(() => ReportWriter.Write(ResultFolders.Comparison));

    [GeneratedRegex("(src|href)\\s*=\\s*[\"'](?!#|data:)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [Fact]
    public void Reports_are_self_contained_with_every_figure_inlined()
    {
        foreach (var (report, figures) in new[] { (RunReport.Value, 4), (ComparisonReport.Value, 6) })
        {
            var html = File.ReadAllText(report);
            Assert.Equal(figures, Regex.Matches(html, "<figure id=").Count);
            Assert.Equal(figures, Regex.Matches(html, "<svg").Count);
            Assert.DoesNotMatch(ExternalReference(), html);
            Assert.DoesNotContain("<script", html);
            Assert.Contains("@font-face", html);
            Assert.Contains("seed", html);
            var folder = Path.GetDirectoryName(report)!;
            Assert.Equal(2 * figures, Directory.GetFiles(Path.Combine(folder, "figures")).Length);
        }
    }

    [Fact]
    public void The_comparison_report_has_the_headline_measures()
    {
        var html = File.ReadAllText(ComparisonReport.Value);
        foreach (var measure in new[] { "targeted_drop", "displacement_ratio", "deterrence", "delivered_reduction", "deaths_per_1000_attempts_change",
                     "mean_route_danger_change", "mean_route_detection_change", "unreinforced_share_change" })
        {
            var definition = Analysis.Counterfactuals.ComparisonMeasures.Get(measure);
            Assert.Contains($"<b>{System.Net.WebUtility.HtmlEncode(definition.Label)}</b>", html);
            Assert.Contains($"({measure})", html);
        }
        Assert.Contains("<h2>In brief</h2>", html);
        Assert.Contains("reappeared at the", html);
        Assert.Contains("Displacement tutorial (baseline) vs Displacement tutorial (deployment)", html);
    }

    /// <summary>Opens each report in a real headless Chromium: no failed request, no script error, every figure shown, a screenshot that is not blank.</summary>
    [SkippableFact]
    public async Task Reports_open_in_a_real_browser()
    {
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is not installed (.ci/run installs Debian's chromium); the browser check cannot run here");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        foreach (var report in new[] { RunReport.Value, ComparisonReport.Value })
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
            var failures = new List<string>();
            page.RequestFailed += (_, request) => failures.Add($"request failed: {request.Url}");
            page.PageError += (_, error) => failures.Add($"script error: {error}");
            page.Console += (_, message) => { if (message.Type == "error") failures.Add($"console error: {message.Text}"); };
            var response = await page.GotoAsync(new Uri(report).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            Assert.NotNull(response);
            Assert.True(response.Ok, $"{report}: status {response.Status}");

            var figures = await page.QuerySelectorAllAsync("figure svg");
            Assert.NotEmpty(figures);
            foreach (var svg in figures)
            {
                var box = await svg.BoundingBoxAsync();
                Assert.True(box is { Width: > 100, Height: > 100 }, "every figure is laid out with a size");
            }
            Assert.Empty(failures);

            var shot = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = false });
            using var bitmap = SKBitmap.Decode(shot);
            var colours = new HashSet<uint>();
            for (int y = 0; y < bitmap.Height; y += 7)
                for (int x = 0; x < bitmap.Width; x += 7)
                    colours.Add((uint)bitmap.GetPixel(x, y));
            Assert.True(colours.Count > 20, $"{report}: the screenshot has only {colours.Count} colours, so it is blank");
            await page.CloseAsync();
        }
    }
}
