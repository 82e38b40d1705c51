using System.Globalization;

namespace RouteSim.Cli.Commands;

/// <summary>
/// Which shard of a sweep this process runs, numbered from 0: from --shard I/N; else from a Slurm job array, the
/// task's rank among the array's task ids (so --array=0-15:4 runs shards 0-3 of 4); else from a Kubernetes
/// Indexed Job (JOB_COMPLETION_INDEX of --shard-count or ROUTESIM_SHARD_COUNT shards); else the whole sweep.
/// </summary>
/// <remarks>
/// A Slurm task sees only its id and the array's MIN, MAX, COUNT and STEP; Slurm sets STEP=1 for a list, so a
/// list (--array=1,3,5), a single task, or a range that starts above 1 cannot be told apart from a rerun of some
/// tasks of a larger array. Those refuse, every task alike, unless the whole array is named: ROUTESIM_ARRAY (the
/// --array the shards were first submitted with) or ROUTESIM_SHARD_COUNT / --shard-count (the task ids are the
/// shard numbers 0..N-1). A rerun of failed tasks by list then computes exactly those shards.
/// </remarks>
public static class ShardSelection
{
    /// <summary>The variable naming the whole array of shards, in sbatch's --array syntax.</summary>
    public const string ArrayVariable = "ROUTESIM_ARRAY";

    /// <summary>The variable giving the number of shards (an Indexed Job's completions; or a Slurm array numbered 0..N-1).</summary>
    public const string CountVariable = "ROUTESIM_SHARD_COUNT";

    /// <summary>Most shards an array may name (Slurm's own limit is MaxArraySize, 1001 by default).</summary>
    public const int MaxShards = 1_000_000;

    private const string HowToName =
        $"name the whole array the shards were submitted as, e.g. {ArrayVariable}=0-63 (sbatch passes it on), or give --shard I/N";

