using System.Diagnostics;
using System.Text.RegularExpressions;
using RouteSim.Scenarios.Tests.Support;

namespace RouteSim.Scenarios.Tests;

/// <summary>
/// A clone of the project has no folder beside it holding the research notes and the reference text it was built
/// from: every file the project keeps must stand on its own, pointing only to files inside the project.
/// </summary>
public partial class StandAloneTests
{
    // Spelled in two parts so that this file does not match itself.
    private const string Folder = "shared" + "/";

    // The folder name at the start of a path (as is, after ../ or after /), not at the end of a word ("unshared").
    [GeneratedRegex(@"(?<![A-Za-z0-9_])" + Folder)]
    private static partial Regex SharedPath();

    // The reference text's own name; the project's model reference is docs/model.md.
    [GeneratedRegex(@"\bMODEL\.md\b")]
    private static partial Regex ReferenceName();

    private static readonly HashSet<string> BinaryExtensions =
        new(StringComparer.OrdinalIgnoreCase) { ".png", ".svg", ".ttf", ".jpg", ".gif", ".ico", ".pdf", ".zip", ".nupkg" };

    [Fact]
    public void No_tracked_file_points_outside_the_project()
    {
        var files = TrackedFiles();
        Assert.True(files.Count > 100, $"only {files.Count} files found under {Repo.Root}");
        var found = new List<string>();
        foreach (var file in files)
        {
            if (BinaryExtensions.Contains(Path.GetExtension(file))) continue;
            var lines = File.ReadAllLines(Path.Combine(Repo.Root, file));
            for (var i = 0; i < lines.Length; i++)
                if (SharedPath().IsMatch(lines[i]) || ReferenceName().IsMatch(lines[i]))
                    found.Add($"{file}:{i + 1}: {lines[i].Trim()}");
        }
        Assert.True(found.Count == 0,
            "files point into a folder a clone does not have (use docs/model.md and data copied into the project):\n"
            + string.Join("\n", found));
    }

    [Fact]
    public void Data_the_scenarios_cite_is_in_the_project()
    {
        foreach (var folder in new[] { "scenarios/north-america-2025/data", "scenarios/backtest/gatekeeper/data" })
        {
            var readme = Path.Combine(Repo.Root, folder, "README.md");
            Assert.True(File.Exists(readme), $"{folder}/README.md (the data's sources) is missing");
            Assert.Contains("Source", File.ReadAllText(readme), StringComparison.OrdinalIgnoreCase);
        }
        Assert.True(File.Exists(Path.Combine(Repo.Root, "docs", "model.md")), "docs/model.md is missing");
    }

    /// <summary>The files git tracks (paths relative to the root); every file outside build output when git is absent.</summary>
    private static List<string> TrackedFiles()
    {
        try
        {
            var start = new ProcessStartInfo("git", "ls-files -z")
            {
                WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            if (git.ExitCode == 0)
                return output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
                    .Where(f => File.Exists(Path.Combine(Repo.Root, f))).ToList();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No git on this machine: walk the tree instead.
        }
        string[] skipped = ["bin", "obj", ".git", "results", "TestResults"];
        return Directory.EnumerateFiles(Repo.Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repo.Root, f))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => skipped.Contains(part)))
            .ToList();
    }
}
