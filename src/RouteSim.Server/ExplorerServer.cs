using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RouteSim.Scenarios;

namespace RouteSim.Server;

/// <summary>
/// <c>routesim serve</c>: Kestrel on 127.0.0.1 serving the explorer page and its JSON API over one baseline
/// scenario. Reads no file but the scenario (at start) and writes only inside its own temporary folder,
/// removed when it stops.
/// </summary>
/// <remarks>
/// API: <c>GET /api/scenario</c> (<see cref="ScenarioView"/>); <c>POST /api/compare</c> with a
/// <see cref="WhatIfRequest"/> body (<see cref="ComparisonAnswer"/>; with <c>?progress=1</c> the answer comes
/// as JSON lines <c>{"progress": {...}}</c> then <c>{"result": ...}</c> or <c>{"error": "..."}</c>);
/// <c>POST /api/what-if.yaml</c> (the what-if scenario file); <c>POST /api/comparison.zip</c> (the folder
/// <c>routesim compare</c> writes). Bad requests get 400 with one line of text, bodies over
/// <see cref="ExplorerOptions.MaxBodyBytes"/> 413, bodies not sent as JSON 415, a Host other than
/// 127.0.0.1 or localhost 400, a full queue 503. Requests with the same
/// <c>X-RouteSim-Client</c> header cancel their predecessor (which gets 409 if still listening).
/// </remarks>
public sealed class ExplorerServer : IAsyncDisposable
{
    /// <summary>The header whose value groups a page's requests: a new one cancels the previous.</summary>
    public const string ClientHeader = "X-RouteSim-Client";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    private readonly ExplorerOptions _options;
    private readonly BaselineScenario _baseline;
    private readonly LoadOptions _loadOptions;
    private readonly int _defaultReplications;
    private readonly DirectoryInfo _scratch;
    private readonly WebApplication _app;

    private ExplorerServer(ExplorerOptions options, BaselineScenario baseline, LoadOptions loadOptions)
    {
        _options = options;
        _baseline = baseline;
        _loadOptions = loadOptions;
        _defaultReplications = Math.Min(options.Replications ?? baseline.Scenario.Replications, options.MaxReplications);
        Queue = new ComparisonQueue(options.MaxRunning, options.MaxWaiting);
        _scratch = Directory.CreateTempSubdirectory("routesim-serve-");
        _app = Build();
    }

    /// <summary>The comparisons' queue (its peak shows the bound held).</summary>
    public ComparisonQueue Queue { get; }

    /// <summary>The server's own temporary folder, the only place it writes.</summary>
    public string ScratchFolder => _scratch.FullName;

    /// <summary>Where the page is, once started: http://127.0.0.1:PORT/.</summary>
    public Uri? Url { get; private set; }

    /// <summary>Loads the baseline; null with its problems when it does not load.</summary>
    public static ExplorerServer? Create(ExplorerOptions options, out IReadOnlyList<ScenarioError> errors)
    {
        var loadOptions = LoadOptions.ForThisMachine() with { ConcurrentReplications = Math.Max(1, options.MaxRunning * options.Threads) };
        var baseline = BaselineScenario.Open(options.ScenarioFile, loadOptions, out errors);
        return baseline is null ? null : new ExplorerServer(options, baseline, loadOptions);
    }

    /// <summary>Starts listening; throws <see cref="IOException"/> when the port cannot be bound.</summary>
    public async Task<Uri> StartAsync(CancellationToken cancellation = default)
    {
        await _app.StartAsync(cancellation).ConfigureAwait(false);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = new Uri($"http://127.0.0.1:{new Uri(address).Port}/");
        return Url;
    }

    /// <summary>Stops listening, cancels what runs and removes the temporary folder.</summary>
    public async ValueTask DisposeAsync()
    {
        Queue.CancelAll(); // else stopping would wait for long comparisons to finish
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Queue.Dispose();
        try
        {
            _scratch.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A download still being sent holds its zip open; it is deleted when closed.
        }
    }

