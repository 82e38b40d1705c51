using Microsoft.Playwright;

namespace RouteSim.Server.Tests.Support;

/// <summary>Headless Debian Chromium driven by Playwright, recording every failed request and script or console error.</summary>
public sealed class Browser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public List<string> Failures { get; } = [];

    public static async Task<Browser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new Browser(playwright, browser);
    }

    /// <summary>Opens the page and waits until it has loaded the scenario and drawn the map.</summary>
    public async Task<IPage> OpenAsync(Uri url, int width = 1400, int height = 1000)
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true });
        page.RequestFailed += (_, request) => Failures.Add($"request failed: {request.Method} {request.Url} ({request.Failure})");
        page.Response += (_, response) => { if (response.Status >= 400) Failures.Add($"{response.Status}: {response.Request.Method} {response.Url}"); };
        page.PageError += (_, error) => Failures.Add($"script error: {error}");
        page.Console += (_, message) => { if (message.Type is "error" or "warning") Failures.Add($"console {message.Type}: {message.Text}"); };
        var response = await page.GotoAsync(url.AbsoluteUri);
        Assert.True(response is { Ok: true }, $"{url}: {response?.Status}");
        await page.WaitForSelectorAsync("body[data-ready=true]");
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
