namespace RouteSim.Results;

/// <summary>
/// A results folder written aside and moved into place only when complete, so a crash, a kill or Ctrl-C never
/// leaves a folder that looks finished. An existing folder is replaced only when forced.
/// </summary>
public sealed class ResultFolder : IDisposable
{
    private bool _committed;

    private ResultFolder(string target, string staging, bool force)
    {
        Target = target;
        Staging = staging;
        Force = force;
    }

    /// <summary>Where the results will be once complete.</summary>
    public string Target { get; }

    /// <summary>Where they are written meanwhile: a hidden sibling of the target.</summary>
    public string Staging { get; }

    /// <summary>Whether an existing target is replaced.</summary>
    public bool Force { get; }

    /// <summary>Starts writing results for <paramref name="target"/>; fails if it exists and <paramref name="force"/> is false.</summary>
    public static ResultFolder Begin(string target, bool force)
    {
        target = Path.GetFullPath(target);
        if (System.IO.File.Exists(target)) throw new ResultFolderException($"{target} is a file; results go in a folder");
        if (Directory.Exists(target) && !force)
            throw new ResultFolderException($"{target} already exists; give --force to replace it, or --out another folder");
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.partial-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return new ResultFolder(target, staging, force);
    }

    /// <summary>Path of a file inside the folder being written.</summary>
    public string File(string name) => Path.Combine(Staging, name);

    /// <summary>Moves the finished folder into place (replacing the old one if forced).</summary>
    public void Commit()
    {
        string? old = null;
        if (Directory.Exists(Target))
        {
            if (!Force) throw new ResultFolderException($"{Target} appeared while the run was going; results left in {Staging}");
            old = Staging + ".old";
            Directory.Move(Target, old);
        }
        Directory.Move(Staging, Target);
        _committed = true;
        if (old is not null) Directory.Delete(old, recursive: true);
    }

    /// <summary>Deletes the unfinished folder unless it was committed.</summary>
    public void Dispose()
    {
        if (_committed) return;
        try
        {
            if (Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover hidden .partial folder never looks like a finished one.
        }
    }
}

/// <summary>A results folder cannot be written as asked.</summary>
public sealed class ResultFolderException(string message) : Exception(message);
