using System.Globalization;
using System.Net;
using RouteSim.Server.Tests.Support;

namespace RouteSim.Server.Tests;

[CollectionDefinition(nameof(LoadTests), DisableParallelization = true)]
public sealed class LoadCollection;

/// <summary>
/// A bounded loopback load test: 20 different what-ifs at once, each answer equal to <c>routesim compare</c> on
/// the same files and seed; never more comparisons running than the limit, and nothing kept once answered.
/// Runs alone (no other test class at the same time), so the heap it measures is its own.
/// </summary>
[Collection(nameof(LoadTests))]
public sealed class LoadTests : IAsyncLifetime
{
    private const int Requests = 20;
    private const int Replications = 4;
    private Explorer _explorer = null!;
    private readonly string _dir = Directory.CreateTempSubdirectory("routesim-serve-load-").FullName;

    public async Task InitializeAsync() => _explorer = await Explorer.StartAsync(Explorer.Baseline);

    public async Task DisposeAsync()
    {
        await _explorer.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private static string WhatIf(int i)
    {
        string at = (i % 3) switch { 0 => "PORT", 1 => "FENCE", _ => "DESERT" };
        return string.Create(CultureInfo.InvariantCulture,
            $"{{\"events\": [{{\"period\": {10 + i}, \"add\": {{\"{at}\": {5 * (i + 1)}}}}}, {{\"period\": {40 + i}, \"set\": {{\"PORT\": {i}}}}}], " +
            $"\"replications\": {Replications}, \"window\": [{i}, {60 + i}]}}");
    }

    /// <summary>The heap that 20 what-ifs of this scenario take when kept (what a leak per request would hold).</summary>
    private static long KeptWhatIfBytes()
    {
        var options = RouteSim.Scenarios.LoadOptions.Unlimited;
        var baseline = BaselineScenario.Open(Explorer.Baseline, options, out _)!;
        long bare = GC.GetTotalMemory(forceFullCollection: true);
        var kept = Enumerable.Range(0, Requests).Select(i =>
        {
            var request = WhatIfRequest.Read(System.Text.Encoding.UTF8.GetBytes(WhatIf(i)), baseline.Scenario, 1, 1000, out _)!;
            return WhatIfScenario.Build(baseline, request.Events, "test", options);
        }).ToArray();
        long held = GC.GetTotalMemory(forceFullCollection: true) - bare;
        GC.KeepAlive(kept);
        return held;
    }

    private Task<System.Text.Json.JsonElement[]> Burst() =>
        Task.WhenAll(Enumerable.Range(0, Requests).Select(i => Task.Run(() => _explorer.CompareAsync(WhatIf(i)))));

    [Fact]
    public async Task Twenty_concurrent_what_ifs_each_answer_as_compare_does_within_the_bound()
    {
        var answers = await Burst();
        Assert.Equal(_explorer.Server.Queue.MaxRunning, _explorer.Server.Queue.PeakRunning);
        Assert.Equal(0, _explorer.Server.Queue.Running);

        // Memory: each running comparison holds at most its threads' replications (the engine's bound), and at
        // most MaxRunning run (above). Nothing per request may be kept once answered. The first bursts grow
        // connection pools and caches (by about a MB here); after a second one the heap must stay where it is,
        // under half of what keeping each request's what-if (model and text) would add. Twenty bursts, so that a leak
        // (which grows with every request: about 4.6 MB here) stands well clear of the collector's own noise, which
        // does not grow with the bursts and reached 0.8 MB in one CI run (six bursts left too small a margin).
        var again = await Burst();
        for (int i = 0; i < Requests; i++) Assert.Equal(answers[i].GetProperty("measures").GetRawText(), again[i].GetProperty("measures").GetRawText());
        again = null;
        long warm = GC.GetTotalMemory(forceFullCollection: true);
        const int bursts = 20;
        for (int b = 0; b < bursts; b++) await Burst();
        long kept = GC.GetTotalMemory(forceFullCollection: true) - warm;
        long leak = KeptWhatIfBytes();
        Assert.True(kept < bursts * leak / 2, $"the server kept {kept:N0} bytes over {bursts} bursts of {Requests} requests; keeping their what-ifs would be {bursts * leak:N0}");
        Assert.Empty(Directory.GetFileSystemEntries(_explorer.Server.ScratchFolder));

        for (int i = 0; i < Requests; i++)
        {
            using var response = await _explorer.PostAsync("api/what-if.yaml", WhatIf(i));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var file = Path.Combine(_dir, $"what-if-{i}.yaml");
            await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());
            var target = Path.Combine(_dir, $"compare-{i}");
            var cli = Explorer.Routesim("compare", Explorer.Baseline, file, "--out", target, "--seed", "2025",
                "--replications", Replications.ToString(CultureInfo.InvariantCulture), "--window", $"{i}:{60 + i}", "--quiet");
            Assert.True(cli.Exit == 0, cli.Error);
            Explorer.SameAsCompare(answers[i], target);
        }
    }
}
