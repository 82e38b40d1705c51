using System.Diagnostics;
using RouteSim.Server.Tests.Support;
using Xunit.Abstractions;

namespace RouteSim.Server.Tests;

/// <summary>
/// The screenshots of docs/explorer.md, taken when ROUTESIM_EXPLORER_SCREENSHOTS names a folder: the Mexico
/// deployment with every Tijuana troop moved to the Tohono O'odham Nation desert (TON_REMOTE), one of the remote
/// stretches the Guard did not reach. Skipped otherwise (the page itself is
/// tested on the small tutorial in <see cref="PageTests"/>).
/// </summary>
public sealed class DocsScreenshots(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task The_walkthrough_of_docs_explorer_md()
    {
        var folder = Environment.GetEnvironmentVariable("ROUTESIM_EXPLORER_SCREENSHOTS");
        Skip.If(string.IsNullOrEmpty(folder), "set ROUTESIM_EXPLORER_SCREENSHOTS=FOLDER to take the docs' screenshots");
        Skip.IfNot(File.Exists(Browser.Chromium), $"{Browser.Chromium} is not installed");
        // A relative folder is the repository's (dotnet test runs in the test's bin folder).
        folder = Path.Combine(Explorer.RepoRoot, folder);
        Directory.CreateDirectory(folder);
        await using var explorer = await Explorer.StartAsync(Path.Combine(Explorer.RepoRoot, "scenarios", "north-america-2025", "mexico-guard-2025.yaml"));
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.OpenAsync(explorer.Url, 1400, 1000);

        var clock = Stopwatch.StartNew();
        await page.SelectOptionAsync("#chosen", ["TIJ_PORT", "TIJ_LINE", "TIJ_SOUTH"]);
        await page.FillAsync("#period", "34");
        await page.SelectOptionAsync("#move-to", ["TON_REMOTE"]);
        await page.ClickAsync("#do-move");
        await page.FillAsync("#window-from", "34");
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "explorer-move.png") });
        await page.ClickAsync("#run");
        await page.WaitForSelectorAsync("#measures tbody tr[data-measure=targeted_drop][data-commodity=all]", new() { Timeout = 300_000 });
        output.WriteLine($"edit and run: {clock.Elapsed.TotalSeconds:F1} s");
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "explorer-result.png"), FullPage = true });
        await page.SelectOptionAsync("#measure-commodity", ["fentanyl"]);
        await page.Locator("#measures").Locator("..").ScreenshotAsync(new() { Path = Path.Combine(folder, "explorer-fentanyl.png") });
        Assert.True(browser.Failures.Count == 0, string.Join("\n", browser.Failures));
    }
}
