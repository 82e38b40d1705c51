using System.Globalization;
using System.Text;
using RouteSim.Analysis.Designs;
using RouteSim.Analysis.Sweeps;
using RouteSim.Results.Reading;

namespace RouteSim.Results.Sweeps;

/// <summary>
/// Merges the shard folders of one sweep into the folder an unsharded run would have written. Checks first that
/// every shard is complete, of the same sweep, unchanged since it was written (each file against the size and
/// SHA-256 its manifest records), and that together they cover every work item exactly once; then reads every row
/// checking its item, point, replication, seed and parameter values against the sweep's design, its outcomes
/// against the numbers routesim writes, and its digest against the manifest's; and only then concatenates the
/// rows and summarises the points with the same code as a sweep, so runs.csv and points.csv are byte-identical to
/// an unsharded run's. Every problem is one line naming the folder or file (and row).
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
            try
            {
                if (CheckFolder(folder, ref sweepJson, ref firstFolder, out var problem) is { } shard) shards.Add(shard);
                else problems.Add(problem!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{folder}: cannot be read: {e.Message}");
            }
        }
        if (sweepJson is null || problems.Count > 0) throw new ResultsReadException(string.Join('\n', problems.DefaultIfEmpty("no shard could be read")));
        var sweepFile = Path.Combine(firstFolder!, SweepDocument.FileName);
        var sweep = SweepDocument.FromJson(sweepJson) ?? throw new ResultsReadException($"{sweepFile}: not a RouteSim sweep description");
        if (sweep.Problem() is { } wrong) throw new ResultsReadException($"{sweepFile}: {wrong}");
        if (Rebuild(sweep, sweepFile).Count != sweep.Points)
            throw new ResultsReadException($"{sweepFile}: its design rebuilds to a different number of points than the {sweep.Points} it records");

        foreach (var s in shards)
        {
            var r = s.Manifest.Shard!;
            long from = sweep.WorkItems * r.Index / r.Count, to = sweep.WorkItems * (r.Index + 1) / r.Count;
            if (r.FirstItem != from || r.EndItem != to)
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

    /// <summary>One folder: a finished shard whose manifest is sound and whose sweep.json is as written and the same as the others'.</summary>
    private static Shard? CheckFolder(string folder, ref string? sweepJson, ref string? firstFolder, out string? problem)
    {
        problem = null;
        if (!Directory.Exists(folder))
        {
            problem = $"{folder}: folder not found";
            return null;
        }
        string manifestFile = Path.Combine(folder, SweepManifest.FileName), sweepFile = Path.Combine(folder, SweepDocument.FileName);
        if (!File.Exists(manifestFile))
        {
            problem = $"{folder}: not a complete shard (no {SweepManifest.FileName}, which a shard writes last); rerun that shard";
            return null;
        }
        var manifest = SweepManifest.FromJson(File.ReadAllText(manifestFile));
        if (manifest is null)
        {
            problem = $"{manifestFile}: not a RouteSim sweep manifest";
            return null;
        }
        if (manifest.Shard is null)
        {
            problem = $"{folder}: a whole sweep, not a shard; there is nothing to merge it with";
            return null;
        }
        if (ManifestProblem(manifest) is { } wrong)
        {
            problem = $"{manifestFile}: {wrong}";
            return null;
        }
        if (!File.Exists(sweepFile))
        {
            problem = $"{folder}: no {SweepDocument.FileName}";
            return null;
        }
        var bytes = File.ReadAllBytes(sweepFile);
        if (Changed(manifest, SweepDocument.FileName, bytes) is { } changed)
        {
            problem = $"{sweepFile}: {changed}; rerun shard {manifest.Shard.Index} of {manifest.Shard.Count}";
            return null;
        }
        var text = Encoding.UTF8.GetString(bytes);
        if (sweepJson is null)
        {
            sweepJson = text;
            firstFolder = folder;
        }
        else if (text != sweepJson)
        {
            var other = SweepDocument.FromJson(text);
            var first = SweepDocument.FromJson(sweepJson);
            string why = other?.Sha256 is null || first?.Sha256 is null ? "its sweep.json is not the same"
                : other.Sha256 != first.Sha256 ? $"sweep {Short(other.Sha256)} ('{other.Name}'), not {Short(first.Sha256)} ('{first.Name}') like {firstFolder}"
                : other.RoutesimVersion != first.RoutesimVersion ? $"run by routesim {other.RoutesimVersion}, not {first.RoutesimVersion} like {firstFolder}"
                : $"its sweep.json differs from {firstFolder}'s";
            problem = $"{folder}: belongs to another sweep: {why}";
            return null;
        }
        var own = SweepDocument.FromJson(text);
        if (own?.Sha256 is null)
        {
            problem = $"{sweepFile}: not a RouteSim sweep description";
            return null;
        }
        if (own.Sha256 != manifest.SweepSha256)
        {
            problem = $"{folder}: its manifest names sweep {Short(manifest.SweepSha256)} but its sweep.json is {Short(own.Sha256)}: the folder was edited or mixed with another";
            return null;
        }
        return new Shard(folder, manifest);
    }

    /// <summary>What is wrong with a shard's manifest itself, or null.</summary>
    private static string? ManifestProblem(SweepManifest m)
    {
        var r = m.Shard!;
        if (m.SweepSha256 is null) return "names no sweep (sweep_sha256)";
        if (r.Count < 1 || r.Index < 0 || r.Index >= r.Count) return $"shard {r.Index} of {r.Count} is not a shard (0 <= index < count)";
        if (r.FirstItem < 0 || r.EndItem < r.FirstItem) return $"items {r.FirstItem}-{r.EndItem - 1} of shard {r.Index} of {r.Count} are not a range";
        if (m.Rows != r.EndItem - r.FirstItem)
            return $"rows {m.Rows}, but shard {r.Index} of {r.Count} holds items {r.FirstItem}-{r.EndItem - 1} ({r.EndItem - r.FirstItem} rows); the manifest was edited";
        if (m.Files is null || !m.Files.Any(f => f?.Name == SweepTable.RunsFile) || !m.Files.Any(f => f?.Name == SweepDocument.FileName))
            return $"records no SHA-256 of {SweepTable.RunsFile} and {SweepDocument.FileName} (written by an older routesim, or edited); rerun shard {r.Index} of {r.Count}";
        if (ContentDigests.DecodeRows(m.RowSha256) is not { } rows || rows.Length != m.Rows * ContentDigests.RowDigestBytes)
            return $"its row digests (row_sha256) do not cover its {m.Rows} rows; rerun shard {r.Index} of {r.Count}";
        return null;
    }

    /// <summary>Why a file's bytes are not the ones the manifest records, or null when they are.</summary>
    private static string? Changed(SweepManifest manifest, string name, byte[] bytes)
    {
        var recorded = manifest.Files.First(f => f?.Name == name);
        if (recorded.Bytes != bytes.LongLength) return $"{bytes.LongLength} bytes, but {recorded.Bytes} when the shard was written (manifest.json): it was changed since";
        var sha = ContentDigests.Sha256(bytes);
        return sha == recorded.Sha256 ? null : $"its SHA-256 is {Short(sha)}, not {Short(recorded.Sha256)} as when the shard was written (manifest.json): it was changed since";
    }

    /// <summary>Writes runs.csv and points.csv of the merged sweep into <paramref name="directory"/>; returns the rows written.</summary>
    public static long Write(SweepDocument sweep, IReadOnlyList<Shard> shards, string directory)
    {
        var design = Rebuild(sweep, directory);
        var mode = Enum.Parse<SeedMode>(sweep.Seeds, ignoreCase: true);
        var plan = new SweepPlan(design, sweep.Replications, sweep.Seed, mode);
        var table = new SweepTable(sweep.Parameters.Select(p => p.Name).ToArray(), sweep.Outcomes.Select(o => o.Name).ToArray(), design.Points);
        long rows = 0;
        using (var runs = new StreamWriter(Path.Combine(directory, SweepTable.RunsFile), false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" })
        using (var points = new PointSummaries(table, Path.Combine(directory, SweepTable.PointsFile)))
        {
            runs.WriteLine(table.RunsHeader);
            foreach (var shard in shards)
            {
                var problem = Rows(shard, plan, table, (line, point, values) =>
                {
                    runs.WriteLine(line);
                    points.Add(point, values);
                    rows++;
                });
                if (problem is not null) throw new ResultsReadException(problem);
            }
        }
        return rows;
    }

    /// <summary>Reads and checks one shard's runs.csv, handing each row on; returns the first problem, or null.</summary>
    private static string? Rows(Shard shard, SweepPlan plan, SweepTable table, Action<string, int, double[]> add)
    {
        var r = shard.Manifest.Shard!;
        string rerun = $"rerun shard {r.Index} of {r.Count}";
        string file = Path.Combine(shard.Folder, SweepTable.RunsFile);
        if (!File.Exists(file)) return $"{file}: missing; {rerun}";
        var bytes = File.ReadAllBytes(file);
        var text = Encoding.UTF8.GetString(bytes);
        if (text.Length > 0 && text[^1] != '\n') return $"{file}: truncated (the last line is cut off); {rerun}";
        var lines = text.Split('\n');
        if (lines[0] != table.RunsHeader) return $"{file}:1: the header is not this sweep's; {rerun}";
        var digests = ContentDigests.DecodeRows(shard.Manifest.RowSha256)!;
        Span<byte> digest = stackalloc byte[ContentDigests.RowDigestBytes];
        int parameters = table.Parameters.Count, outcomes = table.Outcomes.Count, first = 4 + parameters;
        long expected = r.FirstItem;
        for (int i = 1; i < lines.Length - 1; i++, expected++)
        {
            string at = $"{file}:{i + 1}";
            if (expected == r.EndItem) return $"{at}: rows beyond the shard's items {r.FirstItem}-{r.EndItem - 1}; this folder was edited or mixed with another";
            var fields = lines[i].Split(',');
            if (fields.Length != first + outcomes || fields[0] != Whole(expected))
                return $"{at}: expected the row of work item {expected}, found '{Shorten(lines[i])}'";
            var item = plan.Item(expected);
            if (fields[1] != Whole(item.Point))
                return $"{at}: point is '{Shorten(fields[1])}', but work item {expected} is of point {item.Point}; {rerun}";
            if (fields[2] != Whole(item.Replication))
                return $"{at}: replication is '{Shorten(fields[2])}', but work item {expected} is replication {item.Replication}; {rerun}";
            if (fields[3] != item.Seed.ToString(CultureInfo.InvariantCulture))
                return $"{at}: seed is '{Shorten(fields[3])}', but work item {expected} has seed {item.Seed}; {rerun}";
            var values = plan.Design.Points[item.Point];
            for (int p = 0; p < parameters; p++)
                if (fields[4 + p] != Csv.Number(values[p]))
                    return $"{at}: {table.Parameters[p]} is '{Shorten(fields[4 + p])}', but point {item.Point} of the design has {Csv.Number(values[p])}; {rerun}";
            var outcome = new double[outcomes];
            for (int o = 0; o < outcomes; o++)
            {
                var cell = fields[first + o];
                if (cell.Length == 0) outcome[o] = double.NaN;
                else if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out outcome[o]))
                    return $"{at}: {table.Outcomes[o]} is '{Shorten(cell)}', not a number; {rerun}";
                if (Csv.Number(outcome[o]) != cell)
                    return $"{at}: {table.Outcomes[o]} is '{Shorten(cell)}', which routesim does not write (an undefined value is an empty cell, a number its shortest round-trip form); {rerun}";
            }
            ContentDigests.Row(lines[i], digest);
            if (!digest.SequenceEqual(digests.AsSpan((int)((expected - r.FirstItem) * ContentDigests.RowDigestBytes), ContentDigests.RowDigestBytes)))
                return $"{at}: an outcome of work item {expected} is not the one the shard wrote (the row's digest differs from manifest.json's); {rerun}";
            add(lines[i], item.Point, outcome);
        }
        if (expected < r.EndItem)
            return $"{file}: truncated: {expected - r.FirstItem} rows of {r.EndItem - r.FirstItem} (items {r.FirstItem}-{r.EndItem - 1}); {rerun}";
        return Changed(shard.Manifest, SweepTable.RunsFile, bytes) is { } changed ? $"{file}: {changed}; {rerun}" : null;
    }

    /// <summary>The design sweep.json describes, or a located error when it cannot be rebuilt.</summary>
    private static Design Rebuild(SweepDocument sweep, string where)
    {
        try
        {
            return SweepFolder.Rebuild(sweep, where);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new ResultsReadException($"{where}: the sweep's design cannot be rebuilt from sweep.json: {e.Message}");
        }
    }

    private static string MissingShards(List<Shard> shards, long from, long to, long workItems)
    {
        var counts = shards.Select(s => s.Manifest.Shard!.Count).Distinct().ToArray();
        if (counts.Length != 1) return "";
        int n = counts[0];
        var missing = Enumerable.Range(0, n).Where(i => workItems * i / n < to && workItems * (i + 1) / n > from).ToArray();
        return missing.Length == 0 ? "" : $" (shard{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing)} of {n})";
    }

    private static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Short(string sha) => sha[..Math.Min(12, sha.Length)];

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "...";
}
