using RouteSim.Scenarios;
using RouteSim.Scenarios.Yaml;

namespace RouteSim.Experiments.Entries;

/// <summary>
/// Loading an experiment file (a sweep, a calibration): its text, then the reading of its keys and of the files
/// it names (scenarios, an observed table), with every error of both reported, the file's own first.
/// </summary>
public static class ExperimentFile
{
    /// <summary>
    /// Reads <paramref name="file"/> and hands its text to <paramref name="read"/>, which reports the file's own
    /// problems to the diagnostics and those of the files it names to the list (their errors name those files).
    /// Null, with every error, when either reported one or the file cannot be read.
    /// </summary>
    public static T? Load<T>(string file, Func<string, Diagnostics, List<ScenarioError>, T?> read, out IReadOnlyList<ScenarioError> errors) where T : class
    {
        var text = ScenarioFile.ReadText(file, out var readError);
        if (text is null)
        {
            errors = [readError!];
            return null;
        }
        var diagnostics = new Diagnostics(file);
        var named = new List<ScenarioError>();
        var loaded = read(text, diagnostics, named);
        errors = [.. diagnostics.Errors, .. named];
        return errors.Count == 0 ? loaded : null;
    }
}
