using RouteSim.Cli.Tests.Support;

namespace RouteSim.Cli.Tests;

public sealed class MergeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("routesim-merge-").FullName;
    private readonly string _sweep;
    private readonly string _shards;

    public MergeCommandTests()
    {
        _sweep = Sweeps.Write(_dir, "{ kind: lhs, points: 4 }");
        _shards = Path.Combine(_dir, "shards");
        for (int i = 0; i < 3; i++) Assert.Equal(0, Routesim.Run("sweep", _sweep, "--out", _shards, "--shard", $"{i}/3", "--quiet").Exit);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Shard(int i, int n = 3) => Path.Combine(_shards, $"shard-{i:0000}-of-{n:0000}");

    private Routesim.Outcome Merge(params string[] folders) => Routesim.Run(["merge", .. folders, "--out", Path.Combine(_dir, "merged")]);

    private void AssertRefused(Routesim.Outcome result, string message)
    {
        Assert.Equal(1, result.Exit);
        Assert.Contains(message, result.Error);
        Routesim.AssertNoStackTrace(result.Error);
        Assert.False(Directory.Exists(Path.Combine(_dir, "merged")));
    }

    [Fact]
    public void The_shard_folders_or_their_parent_merge()
    {
        Assert.Equal(0, Merge(Shard(2), Shard(0), Shard(1)).Exit);
        Assert.Equal(0, Routesim.Run("merge", _shards, "--out", Path.Combine(_dir, "merged2")).Exit);
        Sweeps.SameBytes(Path.Combine(_dir, "merged"), Path.Combine(_dir, "merged2"), "runs.csv", "points.csv", "sweep.json");
    }

    [Fact]
    public void A_merge_into_one_of_its_own_shards_is_refused_even_with_force()
    {
        var before = File.ReadAllBytes(Path.Combine(Shard(0), "runs.csv"));
        var result = Routesim.Run("merge", Shard(0), Shard(1), Shard(2), "--out", Shard(0), "--force");
        Assert.Equal(2, result.Exit);
        Assert.Contains("is one of the shards being merged", result.Error);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(Shard(0), "runs.csv")));
    }

    [Fact]
    public void A_missing_shard_is_named() => AssertRefused(Merge(Shard(0), Shard(2)), "missing: work items 2-4 are in no shard given (shard 1 of 3)");

    [Fact]
    public void A_missing_last_shard_is_named() => AssertRefused(Merge(Shard(0), Shard(1)), "(shard 2 of 3)");

    [Fact]
    public void A_duplicated_shard_is_named() => AssertRefused(Merge(Shard(0), Shard(1), Shard(1), Shard(2)), "duplicated: shard 1 of 3 is given twice");

    [Fact]
    public void Overlapping_shards_of_different_splits_are_named()
    {
        Assert.Equal(0, Routesim.Run("sweep", _sweep, "--out", _shards, "--shard", "0/2", "--quiet").Exit);
        AssertRefused(Merge(Shard(0), Shard(1), Shard(2), Shard(0, 2)), "duplicated: work items");
    }

    [Fact]
    public void Shards_of_different_splits_that_tile_the_work_exactly_are_accepted()
    {
        // 8 items: shard 0 of 2 holds 0-3; shards 1 and 2 of 3 hold 2-4 and 5-7. Use 0/2 with 1/2 instead: tiles exactly.
        Assert.Equal(0, Routesim.Run("sweep", _sweep, "--out", _shards, "--shard", "0/2", "--quiet").Exit);
        Assert.Equal(0, Routesim.Run("sweep", _sweep, "--out", _shards, "--shard", "1/2", "--quiet").Exit);
        Assert.Equal(0, Merge(Shard(0, 2), Shard(1, 2)).Exit);
    }

    [Fact]
    public void A_shard_of_another_sweep_is_named_as_foreign()
    {
        var other = Sweeps.Write(_dir, "{ kind: lhs, points: 4 }", name: "other");
        var otherShards = Path.Combine(_dir, "other-shards");
        Assert.Equal(0, Routesim.Run("sweep", other, "--out", otherShards, "--shard", "1/3", "--quiet").Exit);
        AssertRefused(Merge(Shard(0), Path.Combine(otherShards, "shard-0001-of-0003"), Shard(2)), "belongs to another sweep");
    }

    [Fact]
    public void A_truncated_shard_is_named()
    {
        var runs = Path.Combine(Shard(1), "runs.csv");
        var lines = File.ReadAllLines(runs);
        File.WriteAllText(runs, string.Join('\n', lines[..^1]) + "\n");
        AssertRefused(Merge(Shard(0), Shard(1), Shard(2)), "truncated: 2 rows of 3");
    }

    [Fact]
    public void A_shard_with_rows_beyond_its_items_is_named()
    {
        var extra = File.ReadAllLines(Path.Combine(Shard(2), "runs.csv"))[1];
        File.AppendAllText(Path.Combine(Shard(1), "runs.csv"), extra + "\n");
        AssertRefused(Merge(Shard(0), Shard(1), Shard(2)), "rows beyond the shard's items 2-4");
    }

    [Fact]
    public void A_shard_cut_off_mid_line_is_named()
    {
        var runs = Path.Combine(Shard(1), "runs.csv");
        var text = File.ReadAllText(runs);
        File.WriteAllText(runs, text[..^7]);
        AssertRefused(Merge(Shard(0), Shard(1), Shard(2)), "truncated (the last line is cut off)");
    }

    [Fact]
    public void A_shard_whose_rows_were_edited_is_named()
    {
        var runs = Path.Combine(Shard(1), "runs.csv");
        var lines = File.ReadAllLines(runs);
        lines[1] = "99" + lines[1][lines[1].IndexOf(',', StringComparison.Ordinal)..];
        File.WriteAllText(runs, string.Join('\n', lines) + "\n");
        AssertRefused(Merge(Shard(0), Shard(1), Shard(2)), "expected the row of work item 2");
    }

    [Fact]
    public void A_shard_whose_manifest_and_description_disagree_is_named()
    {
        var manifest = Path.Combine(Shard(1), "manifest.json");
        var text = File.ReadAllText(manifest);
        int at = text.IndexOf("\"sweep_sha256\": \"", StringComparison.Ordinal) + 17;
        File.WriteAllText(manifest, text[..at] + "0000" + text[(at + 4)..]);
        AssertRefused(Merge(Shard(0), Shard(1), Shard(2)), "its manifest names sweep 0000");
    }

    [Fact]
    public void An_unfinished_shard_is_named()
    {
        File.Delete(Path.Combine(Shard(1), "manifest.json"));
        AssertRefused(Merge(Shard(0), Shard(1), Shard(2)), "not a complete shard");
    }

    [Fact]
    public void A_whole_sweep_is_not_a_shard()
    {
        Assert.Equal(0, Routesim.Run("sweep", _sweep, "--out", Path.Combine(_dir, "whole"), "--quiet").Exit);
        AssertRefused(Merge(Shard(0), Path.Combine(_dir, "whole")), "a whole sweep, not a shard");
    }

    /// <summary>Replaces one cell of data row <paramref name="row"/> (1-based, after the header) of a shard's runs.csv.</summary>
    private void EditCell(int shard, int row, string column, Func<string, string> change)
    {
        var runs = Path.Combine(Shard(shard), "runs.csv");
        var lines = File.ReadAllLines(runs);
        int c = Array.IndexOf(lines[0].Split(','), column);
        var fields = lines[row].Split(',');
        fields[c] = change(fields[c]);
        lines[row] = string.Join(',', fields);
        File.WriteAllText(runs, string.Join('\n', lines) + "\n");
    }

    /// <summary>The merge refuses with exit 1, one line naming the place, and writes nothing.</summary>
    private void AssertOneLine(string place, string message)
    {
        var result = Merge(Shard(0), Shard(1), Shard(2));
        AssertRefused(result, message);
        var line = Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains(place, line);
    }

    private string Row(int shard, int row) => Path.Combine(Shard(shard), "runs.csv") + ":" + (row + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    // The issue's damaged sets, each refused with one line naming the file and row.

    [Fact]
    public void An_outcome_changed_by_a_thousand_is_named() =>
        Refused(() => EditCell(1, 2, "deaths", v => (double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) + 1000).ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
            Row(1, 2), "is not the one the shard wrote");

    [Fact]
    public void An_outcome_changed_to_nan_is_named() => Refused(() => EditCell(1, 1, "deaths", _ => "NaN"), Row(1, 1), "which routesim does not write");

    [Fact]
    public void An_outcome_emptied_is_named() => Refused(() => EditCell(2, 1, "desert_flow", _ => ""), Row(2, 1), "is not the one the shard wrote");

    [Fact]
    public void A_word_in_a_number_cell_is_named() => Refused(() => EditCell(0, 1, "ratio", _ => "high"), Row(0, 1), "ratio is 'high', not a number");

    [Fact]
    public void A_row_moved_to_another_point_is_named() => Refused(() => EditCell(1, 1, "point", _ => "2"), Row(1, 1), "but work item 2 is of point 1");

    [Fact]
    public void A_point_number_out_of_range_is_named() => Refused(() => EditCell(2, 1, "point", _ => "99999999999"), Row(2, 1), "point is '99999999999'");

    [Fact]
    public void A_changed_seed_is_named() => Refused(() => EditCell(1, 3, "seed", _ => "1"), Row(1, 3), "seed is '1'");

    [Fact]
    public void A_changed_parameter_value_is_named() => Refused(() => EditCell(0, 2, "danger", _ => "0.05"), Row(0, 2), "danger is '0.05', but point 0 of the design has");

    [Fact]
    public void A_runs_file_replaced_by_another_sweeps_shard_of_the_same_items_is_named()
    {
        // Same parameters, outcomes and items; another seed: every column lines up, only the numbers differ.
        var other = Sweeps.WriteFile(_dir, "other.yaml", File.ReadAllText(_sweep).Replace("seed: 5", "seed: 6", StringComparison.Ordinal));
        var otherShards = Path.Combine(_dir, "other-shards");
        Assert.Equal(0, Routesim.Run("sweep", other, "--out", otherShards, "--shard", "1/3", "--quiet").Exit);
        File.Copy(Path.Combine(otherShards, "shard-0001-of-0003", "runs.csv"), Path.Combine(Shard(1), "runs.csv"), overwrite: true);
        AssertOneLine(Row(1, 1), "seed is");
    }

    [Fact]
    public void A_runs_file_replaced_by_one_of_a_design_with_other_values_is_named()
    {
        var other = Sweeps.WriteFile(_dir, "other.yaml", File.ReadAllText(_sweep).Replace("max: 0.06", "max: 0.07", StringComparison.Ordinal));
        var otherShards = Path.Combine(_dir, "other-shards");
        Assert.Equal(0, Routesim.Run("sweep", other, "--out", otherShards, "--shard", "1/3", "--quiet").Exit);
        File.Copy(Path.Combine(otherShards, "shard-0001-of-0003", "runs.csv"), Path.Combine(Shard(1), "runs.csv"), overwrite: true);
        AssertOneLine(Row(1, 1), "but point 1 of the design has");
    }

    [Theory]
    [InlineData("\"count\": 3", "\"count\": 0", "shard 1 of 0 is not a shard")]
    [InlineData("\"index\": 1", "\"index\": 7", "shard 7 of 3 is not a shard")]
    [InlineData("\"rows\": 3", "\"rows\": 0", "rows 0, but shard 1 of 3 holds items 2-4")]
    [InlineData("\"row_sha256\": \"", "\"row_sha256\": \"AAAA", "row digests")]
    public void A_damaged_manifest_is_named(string from, string to, string message)
    {
        var manifest = Path.Combine(Shard(1), "manifest.json");
        var text = File.ReadAllText(manifest);
        Assert.Contains(from, text);
        File.WriteAllText(manifest, text.Replace(from, to, StringComparison.Ordinal));
        AssertOneLine(manifest, message);
    }

    [Fact]
    public void A_manifest_without_digests_is_named()
    {
        var manifest = Path.Combine(Shard(2), "manifest.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))!.AsObject();
        json.Remove("files");
        File.WriteAllText(manifest, json.ToJsonString());
        AssertOneLine(manifest, "records no SHA-256");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("[1, 2]")]
    public void An_emptied_or_replaced_sweep_description_is_named(string text)
    {
        File.WriteAllText(Path.Combine(Shard(1), "sweep.json"), text);
        AssertOneLine(Path.Combine(Shard(1), "sweep.json"), "it was changed since");
    }

    [Fact]
    public void A_sweep_description_edited_in_every_shard_is_named()
    {
        // The digests catch a file changed alone; an edit made alike everywhere (manifests too) meets the sweep's own checks.
        for (int i = 0; i < 3; i++)
        {
            var sweepJson = Path.Combine(Shard(i), "sweep.json");
            File.WriteAllText(sweepJson, File.ReadAllText(sweepJson).Replace("\"replications\": 2", "\"replications\": 5", StringComparison.Ordinal));
            var manifest = Path.Combine(Shard(i), "manifest.json");
            var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))!.AsObject();
            json.Remove("files");
            json["files"] = new System.Text.Json.Nodes.JsonArray(Directory.GetFiles(Shard(i)).Where(f => !f.EndsWith("manifest.json", StringComparison.Ordinal))
                .Select(f => System.Text.Json.JsonSerializer.SerializeToNode(RouteSim.Results.Sweeps.ContentDigests.Of(Shard(i), Path.GetFileName(f)), RouteSim.Results.RunManifest.JsonOptions)).ToArray());
            File.WriteAllText(manifest, json.ToJsonString());
        }
        AssertOneLine(Path.Combine(Shard(0), "sweep.json"), "do not make its 8 work items");
    }

    [Fact]
    public void Shards_left_unchanged_still_merge_after_all_these_checks()
    {
        var merged = Merge(Shard(0), Shard(1), Shard(2));
        Assert.True(merged.Exit == 0, merged.Error);
        var manifest = RouteSim.Results.Sweeps.SweepManifest.FromJson(File.ReadAllText(Path.Combine(_dir, "merged", "manifest.json")))!;
        Assert.Equal(["runs.csv", "sweep.json", "points.csv"], manifest.Files.Select(f => f.Name));
        Assert.Equal(RouteSim.Results.Sweeps.ContentDigests.Of(Path.Combine(_dir, "merged"), "runs.csv"), manifest.Files[0]);
    }

    private void Refused(Action damage, string place, string message)
    {
        damage();
        AssertOneLine(place, message);
    }

    [Fact]
    public void A_folder_that_does_not_exist_is_named() => AssertRefused(Merge(Shard(0), Path.Combine(_dir, "nowhere")), "nowhere: folder not found");
}
