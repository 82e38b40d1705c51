namespace RouteSim.Experiments.Tests;

/// <summary>Paths of the repository's bundled files, and a scratch folder per test.</summary>
public static class Files
{
    public static string Root { get; } = FindRoot();

    public static string Scenario(params string[] parts) => Path.Combine([Root, "scenarios", .. parts]);

    public static string Scenario() => Path.Combine(Root, "scenarios");

    /// <summary>A new empty folder under the system temp folder.</summary>
    public static string Scratch()
    {
        var path = Path.Combine(Path.GetTempPath(), "routesim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Writes a file in a folder and returns its path.</summary>
    public static string Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RouteSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("RouteSim.sln not found above the test binaries");
    }
}
