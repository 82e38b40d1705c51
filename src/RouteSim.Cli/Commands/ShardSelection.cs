using System.Globalization;

namespace RouteSim.Cli.Commands;

/// <summary>
/// Which shard of a sweep this process runs: from --shard I/N, else from a Slurm job array
/// (SLURM_ARRAY_TASK_ID with SLURM_ARRAY_TASK_COUNT, or with SLURM_ARRAY_TASK_MIN and _MAX), else from a
/// Kubernetes Indexed Job (JOB_COMPLETION_INDEX, with the count from --shard-count or ROUTESIM_SHARD_COUNT).
/// Shards are numbered from 0.
/// </summary>
public static class ShardSelection
{
    /// <summary>The shard to run, null for the whole sweep, or a reason why the request cannot be understood.</summary>
    public static (int Index, int Count)? Resolve(string? option, int? countOption, Func<string, string?> environment, out string? problem, out string source)
    {
        problem = null;
        source = "";
        if (option is not null)
        {
            source = "--shard";
            var parts = option.Split('/');
            if (parts.Length == 2 && Whole(parts[0]) is { } i && Whole(parts[1]) is { } n) return Check(i, n, "--shard " + option, out problem);
            problem = $"--shard {option}: expected I/N with 0 <= I < N, e.g. 0/8";
            return null;
        }
        if (environment("SLURM_ARRAY_TASK_ID") is { } id)
        {
            source = "Slurm job array";
            var min = environment("SLURM_ARRAY_TASK_MIN");
            var max = environment("SLURM_ARRAY_TASK_MAX");
            var count = environment("SLURM_ARRAY_TASK_COUNT");
            if (Whole(id) is not { } task)
            {
                problem = $"SLURM_ARRAY_TASK_ID={id} is not a whole number";
                return null;
            }
            int first = Whole(min ?? "0") ?? 0;
            int? total = count is not null ? Whole(count) : min is not null && max is not null && Whole(max) is { } last ? last - first + 1 : null;
            if (total is null)
            {
                problem = "SLURM_ARRAY_TASK_ID is set but neither SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MIN and _MAX are: cannot tell how many shards there are";
                return null;
            }
            // Arrays such as --array=1-8 number tasks from their minimum; shards count from 0.
            return Check(task - first, total.Value, $"Slurm array task {task} (min {first}, count {total})", out problem);
        }
        if (environment("JOB_COMPLETION_INDEX") is { } index)
        {
            source = "Kubernetes Indexed Job";
            var countText = countOption?.ToString(CultureInfo.InvariantCulture) ?? environment("ROUTESIM_SHARD_COUNT");
            if (Whole(index) is not { } i)
            {
                problem = $"JOB_COMPLETION_INDEX={index} is not a whole number";
                return null;
            }
            if (countText is null || Whole(countText) is not { } n)
            {
                problem = "JOB_COMPLETION_INDEX is set; give the number of shards with --shard-count or ROUTESIM_SHARD_COUNT (the Job's completions)";
                return null;
            }
            return Check(i, n, $"Indexed Job index {i} of {n}", out problem);
        }
        if (countOption is not null) problem = "--shard-count needs JOB_COMPLETION_INDEX (a Kubernetes Indexed Job); elsewhere give --shard I/N";
        return null;
    }

    private static (int, int)? Check(int index, int count, string what, out string? problem)
    {
        problem = null;
        if (count >= 1 && index >= 0 && index < count) return (index, count);
        problem = $"{what}: the shard must satisfy 0 <= I < N";
        return null;
    }

    private static int? Whole(string text) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : null;

    /// <summary>The folder name of a shard: zero-padded so a listing sorts in shard order.</summary>
    public static string FolderName(int index, int count)
    {
        int digits = Math.Max(4, count.ToString(CultureInfo.InvariantCulture).Length);
        return $"shard-{index.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0')}-of-{count.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0')}";
    }
}
