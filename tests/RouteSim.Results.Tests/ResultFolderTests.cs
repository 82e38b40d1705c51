using System.Diagnostics;

namespace RouteSim.Results.Tests;

public sealed class ResultFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("routesim-folder-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Nothing_appears_at_the_target_until_commit()
    {
        var target = Path.Combine(_root, "run");
        using (var folder = ResultFolder.Begin(target, force: false))
        {
            File.WriteAllText(folder.File("a.csv"), "x\n");
            Assert.False(Directory.Exists(target));
            folder.Commit();
        }
        Assert.Equal("x\n", File.ReadAllText(Path.Combine(target, "a.csv")));
        Assert.Single(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public void An_abandoned_folder_leaves_nothing_behind()
    {
        var target = Path.Combine(_root, "run");
        using (var folder = ResultFolder.Begin(target, force: false)) File.WriteAllText(folder.File("a.csv"), "x\n");
        Assert.Empty(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public void An_existing_folder_is_kept_unless_forced()
    {
        var target = Path.Combine(_root, "run");
        Directory.CreateDirectory(target);
        Routesims(target);
        File.WriteAllText(Path.Combine(target, "old.csv"), "old\n");
        var refused = Assert.Throws<ResultFolderException>(() => ResultFolder.Begin(target, force: false));
        Assert.Contains("--force", refused.Message);

        using (var folder = ResultFolder.Begin(target, force: true))
        {
            File.WriteAllText(folder.File("new.csv"), "new\n");
            Assert.True(File.Exists(Path.Combine(target, "old.csv")), "the old results stay until the new ones are complete");
            folder.Commit();
        }
        Assert.Equal(["new.csv"], Directory.GetFiles(target).Select(Path.GetFileName));
        Assert.Single(Directory.GetFileSystemEntries(_root));
    }

    private string Target(string name = "run") => Path.Combine(_root, name);

    private static void Routesims(string folder) => File.WriteAllText(Path.Combine(folder, "manifest.json"), "{ \"routesim_version\": \"test\" }");

    private string[] Entries() => Directory.GetFileSystemEntries(_root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void A_folder_of_the_same_work_that_appears_meanwhile_is_success_and_keeps_it()
    {
        // Two pods of one Indexed Job running the same index: the second to finish finds the first's folder.
        var target = Target();
        using var folder = ResultFolder.Begin(target, force: false, sameWork: dir => File.Exists(Path.Combine(dir, "same")));
        File.WriteAllText(folder.File("a.csv"), "mine\n");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "same"), "theirs\n");
        Assert.Equal(CommitOutcome.SameWorkThere, folder.Commit());
        Assert.Equal(["run"], Entries());
        Assert.Equal(["same"], Directory.GetFiles(target).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Other_work_that_appears_meanwhile_is_left_alone_and_the_results_are_kept_where_the_message_says(bool force)
    {
        var target = Target();
        using (var folder = ResultFolder.Begin(target, force, sameWork: _ => false))
        {
            File.WriteAllText(folder.File("a.csv"), "mine\n");
            Directory.CreateDirectory(target);
            File.WriteAllText(Path.Combine(target, "theirs.txt"), "theirs\n");
            var refused = Assert.Throws<ResultFolderException>(() => folder.Commit());
            var kept = refused.Message[(refused.Message.LastIndexOf(" in ", StringComparison.Ordinal) + 4)..];
            Assert.StartsWith(target + ".unplaced-", kept);
            Assert.Equal("mine\n", File.ReadAllText(Path.Combine(kept, "a.csv")));
            Assert.Equal(CommitOutcome.KeptAside, folder.Outcome);
        }
        // Still there after the folder is disposed, as the message said; theirs untouched.
        Assert.Equal(2, Entries().Length);
        Assert.Contains(Entries(), e => e.StartsWith("run.unplaced-", StringComparison.Ordinal));
        Assert.Equal("theirs\n", File.ReadAllText(Path.Combine(target, "theirs.txt")));
    }

    [Fact]
    public void Force_replaces_a_routesim_folder_or_an_empty_one_and_refuses_anything_else()
    {
        var mine = Target("mine");
        Directory.CreateDirectory(mine);
        File.WriteAllText(Path.Combine(mine, "thesis.tex"), "years\n");
        var refused = Assert.Throws<ResultFolderException>(() => ResultFolder.Begin(mine, force: true));
        Assert.Contains("not a RouteSim results folder", refused.Message);
        File.WriteAllText(Path.Combine(mine, "manifest.json"), "{ \"name\": \"someone else's manifest\" }");
        Assert.Throws<ResultFolderException>(() => ResultFolder.Begin(mine, force: true));
        Assert.Equal("years\n", File.ReadAllText(Path.Combine(mine, "thesis.tex")));

        var empty = Target("empty");
        Directory.CreateDirectory(empty);
        using (var folder = ResultFolder.Begin(empty, force: true))
        {
            File.WriteAllText(folder.File("a.csv"), "x\n");
            Assert.Equal(CommitOutcome.Placed, folder.Commit());
        }
        Assert.True(File.Exists(Path.Combine(empty, "a.csv")));
    }

    [Fact]
    public void Force_refuses_a_folder_that_is_no_longer_routesims_when_committing()
    {
        var target = Target();
        Directory.CreateDirectory(target);
        Routesims(target);
        using var folder = ResultFolder.Begin(target, force: true);
        File.Delete(Path.Combine(target, "manifest.json"));
        File.WriteAllText(Path.Combine(target, "notes.txt"), "user's\n");
        var refused = Assert.Throws<ResultFolderException>(() => folder.Commit());
        Assert.Contains("not a RouteSim results folder", refused.Message);
        Assert.Equal("user's\n", File.ReadAllText(Path.Combine(target, "notes.txt")));
    }

    [Fact]
    public void A_replaced_folder_that_cannot_be_deleted_is_a_warning_after_the_results_are_in_place()
    {
        var target = Target();
        Directory.CreateDirectory(Path.Combine(target, "locked"));
        Routesims(target);
        var stuck = Path.Combine(target, "locked", "file");
        File.WriteAllText(stuck, "x");
        Lock(stuck, true);
        string? old = null;
        try
        {
            using var folder = ResultFolder.Begin(target, force: true);
            File.WriteAllText(folder.File("new.csv"), "new\n");
            Assert.Equal(CommitOutcome.Placed, folder.Commit());
            Assert.True(File.Exists(Path.Combine(target, "new.csv")));
            Assert.NotNull(folder.Warning);
            Assert.Contains("the results are in place", folder.Warning);
            old = Directory.GetDirectories(_root, ".run.replaced-*").Single();
            Assert.Contains(old, folder.Warning);
        }
        finally
        {
            Lock(old is null ? stuck : Path.Combine(old, "locked", "file"), false);
        }
    }

    /// <summary>Makes a file undeletable: immutable for root (who ignores permissions), a read-only folder otherwise.</summary>
    private static void Lock(string file, bool on)
    {
        bool root = Environment.UserName == "root";
        using var process = root
            ? Process.Start("chattr", [on ? "+i" : "-i", file])
            : Process.Start("chmod", [on ? "a-w" : "u+w", Path.GetDirectoryName(file)!]);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start("true");
        process.WaitForExit();
        return process.Id;
    }

    [Fact]
    public void Unfinished_folders_of_dead_processes_of_this_host_are_removed_and_others_kept()
    {
        string owner = ResultFolder.Leftover.Owner(), host = owner[..owner.LastIndexOf('-')];
        string Guid() => System.Guid.NewGuid().ToString("N");
        var dead = Path.Combine(_root, $".run.partial-{host}-{DeadProcessId()}-{Guid()}");
        var replaced = Path.Combine(_root, $".other.replaced-{host}-{DeadProcessId()}-{Guid()}");
        var remote = Path.Combine(_root, $".run.partial-another-node-7-{Guid()}");
        var older = Path.Combine(_root, $".run.partial-{DeadProcessId()}-{Guid()}");
        foreach (var dir in new[] { dead, replaced, remote, older })
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "runs.csv"), "rows\n");
        }
        using (var running = ResultFolder.Begin(Target("live"), force: false))
        {
            Assert.Equal(new[] { dead, replaced }.Order(StringComparer.Ordinal), running.RemovedLeftovers.Order(StringComparer.Ordinal));
            using var folder = ResultFolder.Begin(Target(), force: false);
            Assert.Empty(folder.RemovedLeftovers);
            Assert.True(Directory.Exists(running.Staging), "a folder this process is still writing is not a leftover");
            var left = ResultFolder.Leftover.In(_root);
            Assert.Contains(left, l => l.Path == remote && l.Host == "another-node" && l.ProcessId == 7 && !l.Dead);
            Assert.Contains(left, l => l.Path == older && l.Host is null && !l.Dead);
        }
        Assert.True(Directory.Exists(remote) && Directory.Exists(older));
    }
}