    /// <summary>The shard to run, null for the whole sweep, or a reason (one line) why the request cannot be understood.</summary>
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
        string? countText = countOption?.ToString(CultureInfo.InvariantCulture) ?? Set(environment(CountVariable));
        string countName = countOption is not null ? "--shard-count" : CountVariable;
        if (Set(environment("SLURM_ARRAY_TASK_ID")) is { } id)
        {
            source = "Slurm job array";
            return FromSlurm(id, Set(environment(ArrayVariable)), countText, countName, environment, out problem);
        }
        if (Set(environment("JOB_COMPLETION_INDEX")) is { } index)
        {
            source = "Kubernetes Indexed Job";
            if (Whole(index) is not { } i)
            {
                problem = $"JOB_COMPLETION_INDEX={index} is not a whole number";
                return null;
            }
            if (countText is null)
            {
                problem = $"JOB_COMPLETION_INDEX is set; give the number of shards with --shard-count or {CountVariable} (the Job's completions)";
                return null;
            }
            if (Whole(countText) is not { } n)
            {
                problem = $"{countName}={countText} is not a whole number";
                return null;
            }
            return Check(i, n, $"Indexed Job index {i} of {countName}={n}", out problem);
        }
        if (countOption is not null) problem = "--shard-count needs a Slurm array task or a Kubernetes Indexed Job (JOB_COMPLETION_INDEX); elsewhere give --shard I/N";
        else if (Set(environment(ArrayVariable)) is not null) problem = $"{ArrayVariable} is set but this is not a Slurm array task (no SLURM_ARRAY_TASK_ID); give --shard I/N";
        return null;
    }

    private static (int, int)? FromSlurm(string id, string? array, string? countText, string countName, Func<string, string?> environment, out string? problem)
    {
        problem = null;
        if (Whole(id) is not { } task)
        {
            problem = $"SLURM_ARRAY_TASK_ID={id} is not a whole number";
            return null;
        }
        if (array is not null && countText is not null)
        {
            problem = $"both {ArrayVariable} and {countName} name the shards; give one";
            return null;
        }
        if (array is not null)
        {
            if (ParseArray(array, out var error) is not { } ids)
            {
                problem = $"{ArrayVariable}={array}: {error}";
                return null;
            }
            int rank = ids.BinarySearch(task);
            if (rank < 0)
            {
                problem = $"Slurm array task {task} is not one of {ArrayVariable}={array}: the shards are named by the array they were first submitted as";
                return null;
            }
            return (rank, ids.Count);
        }
        if (countText is not null)
        {
            if (Whole(countText) is not { } n)
            {
                problem = $"{countName}={countText} is not a whole number";
                return null;
            }
            return Check(task, n, $"Slurm array task {task} of {countName}={n} (task ids are shard numbers)", out problem);
        }

        var min = Whole(environment("SLURM_ARRAY_TASK_MIN") ?? "");
        var max = Whole(environment("SLURM_ARRAY_TASK_MAX") ?? "");
        var count = Whole(environment("SLURM_ARRAY_TASK_COUNT") ?? "");
        var step = Whole(environment("SLURM_ARRAY_TASK_STEP") ?? "1");
        if (min is not { } first || max is not { } last || count is not { } tasks || step is not { } stride || stride < 1 || last < first)
        {
            problem = $"Slurm array task {task}: Slurm did not set SLURM_ARRAY_TASK_MIN, _MAX and _COUNT, so the number of shards is unknown; {HowToName}";
            return null;
        }
        // Slurm reports STEP=1 for a list, so the ids are first, first+step, ..., last exactly when their count says so.
        if ((last - first) % stride != 0 || (last - first) / stride + 1 != tasks)
        {
            problem = $"Slurm array task {task}: the array is a list of {tasks} task ids between {first} and {last} (such as a rerun of failed tasks), so which shards they are is unknown; {HowToName}";
            return null;
        }
        if (tasks == 1 || first > 1)
        {
            problem = $"Slurm array task {task}: an array of {(tasks == 1 ? "one task" : $"tasks {first}-{last}")} looks like a rerun of some tasks of a larger array, so which shards they are is unknown; {HowToName}";
            return null;
        }
        if ((task - first) % stride != 0)
        {
            problem = $"Slurm array task {task} is not one of the array's ids {first}-{last}:{stride}";
            return null;
        }
        return Check((task - first) / stride, tasks, $"Slurm array task {task} (ids {first}-{last}:{stride})", out problem);
    }

    /// <summary>
    /// The task ids of an sbatch --array specification (ranges A-B, steps A-B:S, lists joined by commas, an
    /// optional %N limit), sorted and distinct; null with a reason when it is not one.
    /// </summary>
    public static List<int>? ParseArray(string spec, out string? error)
    {
        error = null;
        var text = spec.Trim();
        int percent = text.IndexOf('%', StringComparison.Ordinal);
        if (percent >= 0)
        {
            if (Whole(text[(percent + 1)..]) is not > 0)
            {
                error = "the limit after % must be a whole number of at least 1";
                return null;
            }
            text = text[..percent];
        }
        var ids = new SortedSet<int>();
        foreach (var part in text.Split(','))
        {
            var range = part.Split(':');
            var bounds = range[0].Split('-');
            int? a = Whole(bounds[0]), b = bounds.Length == 2 ? Whole(bounds[1]) : a, s = range.Length == 2 ? Whole(range[1]) : 1;
            if (range.Length > 2 || bounds.Length > 2 || a is not >= 0 || b is not { } end || end < a || s is not >= 1 || (range.Length == 2 && bounds.Length == 1))
            {
                error = $"'{part}' is not a task id, a range A-B or a stepped range A-B:S (as in sbatch --array=0-15:4,20)";
                return null;
            }
            for (long i = a.Value; i <= end; i += s.Value)
            {
                ids.Add((int)i);
                if (ids.Count > MaxShards)
                {
                    error = $"more than {MaxShards:N0} tasks";
                    return null;
                }
            }
        }
        return [.. ids];
    }

    private static (int, int)? Check(int index, int count, string what, out string? problem)
    {
        problem = null;
        if (count >= 1 && index >= 0 && index < count) return (index, count);
        problem = $"{what}: the shard must satisfy 0 <= I < N";
        return null;
    }

    private static string? Set(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static int? Whole(string text) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : null;

    /// <summary>The folder name of a shard: zero-padded so a listing sorts in shard order.</summary>
    public static string FolderName(int index, int count)
    {
        int digits = Math.Max(4, count.ToString(CultureInfo.InvariantCulture).Length);
        return $"shard-{index.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0')}-of-{count.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0')}";
    }
}
