using RouteSim.Core.Engine;
using RouteSim.Core.Model;
using RouteSim.Scenarios;

namespace RouteSim.Server;

/// <summary>The scenario the server was started with: its text (what-ifs are built from it), its model and its hash.</summary>
public sealed class BaselineScenario
{
    private BaselineScenario(string file, string text, LoadResult loaded)
    {
        File = file;
        FullPath = Path.GetFullPath(file);
        Text = text;
        Scenario = loaded.Scenario!;
        Model = loaded.Model!;
        Sha256 = ScenarioFile.Sha256(file);
        Schedule = Model.Enforcement.ConfiguredSchedule(Scenario.Periods);
    }

    /// <summary>The file as the user named it.</summary>
    public string File { get; }

    /// <summary>The file's absolute path, for manifests.</summary>
    public string FullPath { get; }

    /// <summary>The file's text.</summary>
    public string Text { get; }

    /// <summary>The validated scenario.</summary>
    public Scenario Scenario { get; }

    /// <summary>The scenario, compiled.</summary>
    public CompiledScenario Model { get; }

    /// <summary>SHA-256 of the file, lower-case hex.</summary>
    public string Sha256 { get; }

    /// <summary>Configured enforcement (allocation and events, adaptation aside) as [period][location index].</summary>
    public double[][] Schedule { get; }

    /// <summary>Reads and validates the file; null with every problem when it does not load.</summary>
    public static BaselineScenario? Open(string file, LoadOptions options, out IReadOnlyList<ScenarioError> errors)
    {
        var loaded = ScenarioFile.Load(file, options, out var text);
        errors = loaded.Errors;
        return loaded.Ok ? new BaselineScenario(file, text!, loaded) : null;
    }
}