    private WebApplication Build()
    {
        // The empty builder reads no appsettings or content folder: the server touches no file but its own.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = _scratch.FullName });
        builder.Logging.ClearProviders();
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, _options.Port);
            kestrel.Limits.MaxRequestBodySize = _options.MaxBodyBytes;
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        // Only this machine's own names: a web page elsewhere that rebinds its domain to 127.0.0.1 is refused.
        app.Use((http, next) => IsLoopbackHost(http.Request.Host)
            ? next(http)
            : Problem(http, StatusCodes.Status400BadRequest, $"unexpected Host '{http.Request.Host}': this server answers only as 127.0.0.1 or localhost"));
        app.UseRouting();
        app.MapGet("/api/scenario", () => TypedResults.Json(ScenarioView.From(_baseline, _defaultReplications, _options.MaxReplications), Json));
        app.MapPost("/api/compare", Compare);
        app.MapPost("/api/what-if.yaml", DownloadScenario);
        app.MapPost("/api/comparison.zip", DownloadComparison);
        foreach (var path in new[] { "/api/compare", "/api/what-if.yaml", "/api/comparison.zip" })
            app.MapMethods(path, ["GET", "HEAD", "PUT", "DELETE", "PATCH"], (HttpContext http) =>
            {
                http.Response.Headers.Allow = "POST";
                return Problem(http, StatusCodes.Status405MethodNotAllowed, $"{http.Request.Method} {http.Request.Path}: use POST with a JSON body");
            });
        app.MapMethods("/api/scenario", ["POST", "PUT", "DELETE", "PATCH"], (HttpContext http) =>
        {
            http.Response.Headers.Allow = "GET";
            return Problem(http, StatusCodes.Status405MethodNotAllowed, $"{http.Request.Method} {http.Request.Path}: use GET");
        });
        app.MapGet("/{**path}", Asset);
        return app;
    }

    private static Task Asset(HttpContext http) =>
        StaticAssets.Open(http.Request.Path.Value ?? "/") is { } asset
            ? TypedResults.Stream(asset.Content, asset.ContentType).ExecuteAsync(http)
            : Problem(http, StatusCodes.Status404NotFound, $"not found: {http.Request.Path}");

    private async Task Compare(HttpContext http)
    {
        var (request, whatIf) = await ReadWhatIf(http).ConfigureAwait(false);
        if (request is null || whatIf is null) return;
        bool streamed = http.Request.Query["progress"] == "1";
        var progress = new ProgressCounter(2 * request.Replications);
        var run = Queue.RunAsync(http.Request.Headers[ClientHeader].FirstOrDefault(),
            token => WhatIfComparison.Run(_baseline, whatIf, request, _options.Threads, progress.Set, token),
            progress.Start, http.RequestAborted);
        if (!streamed)
        {
            try
            {
                var answer = await run.ConfigureAwait(false);
                await TypedResults.Json(answer, Json).ExecuteAsync(http).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or QueueFullException)
            {
                await Failed(http, e).ConfigureAwait(false);
            }
            catch (Exception e) when (!http.Response.HasStarted)
            {
                await Problem(http, StatusCodes.Status500InternalServerError, Internal(e)).ConfigureAwait(false);
            }
            return;
        }
        if (run is { IsFaulted: true, Exception.InnerException: QueueFullException full })
        {
            await Failed(http, full).ConfigureAwait(false);
            return;
        }

        // No "Cache-Control: no-store" (POST answers are not cached anyway): with it, Chromium reports a stream
        // read to its end as aborted (playwright issue 42742), which would hide real failures in the page test.
        http.Response.ContentType = "application/x-ndjson; charset=utf-8";
        var body = http.Response.Body;
        try
        {
            string? last = null;
            while (!run.IsCompleted)
            {
                var line = JsonSerializer.Serialize(new { progress = progress.View() }, Json);
                if (line != last) await WriteLine(body, line, http.RequestAborted).ConfigureAwait(false);
                last = line;
                await Task.WhenAny(run, Task.Delay(100, http.RequestAborted)).ConfigureAwait(false);
            }
            var answer = await run.ConfigureAwait(false);
            await WriteLine(body, JsonSerializer.Serialize(new { progress = progress.View() }, Json), http.RequestAborted).ConfigureAwait(false);
            await WriteLine(body, JsonSerializer.Serialize(new { result = answer }, Json), http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            string message = e is OperationCanceledException or QueueFullException ? Message(e) : Internal(e);
            await WriteLine(body, JsonSerializer.Serialize(new { error = message }, Json), CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The page went away: nobody to tell.
        }
    }

    private static string Internal(Exception e) => $"internal error ({e.GetType().Name}): {e.Message}";

    private async Task DownloadScenario(HttpContext http)
    {
        var (_, whatIf) = await ReadWhatIf(http).ConfigureAwait(false);
        if (whatIf is null) return;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{WhatIfScenario.FileName}\"";
        await TypedResults.Text(whatIf.Text, "application/yaml; charset=utf-8").ExecuteAsync(http).ConfigureAwait(false);
    }

    private async Task DownloadComparison(HttpContext http)
    {
        var (request, whatIf) = await ReadWhatIf(http).ConfigureAwait(false);
        if (request is null || whatIf is null) return;
        FileStream zip;
        try
        {
            zip = await Queue.RunAsync(http.Request.Headers[ClientHeader].FirstOrDefault(),
                token => ComparisonArchive.Write(_baseline, whatIf, request, _options, _scratch.FullName, token), null, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or QueueFullException)
        {
            await Failed(http, e).ConfigureAwait(false);
            return;
        }
        await using (zip)
            await TypedResults.File(zip, "application/zip", ComparisonArchive.FolderName(_baseline) + ".zip").ExecuteAsync(http).ConfigureAwait(false);
    }

    private static bool IsLoopbackHost(HostString host) =>
        host.Host is "127.0.0.1" or "localhost" or "[::1]";

    /// <summary>Reads the body and builds the what-if; on a problem answers 400, 413 or 415 and returns nulls.</summary>
    private async Task<(WhatIfRequest?, WhatIfScenario?)> ReadWhatIf(HttpContext http)
    {
        // JSON only: a form or text post, which other sites' pages can send without asking, is refused unread.
        if (!http.Request.HasJsonContentType())
        {
            await Problem(http, StatusCodes.Status415UnsupportedMediaType, "send the body as JSON (Content-Type: application/json)").ConfigureAwait(false);
            return (null, null);
        }
        byte[] body;
        try
        {
            if (http.Request.ContentLength > _options.MaxBodyBytes) throw new BadHttpRequestException("too large", StatusCodes.Status413PayloadTooLarge);
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await Problem(http, StatusCodes.Status413PayloadTooLarge, $"request body too large: at most {_options.MaxBodyBytes:N0} bytes").ConfigureAwait(false);
            return (null, null);
        }
        var request = WhatIfRequest.Read(body, _baseline.Scenario, _defaultReplications, _options.MaxReplications, out var problem);
        if (request is null)
        {
            await Problem(http, StatusCodes.Status400BadRequest, problem!).ConfigureAwait(false);
            return (null, null);
        }
        var whatIf = WhatIfScenario.Build(_baseline, request.Events, _options.Version, _loadOptions);
        if (!whatIf.Loaded.Ok)
        {
            var error = whatIf.Loaded.Errors[0];
            await Problem(http, StatusCodes.Status400BadRequest, $"the what-if is not a valid scenario: {error.Path}: {error.Message}").ConfigureAwait(false);
            return (null, null);
        }
        return (request, whatIf);
    }

    private static Task Failed(HttpContext http, Exception e)
    {
        if (http.RequestAborted.IsCancellationRequested) return Task.CompletedTask; // nobody is listening
        return e is QueueFullException
            ? Problem(http, StatusCodes.Status503ServiceUnavailable, Message(e))
            : Problem(http, StatusCodes.Status409Conflict, Message(e));
    }

    private static string Message(Exception e) => e is QueueFullException
        ? e.Message
        : "cancelled: a newer request from the same page replaced this one";

    private static Task Problem(HttpContext http, int status, string message) =>
        TypedResults.Text(message.ReplaceLineEndings(" ") + "\n", "text/plain; charset=utf-8", Encoding.UTF8, status).ExecuteAsync(http);

    private static async Task WriteLine(Stream body, string line, CancellationToken cancellation)
    {
        await body.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), cancellation).ConfigureAwait(false);
        await body.FlushAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>Progress of one comparison, written by the engine's threads and read by the request.</summary>
    private sealed class ProgressCounter(int total)
    {
        private int _done, _started;

        public void Set(int done) => Volatile.Write(ref _done, done);

        public void Start() => Volatile.Write(ref _started, 1);

        public object View() => new { done = Volatile.Read(ref _done), total, waiting = Volatile.Read(ref _started) == 0 };
    }
}
