using RouteSim.Cli.Tests.Support;
using RouteSim.Results.Sweeps;

namespace RouteSim.Cli.Tests;

public sealed class SweepCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("routesim-sweep-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out(string name) => Path.Combine(_dir, name);

    [Fact]
    public void A_sweep_writes_one_row_per_point_and_replication_a_point_summary_and_its_description()
    {
        var sweep = Sweeps.Write(_dir, "{ kind: lhs, points: 5 }", replications: 3);
        var result = Routesim.Run("sweep", sweep, "--out", Out("s"));
        Assert.True(result.Exit == 0, result.Error);
        var runs = File.ReadAllLines(Path.Combine(Out("s"), "runs.csv"));
        Assert.Equal("index,point,replication,seed,effectiveness,temperature,danger,deaths,desert_flow,ratio", runs[0]);
        Assert.Equal(1 + 15, runs.Length);
        var points = File.ReadAllLines(Path.Combine(Out("s"), "points.csv"));
        Assert.Equal(1 + 5, points.Length);
        Assert.StartsWith("point,effectiveness,temperature,danger,deaths_mean,deaths_sd,deaths_ci_low,deaths_ci_high,deaths_n,", points[0]);
        var document = SweepDocument.FromJson(File.ReadAllText(Path.Combine(Out("s"), "sweep.json")))!;
        Assert.Equal(("lhs", 5, 3, 15L), (document.Design, document.Points, document.Replications, document.WorkItems));
        var manifest = SweepManifest.FromJson(File.ReadAllText(Path.Combine(Out("s"), "manifest.json")))!;
        Assert.Null(manifest.Shard);
        Assert.Equal(15, manifest.Rows);
        Assert.Contains("15 work items", result.Out);
    }

    [Fact]
    public void A_sweep_report_plots_every_outcome_against_every_parameter()
    {
        var sweep = Sweeps.Write(_dir, "{ kind: lhs, points: 6 }");
        Assert.Equal(0, Routesim.Run("sweep", sweep, "--out", Out("s"), "--quiet").Exit);
        var result = Routesim.Run("report", Out("s"));
        Assert.True(result.Exit == 0, result.Error);
        var figures = Directory.GetFiles(Path.Combine(Out("s"), "figures"), "*.png").Select(Path.GetFileName).ToArray();
        Assert.Equal(3 * 3, figures.Length);
        Assert.Contains("scatter-deaths-effectiveness.png", figures);
        Assert.Contains("6 points (lhs design) x 2 replications = 12 runs", File.ReadAllText(Path.Combine(Out("s"), "report.html")));
    }

    [Fact]
    public void The_rows_do_not_depend_on_the_thread_count()
    {
        var sweep = Sweeps.Write(_dir, "{ kind: lhs, points: 4 }");
        Assert.Equal(0, Routesim.Run("sweep", sweep, "--out", Out("one"), "--threads", "1").Exit);
        Assert.Equal(0, Routesim.Run("sweep", sweep, "--out", Out("two"), "--threads", "2").Exit);
        Sweeps.SameBytes(Out("one"), Out("two"), "runs.csv", "points.csv", "sweep.json");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(40)]
    public void Shards_merged_give_the_bytes_of_the_unsharded_run(int shards)
    {
        var sweep = Sweeps.Write(_dir, "{ kind: lhs, points: 6 }", replications: 3);
        Assert.Equal(0, Routesim.Run("sweep", sweep, "--out", Out("whole")).Exit);
        for (int i = 0; i < shards; i++)
            Assert.Equal(0, Routesim.Run("sweep", sweep, "--out", Out("shards"), "--shard", $"{i}/{shards}", "--threads", (1 + i % 2).ToString(System.Globalization.CultureInfo.InvariantCulture)).Exit);
        var merged = Routesim.Run("merge", Out("shards"), "--out", Out("merged"));
        Assert.True(merged.Exit == 0, merged.Error);
        Sweeps.SameBytes(Out("whole"), Out("merged"), "runs.csv", "points.csv", "sweep.json");
    }

    [Fact]
    public void A_shard_already_complete_is_not_run_again_and_a_forced_rerun_writes_the_same_bytes()
    {
        var sweep = Sweeps.Write(_dir, "{ kind: lhs, points: 4 }");
        Assert.Equal(0, Routesim.Run("sweep", sweep, "--out", Out("shards"), "--shard", "1/2").Exit);
        var folder = Path.Combine(Out("shards"), "shard-0001-of-0002");
        var before = File.ReadAllBytes(Path.Combine(folder, "runs.csv"));
        var again = Routesim.Run("sweep", sweep, "--out", Out("shards"), "--shard", "1/2");
        Assert.Equal(0, again.Exit);
        Assert.Contains("already complete", again.Out);
        Assert.Equal(0, Routesim.Run("sweep", sweep, "--out", Out("shards"), "--shard", "1/2", "--force").Exit);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(folder, "runs.csv")));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[null]")]
    [InlineData("[{ \"name\": \"../../etc/passwd\", \"bytes\": 1, \"sha256\": \"00\" }]")]
    public void A_shard_whose_manifest_lists_its_files_wrongly_is_recomputed(string files)
    {
        var sweep = Sweeps.Write(_dir, "{ kind: lhs, points: 4 }");
        Assert.Equal(0, Routesim.Run("sweep", sweep, "--out", Out("shards"), "--shard", "1/2", "--quiet").Exit);
        var folder = Path.Combine(Out("shards"), "shard-0001-of-0002");
        var before = File.ReadAllBytes(Path.Combine(folder, "runs.csv"));
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")))!.AsObject();
        manifest["files"] = System.Text.Json.Nodes.JsonNode.Parse(files);
        File.WriteAllText(Path.Combine(folder, "manifest.json"), manifest.ToJsonString());
        var again = Routesim.Run("sweep", sweep, "--out", Out("shards"), "--shard", "1/2");
        Assert.True(again.Exit == 0, again.Error);
        Assert.DoesNotContain("already complete", again.Out);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(folder, "runs.csv")));
        Assert.NotEmpty(SweepManifest.FromJson(File.ReadAllText(Path.Combine(folder, "manifest.json")))!.Files);
    }

    [Theory]
    [InlineData("3/3")]
    [InlineData("-1/3")]
    [InlineData("1/0")]
    [InlineData("one/two")]
    public void A_bad_shard_is_a_usage_error(string shard)
    {
        var sweep = Sweeps.Write(_dir, "{ kind: lhs, points: 4 }");
        var result = Routesim.Run("sweep", sweep, "--shard", shard, "--out", Out("x"));
        Assert.Equal(2, result.Exit);
        Assert.Contains("--shard", result.Error);
        Assert.False(Directory.Exists(Out("x")));
    }

    [Fact]
    public void A_bad_sweep_file_gets_one_located_line_per_problem_and_writes_nothing()
    {
        var sweep = Sweeps.WriteFile(_dir, "bad.yaml", Sweeps.Write(_dir, "{ kind: lhs, points: 4 }") is { } good
            ? File.ReadAllText(good).Replace("min: 0.2, max: 0.8", "min: 0.8, max: 0.2", StringComparison.Ordinal).Replace("seed: 5", "seed: -5", StringComparison.Ordinal)
            : "");
        var result = Routesim.Run("sweep", sweep, "--out", Out("bad"));
        Assert.Equal(1, result.Exit);
        var lines = result.Error.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.StartsWith($"{sweep}:5:", StringComparison.Ordinal) && l.Contains("seed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("max must be greater than min", StringComparison.Ordinal));
        Routesim.AssertNoStackTrace(result.Error);
        Assert.False(Directory.Exists(Out("bad")));
    }

    [Fact]
    public void A_point_whose_values_make_an_invalid_scenario_stops_the_sweep_with_one_line_and_no_results()
    {
        var sweep = Sweeps.WriteFile(_dir, "withdrawal.yaml", $$"""
            name: withdrawal
            scenario: {{Sweeps.Deployment}}
            replications: 1
            seed: 5
            design: { kind: grid }
            parameters:
              - { path: "enforcement.events[0].add.PORT", name: deployment, values: [40, -10] }
            outcomes:
              - { name: deaths, metric: deaths }
            """);
        var result = Routesim.Run("sweep", sweep, "--out", Out("w"));
        Assert.Equal(1, result.Exit);
        var line = Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains("point 1", line);
        Assert.Contains("enforcement.events[0].add.PORT = -10", line);
        Routesim.AssertNoStackTrace(result.Error);
        Assert.False(Directory.Exists(Out("w")));
    }

    [Fact]
    public void A_missing_sweep_file_is_named()
    {
        var result = Routesim.Run("sweep", Path.Combine(_dir, "nowhere.yaml"));
        Assert.Equal(1, result.Exit);
        Assert.Contains("nowhere.yaml: file not found", result.Error);
    }
}
