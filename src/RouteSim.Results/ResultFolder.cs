using System.Collections.Concurrent;
using System.Text.Json;

namespace RouteSim.Results;

/// <summary>
/// A results folder written aside and moved into place only when complete, so a crash, a kill or Ctrl-C never
/// leaves a folder that looks finished. An existing folder is replaced only when forced, and only when RouteSim
/// wrote it (it holds a RouteSim manifest.json) or it is empty. When the target appears while the work is going
/// (another process racing for the same --out), a complete folder of the same work counts as done; anything else
/// is left alone and the new results are kept beside it under a name the error gives.
/// </summary>
public sealed partial class ResultFolder : IDisposable
{
    /// <summary>Marks the hidden folder a run writes into: <c>.NAME.partial-HOST-PID-GUID</c>.</summary>
    public const string PartialMarker = ".partial-";

    /// <summary>Marks a replaced folder awaiting deletion: <c>.NAME.replaced-HOST-PID-GUID</c>.</summary>
    public const string ReplacedMarker = ".replaced-";

    // Staging folders of this process still being written: a leftover named with this process's id but not
    // listed here belongs to an earlier process that had the same id (a restarted container's pid 1).
    private static readonly ConcurrentDictionary<string, byte> Live = new(StringComparer.Ordinal);

    private readonly Func<string, bool>? _sameWork;
    private bool _done;

    private ResultFolder(string target, string staging, bool force, Func<string, bool>? sameWork)
    {
        Target = target;
        Staging = staging;
        Force = force;
        _sameWork = sameWork;
    }

    /// <summary>Where the results will be once complete.</summary>
    public string Target { get; }

    /// <summary>Where they are written meanwhile: a hidden sibling of the target.</summary>
    public string Staging { get; }

    /// <summary>Whether an existing target is replaced.</summary>
    public bool Force { get; }

    /// <summary>How the commit ended; null before it.</summary>
    public CommitOutcome? Outcome { get; private set; }

    /// <summary>Something the user should know after a successful commit (a replaced folder that could not be deleted), or null.</summary>
    public string? Warning { get; private set; }

    /// <summary>Unfinished folders of dead processes on this host that <see cref="Begin"/> removed from the target's parent.</summary>
    public IReadOnlyList<string> RemovedLeftovers { get; private set; } = [];

    /// <summary>
    /// Starts writing results for <paramref name="target"/>. Fails (<see cref="ResultFolderException"/>) if it is a
    /// file, if it exists and <paramref name="force"/> is false, or if it exists, is not empty and RouteSim did not
    /// write it. <paramref name="sameWork"/> tells whether a folder found at the target when committing holds the
    /// complete results of the same work (then the commit is a success that keeps that folder).
    /// </summary>
    public static ResultFolder Begin(string target, bool force, Func<string, bool>? sameWork = null)
    {
        target = Path.GetFullPath(target);
        if (System.IO.File.Exists(target)) throw new ResultFolderException($"{target} is a file; results go in a folder");
        if (Directory.Exists(target))
        {
            if (!force) throw new ResultFolderException($"{target} already exists; give --force to replace it, or --out another folder");
            if (!IsReplaceable(target, out var why)) throw new ResultFolderException($"{target}: {why}; --force replaces only a folder RouteSim wrote; give --out another folder");
        }
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var removed = Leftover.RemoveDead(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}{PartialMarker}{Leftover.Owner()}-{Guid.NewGuid():N}");
        Live[staging] = 0;
        Directory.CreateDirectory(staging);
        return new ResultFolder(target, staging, force, sameWork) { RemovedLeftovers = removed };
    }

