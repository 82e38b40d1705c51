using RouteSim.Scenarios.Yaml;

namespace RouteSim.Experiments.Entries;

/// <summary>Files an experiment file names (its scenarios, its observed table), found relative to the experiment file.</summary>
public static class EntryFiles
{
    /// <summary>
    /// The file named by <paramref name="key"/> of <paramref name="r"/>, relative to the folder of
    /// <paramref name="file"/>, given relative to the working directory (as errors name it).
    /// </summary>
    public static string Relative(string file, MappingReader r, string key)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        return Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(folder, r.Text(key)));
    }
}
