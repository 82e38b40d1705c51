using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using RouteSim.Server.Tests.Support;

namespace RouteSim.Server.Tests;

/// <summary>The JSON API against a real Kestrel on a free loopback port, over the displacement tutorial.</summary>
public sealed class ApiTests : IAsyncLifetime
{
    private const string Deployment = """{"events": [{"period": 30, "add": {"PORT": 40}}], "replications": 8, "window": [30, 90]}""";
    private Explorer _explorer = null!;
    private readonly string _dir = Directory.CreateTempSubdirectory("routesim-serve-test-").FullName;

    public async Task InitializeAsync() => _explorer = await Explorer.StartAsync(Explorer.Baseline, AllowSlow);

    /// <summary>
    /// A comparison that outlasts any test (100,000 replications a side, minutes), cancelled or stopped at its end: a
    /// thousand replications, once slow, now finish within a second or two and let the tests race.
    /// </summary>
    private const string Slow = """{"replications": 100000}""";

    private static ExplorerOptions AllowSlow(ExplorerOptions options) => options with { MaxReplications = 100_000 };

    public async Task DisposeAsync()
    {
        await _explorer.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task It_listens_on_the_loopback_address_only()
    {
        Assert.Equal("127.0.0.1", _explorer.Url.Host);
        var page = await _explorer.Http.GetStringAsync("/");
        Assert.Contains("RouteSim what-if explorer", page);
    }

    [Fact]
    public async Task The_scenario_gives_nodes_with_positions_and_enforcement_and_the_edges()
    {
        var json = JsonDocument.Parse(await _explorer.Http.GetStringAsync("api/scenario")).RootElement;
        Assert.Equal("Displacement tutorial (baseline)", json.GetProperty("name").GetString());
        Assert.Equal(90, json.GetProperty("periods").GetInt32());
        var nodes = json.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!);
        Assert.Equal(["O", "PORT", "FENCE", "DESERT", "D"], nodes.Keys);
        var port = nodes["PORT"];
        Assert.Equal(("crossing", "Port of entry", 31.33, -110.94), (port.GetProperty("kind").GetString(), port.GetProperty("label").GetString(),
            port.GetProperty("lat").GetDouble(), port.GetProperty("lon").GetDouble()));
        var steps = port.GetProperty("enforcement").EnumerateArray().Select(s => (s.GetProperty("period").GetInt32(), s.GetProperty("units").GetDouble())).ToArray();
        Assert.Equal([(0, 5.0)], steps);
        Assert.Equal(6, json.GetProperty("edges").GetArrayLength());
    }

