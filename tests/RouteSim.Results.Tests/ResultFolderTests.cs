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
}
