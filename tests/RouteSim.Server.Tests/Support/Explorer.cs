using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RouteSim.Cli;
using RouteSim.Cli.Console;
using RouteSim.Results.Reading;

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

    /// <summary>
    /// Asserts the API's measures and locations carry exactly the numbers of a folder <c>routesim compare</c> wrote,
    /// row by row and column by column (by name, so a column compare adds is checked once the API has it too).
    /// </summary>
    public static void SameAsCompare(JsonElement answer, string folder)
    {
        SameRows(answer.GetProperty("measures"), CsvTable.Read(Path.Combine(folder, "comparison.csv")), "measure",
            text: ["measure", "note"], numbers: ["estimate", "ci_low", "ci_high"]);
        SameRows(answer.GetProperty("locations"), CsvTable.Read(Path.Combine(folder, "comparison_locations.csv")), "location",
            text: ["location"], numbers: ["flow_baseline", "flow_baseline_ci_low", "flow_baseline_ci_high", "flow_intervention",
                "flow_intervention_ci_low", "flow_intervention_ci_high", "change", "change_ci_low", "change_ci_high"]);
        foreach (var row in answer.GetProperty("measures").EnumerateArray())
            Assert.False(string.IsNullOrEmpty(row.GetProperty("commodity").GetString()));
    }

    private static void SameRows(JsonElement rows, CsvTable table, string key, string[] text, string[] numbers)
    {
        var json = rows.EnumerateArray().ToArray();
        Assert.Equal(table.Rows.Count, json.Length);
        bool hasCommodity = Has(table, "commodity");
        for (int i = 0; i < json.Length; i++)
        {
            var csv = table.Rows[i];
            string what = $"{table.Path} row {i + 1} ({csv[table.Column(key)]})";
            foreach (var column in text) Assert.Equal(csv[table.Column(column)], json[i].GetProperty(column).GetString());
            if (hasCommodity) Assert.Equal(csv[table.Column("commodity")], json[i].GetProperty("commodity").GetString());
            foreach (var column in numbers)
            {
                double expected = CsvTable.Number(csv[table.Column(column)]);
                var value = json[i].GetProperty(column);
                if (double.IsNaN(expected)) Assert.True(value.ValueKind == JsonValueKind.Null, $"{what}.{column}: compare wrote nothing, the API {value}");
                else Assert.True(value.ValueKind == JsonValueKind.Number && value.GetDouble() == expected, $"{what}.{column}: compare {expected:R}, API {value}");
            }
        }
        if (Has(table, "targeted"))
            for (int i = 0; i < json.Length; i++) Assert.Equal(table.Rows[i][table.Column("targeted")] == "true", json[i].GetProperty("targeted").GetBoolean());
        if (Has(table, "targeted_by"))
            for (int i = 0; i < json.Length; i++) Assert.Equal(table.Rows[i][table.Column("targeted_by")], json[i].GetProperty("targeted_by").GetString());
    }

    private static bool Has(CsvTable table, string column)
    {
        try
        {
            table.Column(column);
            return true;
        }
        catch (ResultsReadException)
        {
            return false;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RouteSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("RouteSim.sln not found");
    }
}
