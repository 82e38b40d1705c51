using System.Globalization;
using System.Text;
using RouteSim.Results.Reading;

namespace RouteSim.Results.Sweeps;

/// <summary>
/// Merges the shard folders of one sweep into the folder an unsharded run would have written: checks first that
/// every shard is complete and of the same sweep and that together they cover every work item exactly once,
/// naming what is missing, duplicated, foreign or truncated; then concatenates the rows and summarises the points
/// with the same code as a sweep, so runs.csv and points.csv are byte-identical to an unsharded run's.
/// </summary>
public static class ShardMerge
{
    /// <summary>A shard folder that passed the checks.</summary>
    public sealed record Shard(string Folder, SweepManifest Manifest);

    /// <summary>Checks a set of shard folders; returns them in item order, or throws <see cref="ResultsReadException"/> with every problem, one per line.</summary>
    public static (SweepDocument Sweep, string SweepJson, IReadOnlyList<Shard> Shards) Check(IReadOnlyList<string> folders)
    {
        var problems = new List<string>();
        if (folders.Count == 0) throw new ResultsReadException("no shard folders given");
        var shards = new List<Shard>();
        string? sweepJson = null;
        string? firstFolder = null;
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                problems.Add($"{folder}: folder not found");
                continue;
            }
            string manifestFile = Path.Combine(folder, SweepManifest.FileName), sweepFile = Path.Combine(folder, SweepDocument.FileName);
            if (!File.Exists(manifestFile))
            {
                problems.Add($"{folder}: not a complete shard (no {SweepManifest.FileName}, which a shard writes last); rerun that shard");
                continue;
            }
            var manifest = SweepManifest.FromJson(File.ReadAllText(manifestFile));
            if (manifest is null)
            {
                problems.Add($"{manifestFile}: not a RouteSim sweep manifest");
                continue;
            }
            if (manifest.Shard is null)
            {
                problems.Add($"{folder}: a whole sweep, not a shard; there is nothing to merge it with");
                continue;
            }
            if (!File.Exists(sweepFile))
            {
                problems.Add($"{folder}: no {SweepDocument.FileName}");
                continue;
            }
            var text = File.ReadAllText(sweepFile);
            if (sweepJson is null)
            {
                sweepJson = text;
                firstFolder = folder;
            }
            else if (text != sweepJson)
            {
                var other = SweepDocument.FromJson(text);
                var first = SweepDocument.FromJson(sweepJson);
                string why = other is null ? "its sweep.json is unreadable"
                    : other.Sha256 != first?.Sha256 ? $"sweep {other.Sha256[..12]} ('{other.Name}'), not {first?.Sha256[..12]} ('{first?.Name}') like {firstFolder}"
                    : other.RoutesimVersion != first.RoutesimVersion ? $"run by routesim {other.RoutesimVersion}, not {first.RoutesimVersion} like {firstFolder}"
                    : $"its sweep.json differs from {firstFolder}'s";
                problems.Add($"{folder}: belongs to another sweep: {why}");
                continue;
            }
            if (SweepDocument.FromJson(text) is { } own && own.Sha256 != manifest.SweepSha256)
            {
                problems.Add($"{folder}: its manifest names sweep {manifest.SweepSha256[..Math.Min(12, manifest.SweepSha256.Length)]} but its sweep.json is {own.Sha256[..12]}: the folder was edited or mixed with another");
                continue;
            }
            shards.Add(new Shard(folder, manifest));
        }
        if (sweepJson is null || problems.Count > 0) throw new ResultsReadException(string.Join('\n', problems.DefaultIfEmpty("no shard could be read")));
        var sweep = SweepDocument.FromJson(sweepJson) ?? throw new ResultsReadException($"{firstFolder}: sweep.json is not a RouteSim sweep description");

        foreach (var s in shards)
        {
            var r = s.Manifest.Shard!;
            long from = sweep.WorkItems * r.Index / r.Count, to = sweep.WorkItems * (r.Index + 1) / r.Count;
            if (r.FirstItem != from || r.EndItem != to || r.Index < 0 || r.Index >= r.Count)
                problems.Add($"{s.Folder}: shard {r.Index} of {r.Count} should hold items {from}-{to - 1}, its manifest says {r.FirstItem}-{r.EndItem - 1}");
        }

        // Coverage: sorted by first item, the ranges must tile [0, work items) exactly.
        var ordered = shards.OrderBy(s => s.Manifest.Shard!.FirstItem).ThenBy(s => s.Manifest.Shard!.EndItem).ToList();
        long covered = 0;
        Shard? previous = null;
        foreach (var s in ordered)
        {
            var r = s.Manifest.Shard!;
            if (r.EndItem <= r.FirstItem) continue; // an empty shard (more shards than items) covers nothing
            if (r.FirstItem > covered)
                problems.Add($"missing: work items {covered}-{r.FirstItem - 1} are in no shard given{MissingShards(ordered, covered, r.FirstItem, sweep.WorkItems)}");
            else if (r.FirstItem < covered)
                problems.Add(previous is not null && previous.Manifest.Shard == r
                    ? $"duplicated: shard {r.Index} of {r.Count} is given twice ({previous.Folder} and {s.Folder})"
                    : $"duplicated: work items {r.FirstItem}-{Math.Min(covered, r.EndItem) - 1} are in both {previous?.Folder} and {s.Folder}");
            covered = Math.Max(covered, r.EndItem);
            previous = s;
        }
        if (covered < sweep.WorkItems)
            problems.Add($"missing: work items {covered}-{sweep.WorkItems - 1} are in no shard given{MissingShards(ordered, covered, sweep.WorkItems, sweep.WorkItems)}");
        if (problems.Count > 0) throw new ResultsReadException(string.Join('\n', problems));
        return (sweep, sweepJson, ordered);
    }

    /// <summary>Writes runs.csv and points.csv of the merged sweep into <paramref name="directory"/>; returns the rows written.</summary>
    public static long Write(SweepDocument sweep, IReadOnlyList<Shard> shards, string directory)
    {
        var design = SweepFolder.Rebuild(sweep, directory);
        var table = new SweepTable(sweep.Parameters.Select(p => p.Name).ToArray(), sweep.Outcomes.Select(o => o.Name).ToArray(), design.Points);
        int parameters = sweep.Parameters.Count, outcomes = sweep.Outcomes.Count, first = 4 + parameters;
        var problems = new List<string>();
        long rows = 0;
        using (var runs = new StreamWriter(Path.Combine(directory, SweepTable.RunsFile), false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" })
        using (var points = new PointSummaries(table, Path.Combine(directory, SweepTable.PointsFile)))
        {
            runs.WriteLine(table.RunsHeader);
            foreach (var shard in shards)
            {
                var r = shard.Manifest.Shard!;
                string file = Path.Combine(shard.Folder, SweepTable.RunsFile);
                if (!File.Exists(file))
                {
                    problems.Add($"{file}: missing");
                    continue;
                }
                var text = File.ReadAllText(file, Encoding.UTF8);
                if (text.Length > 0 && text[^1] != '\n')
                {
                    problems.Add($"{file}: truncated (the last line is cut off); rerun shard {r.Index} of {r.Count}");
                    continue;
                }
                var lines = text.Split('\n');
                if (lines[0] != table.RunsHeader)
                {
                    problems.Add($"{file}: the header is not this sweep's");
                    continue;
                }
                long expected = r.FirstItem;
                for (int i = 1; i < lines.Length - 1; i++, expected++)
                {
                    if (expected == r.EndItem)
                    {
                        problems.Add($"{file}:{i + 1}: rows beyond the shard's items {r.FirstItem}-{r.EndItem - 1}; this folder was edited or mixed with another");
                        break;
                    }
                    var fields = lines[i].Split(',');
                    if (fields.Length != first + outcomes || fields[0] != expected.ToString(CultureInfo.InvariantCulture))
                    {
                        problems.Add($"{file}:{i + 1}: expected the row of work item {expected}, found '{Shorten(lines[i])}'");
                        break;
                    }
                    int point = int.Parse(fields[1], CultureInfo.InvariantCulture);
                    var values = new double[outcomes];
                    for (int o = 0; o < outcomes; o++) values[o] = CsvTable.Number(fields[first + o]);
                    runs.WriteLine(lines[i]);
                    points.Add(point, values);
                    rows++;
                }
                if (expected < r.EndItem && problems.Count == 0)
                    problems.Add($"{file}: truncated: {expected - r.FirstItem} rows of {r.EndItem - r.FirstItem} (items {r.FirstItem}-{r.EndItem - 1}); rerun shard {r.Index} of {r.Count}");
                if (problems.Count > 0) break;
            }
        }
        if (problems.Count > 0) throw new ResultsReadException(string.Join('\n', problems));
        return rows;
    }

    private static string MissingShards(List<Shard> shards, long from, long to, long workItems)
    {
        var counts = shards.Select(s => s.Manifest.Shard!.Count).Distinct().ToArray();
        if (counts.Length != 1) return "";
        int n = counts[0];
        var missing = Enumerable.Range(0, n).Where(i => workItems * i / n < to && workItems * (i + 1) / n > from).ToArray();
        return missing.Length == 0 ? "" : $" (shard{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing)} of {n})";
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "...";
}
