using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RouteSim.Cli;
using RouteSim.Cli.Console;

namespace RouteSim.Server.Tests.Support;

/// <summary>A real <see cref="ExplorerServer"/> (Kestrel on a free loopback port) over a scenario, with a client.</summary>
public sealed class Explorer : IAsyncDisposable
{
    private Explorer(ExplorerServer server, Uri url)
    {
        Server = server;
        Url = url;
        Http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(5) };
    }

    public ExplorerServer Server { get; }

    public Uri Url { get; }

    public HttpClient Http { get; }

    public static string RepoRoot { get; } = FindRoot();

    public static string Baseline => Path.Combine(RepoRoot, "scenarios", "tutorial", "displacement-baseline.yaml");

    public static string Deployment => Path.Combine(RepoRoot, "scenarios", "tutorial", "displacement-deployment.yaml");

    public static async Task<Explorer> StartAsync(string scenario, Func<ExplorerOptions, ExplorerOptions>? configure = null)
    {
        var options = new ExplorerOptions(scenario) { Port = 0, Version = "test" };
        if (configure is not null) options = configure(options);
        var server = ExplorerServer.Create(options, out var errors) ?? throw new InvalidOperationException(string.Join("; ", errors));
        var url = await server.StartAsync();
        return new Explorer(server, url);
    }

    /// <summary>POSTs a JSON body (optionally as a client of the given key).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, string json, string? client = null, CancellationToken cancellation = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (client is not null) request.Headers.Add(ExplorerServer.ClientHeader, client);
        return Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
    }

    public async Task<JsonElement> CompareAsync(string json)
    {
        using var response = await PostAsync("api/compare", json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal(new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }, response.Content.Headers.ContentType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>Runs routesim in-process; returns exit code and both streams.</summary>
    public static (int Exit, string Out, string Error) Routesim(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = RouteSimApp.Execute(args, new Terminal(output, error, interactive: false));
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Asserts the API's measures and locations carry exactly the numbers of a folder <c>routesim compare</c> wrote.</summary>
    public static void SameAsCompare(JsonElement answer, string folder)
    {
        var measures = File.ReadAllLines(Path.Combine(folder, "comparison.csv")).Skip(1).Select(Csv).ToArray();
        var rows = answer.GetProperty("measures").EnumerateArray().ToArray();
        Assert.Equal(measures.Length, rows.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            var m = measures[i];
            var row = rows[i];
            Assert.Equal(m[0], row.GetProperty("measure").GetString());
            Assert.Equal("all", row.GetProperty("commodity").GetString());
            Same(m[1], row.GetProperty("estimate"), m[0]);
            Same(m[2], row.GetProperty("ci_low"), m[0]);
            Same(m[3], row.GetProperty("ci_high"), m[0]);
            Assert.Equal(m[5], row.GetProperty("note").GetString());
        }

        var locations = File.ReadAllLines(Path.Combine(folder, "comparison_locations.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        var places = answer.GetProperty("locations").EnumerateArray().ToArray();
        Assert.Equal(locations.Length, places.Length);
        string[] columns = ["flow_baseline", "flow_baseline_ci_low", "flow_baseline_ci_high", "flow_intervention", "flow_intervention_ci_low",
            "flow_intervention_ci_high", "change", "change_ci_low", "change_ci_high"];
        for (int i = 0; i < places.Length; i++)
        {
            Assert.Equal(locations[i][0], places[i].GetProperty("location").GetString());
            Assert.Equal(locations[i][1] == "true", places[i].GetProperty("targeted").GetBoolean());
            for (int c = 0; c < columns.Length; c++) Same(locations[i][2 + c], places[i].GetProperty(columns[c]), $"{locations[i][0]}.{columns[c]}");
        }
    }

    private static void Same(string csv, JsonElement json, string what)
    {
        if (csv.Length == 0) Assert.True(json.ValueKind == JsonValueKind.Null, $"{what}: compare wrote nothing, the API {json}");
        else Assert.True(double.Parse(csv, System.Globalization.CultureInfo.InvariantCulture) == json.GetDouble(), $"{what}: compare {csv}, API {json}");
    }

    // comparison.csv quotes only notes, which hold no comma-quote pairs; split on the first five commas.
    private static string[] Csv(string line)
    {
        var parts = line.Split(',', 6);
        if (parts.Length == 6 && parts[5].StartsWith('"')) parts[5] = parts[5][1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
        return parts;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RouteSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("RouteSim.sln not found");
    }
}
