using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using RouteSim.Server.Tests.Support;
using SkiaSharp;

namespace RouteSim.Server.Tests;

/// <summary>The explorer page in a real headless Chromium: load, change enforcement, run, read the numbers, see the map change, download.</summary>
public sealed class PageTests : IAsyncLifetime
{
    private Explorer _explorer = null!;
    private readonly string _dir = Directory.CreateTempSubdirectory("routesim-serve-page-").FullName;

    public async Task InitializeAsync() => _explorer = await Explorer.StartAsync(Explorer.Baseline);

    public async Task DisposeAsync()
    {
        await _explorer.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [SkippableFact]
    public async Task A_user_adds_enforcement_runs_and_downloads_a_valid_what_if()
    {
        Skip.IfNot(File.Exists(Browser.Chromium), $"{Browser.Chromium} is not installed (.ci/run installs Debian's chromium); the page cannot be driven here");
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.OpenAsync(_explorer.Url);
        Assert.Equal("Displacement tutorial (baseline): what-if explorer", await page.TitleAsync());
        Assert.Equal(5, await page.Locator("path.node").CountAsync());

        // Choose the port on the map and add 40 units there from day 30.
        await page.Locator("path.node-PORT").ClickAsync();
        Assert.Equal("Enforcement from day 0: PORT 5.00 units", await page.TextContentAsync("#chosen-levels"));
        await page.FillAsync("#period", "30");
        await page.FillAsync("#add-units", "40");
        await page.ClickAsync("#do-add");
        Assert.Equal("from day 30: add 40.0 units at PORTremove", await page.TextContentAsync("#changes li"));
        Assert.Equal("Enforcement from day 30: PORT 45.0 units", await page.TextContentAsync("#chosen-levels"));
        await page.FillAsync("#window-from", "30");
        await page.FillAsync("#replications", "8");
        string portFill = (await page.GetAttributeAsync("path.node-PORT", "fill"))!;

        await page.ClickAsync("#run");
        await page.WaitForSelectorAsync("#measures tbody tr[data-measure=targeted_drop]");
        Assert.StartsWith("Done: 8 replications per arm", await page.TextContentAsync("#status"));

        // The numbers shown are the API's (which are compare's, see ApiTests) for the same what-if.
        var answer = await _explorer.CompareAsync("""{"events": [{"period": 30, "add": {"PORT": 40}}], "replications": 8, "window": [30, 90]}""");
        var measures = answer.GetProperty("measures").EnumerateArray().ToArray();
        Assert.Equal(measures.Length, await page.Locator("#measures tbody tr[data-measure]").CountAsync());
        foreach (var m in measures)
        {
            var cells = await page.Locator($"#measures tbody tr[data-measure={m.GetProperty("measure").GetString()}][data-commodity={m.GetProperty("commodity").GetString()}] td").AllTextContentsAsync();
            Assert.Equal($"{m.GetProperty("label").GetString()} {m.GetProperty("measure").GetString()}", cells[0]);
            Assert.Equal(m.GetProperty("estimate") is { ValueKind: JsonValueKind.Number } e ? Shown(e.GetDouble()) : "undefined", cells[1]);
        }
        // The pooled rows show first and alone; a commodity's rows, or all of them grouped, on request.
        int pooled = measures.Count(m => m.GetProperty("commodity").GetString() == "all");
        Assert.Equal(pooled, await page.Locator("#measures tbody tr:visible").CountAsync());
        Assert.Equal(pooled, await page.Locator("#measures tbody tr[data-commodity=all]:visible").CountAsync());
        await page.SelectOptionAsync("#measure-commodity", ["migrants"]);
        Assert.Equal(measures.Length - pooled, await page.Locator("#measures tbody tr[data-commodity=migrants]:visible").CountAsync());
        Assert.Equal(0, await page.Locator("#measures tbody tr[data-commodity=all]:visible").CountAsync());
        await page.SelectOptionAsync("#measure-commodity", ["*"]);
        Assert.Equal(measures.Length + 2, await page.Locator("#measures tbody tr:visible").CountAsync());
        Assert.Equal(["All commodities, pooled", "migrants"], await page.Locator("#measures tbody tr.group").AllTextContentsAsync());
        await page.SelectOptionAsync("#measure-commodity", ["all"]);
        Assert.Equal("Port of entry (targeted: more resources)",
            await page.Locator("#locations tbody tr[data-location=PORT] td").First.TextContentAsync());

        // The map now shows the change: less flow at the port, more at the other crossings.
        Assert.NotEqual(portFill, await page.GetAttributeAsync("path.node-PORT", "fill"));
        Assert.Equal("#0072B2", await page.GetAttributeAsync("path.node-PORT", "fill"));
        Assert.Equal("#D55E00", await page.GetAttributeAsync("path.node-DESERT", "fill"));
        Assert.Equal("3 2", await page.GetAttributeAsync("path.node-PORT", "stroke-dasharray"));
        Assert.Equal(1, await page.Locator("#flow-chart canvas").CountAsync());
        Assert.Equal(1, await page.Locator("#deaths-chart canvas").CountAsync());

        // Download the what-if: routesim validate accepts it, and compare on it gives the numbers on the page.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-yaml"));
        Assert.Equal("what-if.yaml", download.SuggestedFilename);
        var file = Path.Combine(_dir, "what-if.yaml");
        await download.SaveAsAsync(file);
        var validate = Explorer.Routesim("validate", file);
        Assert.True(validate.Exit == 0, validate.Error);
        var target = Path.Combine(_dir, "compare");
        var compare = Explorer.Routesim("compare", Explorer.Baseline, file, "--out", target, "--replications", "8", "--window", "30:90", "--quiet");
        Assert.True(compare.Exit == 0, compare.Error);
        Explorer.SameAsCompare(answer, target);

        var zip = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-zip"));
        Assert.Equal("displacement-baseline-vs-what-if.zip", zip.SuggestedFilename);
        await zip.SaveAsAsync(Path.Combine(_dir, "comparison.zip"));
        using (var archive = System.IO.Compression.ZipFile.OpenRead(Path.Combine(_dir, "comparison.zip")))
            Assert.Contains(archive.Entries, e => e.FullName == "displacement-baseline-vs-what-if/comparison.csv");

        Assert.True(browser.Failures.Count == 0, string.Join("\n", browser.Failures));
        await AssertNotBlank(page);
        if (Environment.GetEnvironmentVariable("ROUTESIM_EXPLORER_SCREENSHOTS") is { Length: > 0 } shots)
            await page.ScreenshotAsync(new() { Path = Path.Combine(Explorer.RepoRoot, shots, "explorer-tutorial.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task Edits_that_make_no_sense_are_refused_in_words()
    {
        Skip.IfNot(File.Exists(Browser.Chromium), $"{Browser.Chromium} is not installed");
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.OpenAsync(_explorer.Url);
        await page.ClickAsync("#do-add");
        Assert.Equal("Choose at least one location first (click it on the map).", await page.TextContentAsync("#edit-message"));
        await page.SelectOptionAsync("#chosen", ["FENCE"]);
        await page.FillAsync("#move-units", "6");
        await page.SelectOptionAsync("#move-to", ["DESERT"]);
        await page.ClickAsync("#do-move");
        Assert.Equal("The chosen locations have 5.00 units from day 0; cannot move 6.00.", await page.TextContentAsync("#edit-message"));
        await page.FillAsync("#move-units", "");
        await page.ClickAsync("#do-move");
        Assert.Equal("Enforcement from day 0: FENCE 0.000 units", await page.TextContentAsync("#chosen-levels"));
        // A server refusal shows as one line, not a broken page (the server's 400 is expected here, so not a failure).
        await page.FillAsync("#window-to", "500");
        await page.ClickAsync("#run");
        await page.WaitForSelectorAsync("#status.error");
        Assert.Equal("400: window: [0, 500] must satisfy 0 <= from < to <= 90 (the scenario has periods 0 to 89)", await page.TextContentAsync("#status"));
        Assert.Equal(["400: POST " + new Uri(_explorer.Url, "api/compare?progress=1")], browser.Failures.Where(f => !f.StartsWith("console", StringComparison.Ordinal)));
    }

    /// <summary>The page's formatting: no decimals from 1,000, one from 10, two from 1, three from 0.01, two significant digits below.</summary>
    private static string Shown(double x)
    {
        double a = Math.Abs(x);
        int digits = a >= 1000 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.01 || a == 0 ? 3 : (int)Math.Ceiling(-Math.Log10(a)) + 1;
        return x.ToString("N" + digits, CultureInfo.InvariantCulture);
    }

    private static async Task AssertNotBlank(IPage page)
    {
        using var bitmap = SKBitmap.Decode(await page.ScreenshotAsync());
        var colours = new HashSet<uint>();
        for (int y = 0; y < bitmap.Height; y += 7)
            for (int x = 0; x < bitmap.Width; x += 7)
                colours.Add((uint)bitmap.GetPixel(x, y));
        Assert.True(colours.Count > 20, $"the screenshot has only {colours.Count} colours");
    }
}