    /// <summary>True when <paramref name="folder"/> holds a manifest.json that RouteSim wrote (a JSON object with its routesim_version).</summary>
    public static bool IsRouteSimFolder(string folder)
    {
        var manifest = Path.Combine(folder, Manifest.FileName);
        try
        {
            if (!System.IO.File.Exists(manifest)) return false;
            using var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(manifest));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("routesim_version", out var version) && version.ValueKind == JsonValueKind.String;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsReplaceable(string folder, out string why)
    {
        why = "";
        if (IsRouteSimFolder(folder)) return true;
        try
        {
            if (!Directory.EnumerateFileSystemEntries(folder).Any()) return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            why = $"cannot be read ({e.Message})";
            return false;
        }
        why = "not a RouteSim results folder (it holds no RouteSim manifest.json), so it is not replaced";
        return false;
    }

    /// <summary>Path of a file inside the folder being written.</summary>
    public string File(string name) => Path.Combine(Staging, name);

    /// <summary>
    /// Moves the finished folder into place, replacing the old one if forced. Unforced, when the target appeared
    /// meanwhile and holds the same work complete, keeps it and discards this copy (<see cref="CommitOutcome.SameWorkThere"/>);
    /// when it holds anything else, or anything RouteSim did not write when forced, moves this copy to a visible sibling and throws
    /// <see cref="ResultFolderException"/> naming it. Never fails after the results are in place: a replaced
    /// folder that cannot be deleted becomes a <see cref="Warning"/>.
    /// </summary>
    public CommitOutcome Commit()
    {
        if (Directory.Exists(Target) && Resolve() is { } early) return early;
        string? old = null;
        if (Directory.Exists(Target))
        {
            old = Path.Combine(Path.GetDirectoryName(Target)!, $".{Path.GetFileName(Target)}{ReplacedMarker}{Leftover.Owner()}-{Guid.NewGuid():N}");
            Directory.Move(Target, old);
        }
        try
        {
            Directory.Move(Staging, Target);
        }
        catch (IOException) when (Directory.Exists(Target))
        {
            // Another process placed its folder between the check and the move (a folder replaced meanwhile stays
            // hidden and is removed as a dead process's leftover).
            return Resolve() ?? throw KeepAside($"{Target} appeared while this run was going");
        }
        catch (Exception) when (old is not null && !Directory.Exists(Target))
        {
            Directory.Move(old, Target); // the disk refused the new results: the old ones go back where they were
            throw;
        }
        Finish(CommitOutcome.Placed);
        if (old is not null) DeleteReplaced(old);
        return CommitOutcome.Placed;
    }

    /// <summary>The outcome when the target exists now: same work, kept aside (throws), or null when it may be replaced.</summary>
    private CommitOutcome? Resolve()
    {
        if (Force)
            return IsReplaceable(Target, out var why) ? null : throw KeepAside($"{Target}: {why}");
        if (_sameWork?.Invoke(Target) != true) throw KeepAside($"{Target} appeared while this run was going and does not hold the same work complete");
        Finish(CommitOutcome.SameWorkThere);
        DeleteQuietly(Staging);
        return CommitOutcome.SameWorkThere;
    }

    private ResultFolderException KeepAside(string why)
    {
        var kept = $"{Target}.unplaced-{DateTime.UtcNow:yyyyMMdd'T'HHmmss}-{Environment.ProcessId}";
        try
        {
            Directory.Move(Staging, kept);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            kept = Staging;
        }
        Finish(CommitOutcome.KeptAside);
        return new ResultFolderException($"{why}; the complete results of this run are in {kept}");
    }

    private void Finish(CommitOutcome outcome)
    {
        Outcome = outcome;
        _done = true;
        Live.TryRemove(Staging, out _);
    }

    private void DeleteReplaced(string old)
    {
        try
        {
            Directory.Delete(old, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Warning = $"the results are in place, but the folder they replaced could not be deleted ({e.Message}); it is in {old}";
        }
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover hidden .partial folder never looks like a finished one, and the next run removes it.
        }
    }

    /// <summary>Deletes the unfinished folder unless it was committed or kept aside.</summary>
    public void Dispose()
    {
        if (_done) return;
        Live.TryRemove(Staging, out _);
        DeleteQuietly(Staging);
    }
}
