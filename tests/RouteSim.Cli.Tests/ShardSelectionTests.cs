using RouteSim.Cli.Commands;

namespace RouteSim.Cli.Tests;

public class ShardSelectionTests
{
    private static (int, int)? Resolve(string? option, int? count, Dictionary<string, string> env, out string? problem) =>
        ShardSelection.Resolve(option, count, k => env.GetValueOrDefault(k), out problem, out _);

    [Fact]
    public void Nothing_set_means_the_whole_sweep() => Assert.Null(Resolve(null, null, [], out var p) ?? (p is null ? null : (0, 0)));

    [Fact]
    public void The_option_wins_over_the_environment() =>
        Assert.Equal((2, 5), Resolve("2/5", null, new() { ["SLURM_ARRAY_TASK_ID"] = "1", ["SLURM_ARRAY_TASK_COUNT"] = "3" }, out _));

    [Fact]
    public void A_slurm_array_gives_index_and_count() =>
        Assert.Equal((1, 3), Resolve(null, null, new() { ["SLURM_ARRAY_TASK_ID"] = "1", ["SLURM_ARRAY_TASK_COUNT"] = "3" }, out _));

    [Fact]
    public void A_slurm_array_numbered_from_one_counts_from_its_minimum() =>
        Assert.Equal((0, 8), Resolve(null, null, new() { ["SLURM_ARRAY_TASK_ID"] = "1", ["SLURM_ARRAY_TASK_MIN"] = "1", ["SLURM_ARRAY_TASK_MAX"] = "8" }, out _));

    [Fact]
    public void A_slurm_task_without_a_count_is_explained()
    {
        Assert.Null(Resolve(null, null, new() { ["SLURM_ARRAY_TASK_ID"] = "1" }, out var problem));
        Assert.Contains("SLURM_ARRAY_TASK_COUNT", problem);
    }

    [Fact]
    public void A_kubernetes_index_takes_its_count_from_the_option_or_the_variable()
    {
        Assert.Equal((3, 8), Resolve(null, 8, new() { ["JOB_COMPLETION_INDEX"] = "3" }, out _));
        Assert.Equal((3, 8), Resolve(null, null, new() { ["JOB_COMPLETION_INDEX"] = "3", ["ROUTESIM_SHARD_COUNT"] = "8" }, out _));
        Assert.Null(Resolve(null, null, new() { ["JOB_COMPLETION_INDEX"] = "3" }, out var problem));
        Assert.Contains("--shard-count or ROUTESIM_SHARD_COUNT", problem);
        Assert.Null(Resolve(null, 2, new() { ["JOB_COMPLETION_INDEX"] = "3" }, out problem));
        Assert.Contains("0 <= I < N", problem);
    }

    [Fact]
    public void Folder_names_sort_in_shard_order() =>
        Assert.Equal(["shard-0002-of-0012", "shard-0010-of-0012"], new[] { ShardSelection.FolderName(10, 12), ShardSelection.FolderName(2, 12) }.Order(StringComparer.Ordinal));
}
