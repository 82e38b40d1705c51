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

    [Fact]
    public void A_folder_that_does_not_exist_is_named() => AssertRefused(Merge(Shard(0), Path.Combine(_dir, "nowhere")), "nowhere: folder not found");
}
