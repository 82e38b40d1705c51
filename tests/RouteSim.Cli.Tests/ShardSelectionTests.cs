using RouteSim.Cli.Commands;

namespace RouteSim.Cli.Tests;

public class ShardSelectionTests
{
    private static (int, int)? Resolve(string? option, int? count, Dictionary<string, string> env, out string? problem) =>
        ShardSelection.Resolve(option, count, k => env.GetValueOrDefault(k), out problem, out _);

    /// <summary>What Slurm 23.11 sets in a task of the array (as printed by a real cluster's tasks): id, count, min, max, step; null = unset.</summary>
    private static Dictionary<string, string> Slurm(int id, int? count, int? min, int? max, int? step, params (string, string)[] more)
    {
        var env = new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        void Put(string name, int? value) { if (value is { } v) env[name] = v.ToString(System.Globalization.CultureInfo.InvariantCulture); }
        Put("SLURM_ARRAY_TASK_COUNT", count);
        Put("SLURM_ARRAY_TASK_MIN", min);
        Put("SLURM_ARRAY_TASK_MAX", max);
        Put("SLURM_ARRAY_TASK_STEP", step);
        foreach (var (k, v) in more) env[k] = v;
        return env;
    }

    [Fact]
    public void Nothing_set_means_the_whole_sweep()
    {
        Assert.Null(Resolve(null, null, [], out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void The_option_wins_over_the_environment() =>
        Assert.Equal((2, 5), Resolve("2/5", null, Slurm(1, 3, 0, 2, 1), out _));

    // Each array form sbatch allows, with the variables Slurm sets for it, and the shard each task must run.
    [Theory]
    [InlineData("0-3", 4, 0, 3, 1, new[] { 0, 1, 2, 3 })]
    [InlineData("1-8", 8, 1, 8, 1, new[] { 1, 2, 3, 4, 5, 6, 7, 8 })]
    [InlineData("0-15:4", 4, 0, 12, 4, new[] { 0, 4, 8, 12 })]
    [InlineData("1-7:2", 4, 1, 7, 2, new[] { 1, 3, 5, 7 })]
    [InlineData("0-9%2", 10, 0, 9, 1, new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    public void Every_task_of_a_regular_array_runs_its_rank_among_the_tasks(string spec, int count, int min, int max, int step, int[] ids)
    {
        for (int rank = 0; rank < ids.Length; rank++)
        {
            Assert.True(Resolve(null, null, Slurm(ids[rank], count, min, max, step), out var problem) == (rank, count), $"--array={spec} task {ids[rank]}: {problem}");
            // Without STEP (older Slurm) a contiguous range is still unambiguous; a stepped one is not.
            var withoutStep = Resolve(null, null, Slurm(ids[rank], count, min, max, null), out problem);
            if (step == 1) Assert.Equal((rank, count), withoutStep);
            else Assert.Null(withoutStep);
        }
    }

    // Lists (Slurm sets STEP=1 for them), single tasks and ranges starting above 1 look like reruns of some tasks
    // of a larger array: every task refuses alike, saying how to name the shards.
    [Theory]
    [InlineData("1,3,5", 3, 1, 5, 1, new[] { 1, 3, 5 })]
    [InlineData("0,1,5", 3, 0, 5, 1, new[] { 0, 1, 5 })]
    [InlineData("2-4,9", 4, 2, 9, 1, new[] { 2, 3, 4, 9 })]
    [InlineData("3", 1, 3, 3, 1, new[] { 3 })]
    [InlineData("0", 1, 0, 0, 1, new[] { 0 })]
    [InlineData("4-7", 4, 4, 7, 1, new[] { 4, 5, 6, 7 })]
    public void Every_task_of_an_array_that_cannot_say_its_shards_refuses(string spec, int count, int min, int max, int step, int[] ids)
    {
        foreach (int id in ids)
        {
            Assert.True(Resolve(null, null, Slurm(id, count, min, max, step), out var problem) is null, $"--array={spec} task {id} ran");
            Assert.Contains(ShardSelection.ArrayVariable + "=", problem);
            Assert.DoesNotContain('\n', problem!);
        }
    }

    [Fact]
    public void Without_a_count_every_task_refuses()
    {
        // The issue's --array=1,3,5 on a Slurm that sets only MIN and MAX: formerly shards 0, 2 and 4 of 5.
        foreach (int id in new[] { 1, 3, 5 })
        {
            Assert.Null(Resolve(null, null, Slurm(id, null, 1, 5, null), out var problem));
            Assert.Contains("the number of shards is unknown", problem);
        }
        Assert.Null(Resolve(null, null, Slurm(1, null, null, null, null), out _));
    }

    [Fact]
    public void A_rerun_of_failed_tasks_by_list_computes_exactly_those_shards()
    {
        // First submitted as --array=0-15:4 (shards 0-3 of 4); tasks 4 and 12 failed; rerun as --array=4,12.
        var first = ("ROUTESIM_ARRAY", "0-15:4");
        Assert.Equal((1, 4), Resolve(null, null, Slurm(4, 2, 4, 12, 1, first), out _));
        Assert.Equal((3, 4), Resolve(null, null, Slurm(12, 2, 4, 12, 1, first), out _));
        // First submitted as --array=0-63; tasks 5, 17 and 40 rerun, the count named instead of the array.
        foreach (int id in new[] { 5, 17, 40 })
        {
            Assert.Equal((id, 64), Resolve(null, null, Slurm(id, 3, 5, 40, 1, ("ROUTESIM_SHARD_COUNT", "64")), out _));
            Assert.Equal((id, 64), Resolve(null, 64, Slurm(id, 3, 5, 40, 1), out _));
        }
        // A single failed task of --array=1-8 (shard 2 of 8).
        Assert.Equal((2, 8), Resolve(null, null, Slurm(3, 1, 3, 3, 1, ("ROUTESIM_ARRAY", "1-8%4")), out _));
    }

    [Theory]
    [InlineData("0-15:4", 5, "is not one of ROUTESIM_ARRAY=0-15:4")]
    [InlineData("0-x", 1, "'0-x' is not a task id")]
    [InlineData("5-2", 3, "'5-2' is not a task id")]
    [InlineData("3:2", 3, "'3:2' is not a task id")]
    [InlineData("0-3%0", 1, "the limit after %")]
    [InlineData("0-2000000", 1, "more than 1,000,000 tasks")]
    public void A_wrong_array_name_is_refused(string array, int id, string message)
    {
        Assert.Null(Resolve(null, null, Slurm(id, 4, 0, 12, 4, ("ROUTESIM_ARRAY", array)), out var problem));
        Assert.Contains(message, problem);
    }

    [Fact]
    public void Naming_the_array_twice_is_refused()
    {
        Assert.Null(Resolve(null, null, Slurm(1, 4, 0, 3, 1, ("ROUTESIM_ARRAY", "0-3"), ("ROUTESIM_SHARD_COUNT", "4")), out var problem));
        Assert.Contains("give one", problem);
    }

    [Fact]
    public void An_array_name_outside_slurm_is_refused()
    {
        Assert.Null(Resolve(null, null, new() { ["ROUTESIM_ARRAY"] = "0-3" }, out var problem));
        Assert.Contains("not a Slurm array task", problem);
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
        Assert.Null(Resolve(null, null, new() { ["JOB_COMPLETION_INDEX"] = "3", ["ROUTESIM_SHARD_COUNT"] = "eight" }, out problem));
        Assert.Contains("ROUTESIM_SHARD_COUNT=eight is not a whole number", problem);
    }

    [Fact]
    public void A_shard_count_without_an_index_is_refused()
    {
        Assert.Null(Resolve(null, 4, [], out var problem));
        Assert.Contains("--shard-count needs", problem);
    }

    [Fact]
    public void Folder_names_sort_in_shard_order() =>
        Assert.Equal(["shard-0002-of-0012", "shard-0010-of-0012"], new[] { ShardSelection.FolderName(10, 12), ShardSelection.FolderName(2, 12) }.Order(StringComparer.Ordinal));
}