    [Fact]
    public async Task Enforcement_steps_show_each_change_of_level()
    {
        await using var deployment = await Explorer.StartAsync(Explorer.Deployment);
        var json = JsonDocument.Parse(await deployment.Http.GetStringAsync("api/scenario")).RootElement;
        var port = json.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == "PORT");
        var steps = port.GetProperty("enforcement").EnumerateArray().Select(s => (s.GetProperty("period").GetInt32(), s.GetProperty("units").GetDouble())).ToArray();
        Assert.Equal([(0, 5.0), (30, 45.0)], steps);
    }

    /// <summary>The what-if "add 40 at PORT from day 30" is the tutorial's deployment file: the API gives compare's numbers for it.</summary>
    [Fact]
    public async Task A_what_if_gets_the_names_and_numbers_of_routesim_compare()
    {
        var answer = await _explorer.CompareAsync(Deployment);
        var target = Path.Combine(_dir, "compare");
        var cli = Explorer.Routesim("compare", Explorer.Baseline, Explorer.Deployment, "--out", target, "--window", "30:90", "--replications", "8", "--quiet");
        Assert.True(cli.Exit == 0, cli.Error);
        Explorer.SameAsCompare(answer, target);
        Assert.Equal(["PORT"], answer.GetProperty("targeted").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(8, answer.GetProperty("replications").GetInt32());
        Assert.Equal(2025UL, answer.GetProperty("seed").GetUInt64());
        var series = answer.GetProperty("series");
        foreach (var name in new[] { "flow_baseline", "flow_what_if", "deaths_baseline", "deaths_what_if" })
            Assert.Equal(90, series.GetProperty(name).GetArrayLength());
        // Before the deployment both arms are the same runs (common random numbers).
        Assert.Equal(series.GetProperty("flow_baseline")[29].GetDouble(), series.GetProperty("flow_what_if")[29].GetDouble());
    }

    [Fact]
    public async Task The_what_if_file_validates_and_compare_on_it_gives_the_same_numbers()
    {
        using var response = await _explorer.PostAsync("api/what-if.yaml", Deployment);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("what-if.yaml", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var file = Path.Combine(_dir, "what-if.yaml");
        await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());
        var validate = Explorer.Routesim("validate", file);
        Assert.True(validate.Exit == 0, validate.Error);
        Assert.Contains("Displacement tutorial (baseline) (what-if)", validate.Out);

        var target = Path.Combine(_dir, "compare-file");
        var cli = Explorer.Routesim("compare", Explorer.Baseline, file, "--out", target, "--window", "30:90", "--replications", "8", "--quiet");
        Assert.True(cli.Exit == 0, cli.Error);
        Explorer.SameAsCompare(await _explorer.CompareAsync(Deployment), target);
    }

    [Fact]
    public async Task The_comparison_download_is_the_folder_compare_writes()
    {
        using var response = await _explorer.PostAsync("api/comparison.zip", Deployment);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        var unpacked = Path.Combine(_dir, "zip");
        using (var zip = new ZipArchive(await response.Content.ReadAsStreamAsync()))
            zip.ExtractToDirectory(unpacked);
        var folder = Path.Combine(unpacked, "displacement-baseline-vs-what-if");

        var target = Path.Combine(_dir, "compare");
        var cli = Explorer.Routesim("compare", Explorer.Baseline, Path.Combine(folder, "what-if.yaml"), "--out", target, "--window", "30:90", "--replications", "8", "--quiet");
        Assert.True(cli.Exit == 0, cli.Error);
        // Everything but the manifests (times, paths, threads) is byte for byte what compare wrote.
        var written = Directory.GetFiles(target, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(target, f)).Order().ToArray();
        Assert.Equal(written.Append("what-if.yaml").Order(), Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order());
        foreach (var name in written.Where(n => !n.EndsWith("manifest.json", StringComparison.Ordinal) && n != "network.geojson"))
            Assert.True(File.ReadAllBytes(Path.Combine(target, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(folder, name))), $"{name} differs");
        // network.geojson records the routesim version, which the test server calls "test": all else is the same.
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(WithoutVersion(Path.Combine(target, "network.geojson")), WithoutVersion(Path.Combine(folder, "network.geojson"))),
            "network.geojson differs");
        var manifest = RouteSim.Results.ComparisonManifest.FromJson(File.ReadAllText(Path.Combine(folder, "manifest.json")))!;
        Assert.Equal(("30:90", 8, 2025UL, "what-if.yaml"), (manifest.Window, manifest.Replications, manifest.Seed, manifest.InterventionFile));
        var compared = RouteSim.Results.ComparisonManifest.FromJson(File.ReadAllText(Path.Combine(target, "manifest.json")))!;
        Assert.Equal(compared.UnreinforcedCrossings, manifest.UnreinforcedCrossings);
        Assert.Equal(compared.StartDate, manifest.StartDate);

        // The zip was made in the server's own folder and is gone once sent.
        Assert.Empty(Directory.GetFileSystemEntries(_explorer.Server.ScratchFolder));
    }

    private static System.Text.Json.Nodes.JsonNode WithoutVersion(string geojson)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(geojson))!;
        Assert.True(node["routesim"]!.AsObject().Remove("routesim_version"), $"{geojson}: no routesim.routesim_version");
        return node;
    }

    [Theory]
    [InlineData("""{"events": [{"period": 30, "add": {"NOWHERE": 40}}]}""", "events[0].add.NOWHERE: unknown location id 'NOWHERE'")]
    [InlineData("""{"events": [{"period": 30, "set": {"PORT": -5}}]}""", "events[0].set.PORT: units must be zero or more, got -5")]
    [InlineData("""{"events": [{"period": 90, "add": {"PORT": 1}}]}""", "events[0].period: 90 is out of range; the scenario has periods 0 to 89")]
    [InlineData("""{"events": [{"period": -1, "add": {"PORT": 1}}]}""", "events[0].period: -1 is out of range")]
    [InlineData("""{"events": [{"add": {"PORT": 1}}]}""", "events[0]: period is missing")]
    [InlineData("""{"events": [{"period": 3}]}""", "events[0]: give \"add\" or \"set\"")]
    [InlineData("""{"events": [{"period": 3, "add": {"PORT": "many"}}]}""", "events[0].add.PORT: expected a number of units")]
    [InlineData("""{"events": [{"period": 3.5, "add": {"PORT": 1}}]}""", "events[0].period: expected a whole number, got 3.5")]
    [InlineData("""{"events": [{"period": 3, "remove": {"PORT": 1}}]}""", "events[0]: unknown key 'remove'")]
    [InlineData("""{"events": {"period": 3}}""", "events: expected a list")]
    [InlineData("""{"replications": 0}""", "replications: 0 is out of range")]
    [InlineData("""{"replications": 1000000}""", "replications: 1000000 is out of range")]
    [InlineData("""{"window": [60, 30]}""", "window: [60, 30] must satisfy 0 <= from < to <= 90")]
    [InlineData("""{"window": [0, 91]}""", "window: [0, 91] must satisfy")]
    [InlineData("""{"window": 5}""", "window: expected [from, to]")]
    [InlineData("""{"seed": 5}""", "unknown key 'seed'")]
    [InlineData("""{"events": [""", "malformed JSON:")]
    [InlineData("""not json""", "malformed JSON:")]
    [InlineData("", "malformed JSON:")]
    [InlineData("[]", "the body must be a JSON object")]
    public async Task Bad_requests_get_400_and_one_line_naming_the_problem(string body, string message)
    {
        foreach (var path in new[] { "api/compare", "api/compare?progress=1", "api/what-if.yaml", "api/comparison.zip" })
        {
            using var response = await _explorer.PostAsync(path, body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
            Assert.StartsWith(message, text);
            Assert.Single(text.TrimEnd('\n').Split('\n'));
        }
    }

    [Fact]
    public async Task Large_bodies_get_413_whether_their_length_is_announced_or_not()
    {
        var big = "{\"events\": [" + string.Join(", ", Enumerable.Repeat("""{"period": 1, "add": {"PORT": 1}}""", 3000)) + "]}";
        Assert.True(Encoding.UTF8.GetByteCount(big) > new ExplorerOptions("x").MaxBodyBytes);
        using (var announced = await _explorer.PostAsync("api/compare", big))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, announced.StatusCode);
            Assert.Equal("request body too large: at most 65,536 bytes\n", await announced.Content.ReadAsStringAsync());
        }
        // Chunked, with no length announced: Kestrel stops reading at the limit. HttpClient gives up on a
        // connection the server closes while it is still sending, so this one is spoken over a plain socket.
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync("127.0.0.1", _explorer.Url.Port);
        var stream = socket.GetStream();
        var bytes = Encoding.UTF8.GetBytes(big);
        var request = new StringBuilder($"POST /api/compare HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()));
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{bytes.Length:X}\r\n"));
            await stream.WriteAsync(bytes);
            await stream.WriteAsync(Encoding.ASCII.GetBytes("\r\n0\r\n\r\n"));
        }
        catch (IOException)
        {
            // The server may close its side once it has answered.
        }
        var answer = await new StreamReader(stream).ReadToEndAsync();
        Assert.StartsWith("HTTP/1.1 413 ", answer);
        Assert.EndsWith("\r\n\r\nrequest body too large: at most 65,536 bytes\n", answer);
    }

    [Fact]
    public async Task Bodies_not_sent_as_JSON_get_415_and_other_hosts_400()
    {
        using var form = await _explorer.Http.PostAsync("api/compare", new StringContent(Deployment, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal("send the body as JSON (Content-Type: application/json)\n", await form.Content.ReadAsStringAsync());

        var rebound = new HttpRequestMessage(HttpMethod.Get, "api/scenario");
        rebound.Headers.Host = "attacker.example";
        using var refused = await _explorer.Http.SendAsync(rebound);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("unexpected Host 'attacker.example'", await refused.Content.ReadAsStringAsync());
        var local = new HttpRequestMessage(HttpMethod.Get, "api/scenario");
        local.Headers.Host = $"localhost:{_explorer.Url.Port}";
        using var accepted = await _explorer.Http.SendAsync(local);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Unknown_paths_get_404_and_wrong_methods_405()
    {
        using var missing = await _explorer.Http.GetAsync("nothing-here.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var traversal = await _explorer.Http.GetAsync("vendor/../../RouteSim.Server.csproj");
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
        using var get = await _explorer.Http.GetAsync("api/compare");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal("GET /api/compare: use POST with a JSON body\n", await get.Content.ReadAsStringAsync());
        using var post = await _explorer.PostAsync("api/scenario", "{}");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    [Fact]
    public async Task Progress_lines_end_with_the_same_answer()
    {
        using var response = await _explorer.PostAsync("api/compare?progress=1", Deployment);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var progress = lines[..^1].Select(l => l.GetProperty("progress")).ToArray();
        Assert.NotEmpty(progress);
        Assert.All(progress, p => Assert.Equal(16, p.GetProperty("total").GetInt32()));
        Assert.Equal(16, progress[^1].GetProperty("done").GetInt32());
        var done = progress.Select(p => p.GetProperty("done").GetInt32()).ToArray();
        Assert.Equal(done.Order(), done);
        var streamed = lines[^1].GetProperty("result");
        var plain = await _explorer.CompareAsync(Deployment);
        Assert.Equal(plain.GetProperty("measures").GetRawText(), streamed.GetProperty("measures").GetRawText());
    }

    /// <summary>A page's new request cancels its running one; another page's request is left alone.</summary>
    [Fact]
    public async Task A_new_request_from_the_same_page_cancels_the_running_one()
    {
        using var first = await _explorer.PostAsync("api/compare?progress=1", Slow, client: "page-1");
        using var reader = new StreamReader(await first.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line && JsonDocument.Parse(line).RootElement.GetProperty("progress").GetProperty("waiting").GetBoolean()) { }

        using var other = await _explorer.PostAsync("api/compare", """{"replications": 2}""", client: "page-2");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(1, _explorer.Server.Queue.Running); // page-2 did not stop page-1

        using var second = await _explorer.PostAsync("api/compare", """{"replications": 2}""", client: "page-1");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        string? last = null;
        while (await reader.ReadLineAsync() is { } line) last = line;
        var error = JsonDocument.Parse(last!).RootElement.GetProperty("error").GetString();
        Assert.Equal("cancelled: a newer request from the same page replaced this one", error);
    }

    [Fact]
    public async Task A_request_the_client_abandons_stops_its_comparison()
    {
        using var cancel = new CancellationTokenSource();
        var first = await _explorer.PostAsync("api/compare?progress=1", Slow, cancellation: cancel.Token);
        using (var reader = new StreamReader(await first.Content.ReadAsStreamAsync()))
            while (await reader.ReadLineAsync() is { } line && JsonDocument.Parse(line).RootElement.GetProperty("progress").GetProperty("waiting").GetBoolean()) { }
        Assert.Equal(1, _explorer.Server.Queue.Running);
        cancel.Cancel();
        first.Dispose();
        while (_explorer.Server.Queue.Running > 0) await Task.Delay(20);
        Assert.Equal(0, _explorer.Server.Queue.Running);
    }

    [Fact]
    public async Task Too_many_waiting_requests_get_503()
    {
        await using var small = await Explorer.StartAsync(Explorer.Baseline, o => AllowSlow(o) with { MaxRunning = 1, MaxWaiting = 1 });
        using var cancel = new CancellationTokenSource();
        var running = await small.PostAsync("api/compare?progress=1", Slow, cancellation: cancel.Token);
        var reader = new StreamReader(await running.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line && JsonDocument.Parse(line).RootElement.GetProperty("progress").GetProperty("waiting").GetBoolean()) { }
        var waiting = await small.PostAsync("api/compare?progress=1", """{"replications": 2}""", cancellation: cancel.Token);
        var waitingReader = new StreamReader(await waiting.Content.ReadAsStreamAsync());
        Assert.True(JsonDocument.Parse((await waitingReader.ReadLineAsync())!).RootElement.GetProperty("progress").GetProperty("waiting").GetBoolean());

        using var refused = await small.PostAsync("api/compare", """{"replications": 2}""");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("busy: 1 comparisons are already waiting; try again shortly\n", await refused.Content.ReadAsStringAsync());
        cancel.Cancel();
        reader.Dispose();
        waitingReader.Dispose();
        running.Dispose();
        waiting.Dispose();
    }

    [Fact]
    public async Task Stopping_the_server_cancels_what_runs()
    {
        var explorer = await Explorer.StartAsync(Explorer.Baseline, AllowSlow);
        var slow = await explorer.PostAsync("api/compare?progress=1", Slow);
        var reader = new StreamReader(await slow.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line && JsonDocument.Parse(line).RootElement.GetProperty("progress").GetProperty("waiting").GetBoolean()) { }
        Assert.Equal(1, explorer.Server.Queue.Running);
        await explorer.DisposeAsync();
        Assert.Equal(0, explorer.Server.Queue.Running);
        string rest = "";
        try
        {
            rest = await reader.ReadToEndAsync();
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            // The connection closed under the reader: also no result.
        }
        Assert.DoesNotContain("\"result\"", rest); // the 100,000 replications never finished
        reader.Dispose();
        slow.Dispose();
    }

    [Fact]
    public async Task The_server_removes_its_own_folder_when_it_stops()
    {
        var explorer = await Explorer.StartAsync(Explorer.Baseline);
        var scratch = explorer.Server.ScratchFolder;
        Assert.True(Directory.Exists(scratch));
        await explorer.DisposeAsync();
        Assert.False(Directory.Exists(scratch));
    }
}
