namespace RouteSim.Cli.Tests.Support;

/// <summary>Small sweep files over the tutorial scenarios, written into a test's folder.</summary>
public static class Sweeps
{
    public static string Deployment => Path.Combine(Routesim.RepoRoot, "scenarios", "tutorial", "displacement-deployment.yaml");

    public static string Baseline => Path.Combine(Routesim.RepoRoot, "scenarios", "tutorial", "displacement-baseline.yaml");

    /// <summary>A sweep file with this design (YAML flow mapping) and name.</summary>
    public static string Write(string folder, string design, string name = "sweep", int replications = 2) =>
        WriteFile(folder, $"{name}.yaml", $$"""
            name: {{name}}
            scenario: {{Deployment}}
            counterfactual: {{Baseline}}
            replications: {{replications}}
            seed: 5
            design: {{design}}
            parameters:
              - { path: enforcement.effectiveness, name: effectiveness, min: 0.2, max: 0.8 }
              - { path: "organizations[smugglers].temperature", name: temperature, min: 1, max: 3 }
              - { path: "nodes[DESERT].danger", name: danger, min: 0, max: 0.06 }
            outcomes:
              - { name: deaths, metric: deaths, from: 30 }
              - { name: desert_flow, metric: traversals, location: DESERT, from: 30, stat: mean }
              - { name: ratio, measure: displacement_ratio, from: 30 }
            """);

    public static string WriteFile(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Asserts two folders hold the same bytes in the named files.</summary>
    public static void SameBytes(string a, string b, params string[] files)
    {
        foreach (var f in files)
            Assert.True(File.ReadAllBytes(Path.Combine(a, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, f))), $"{f} differs between {a} and {b}");
    }
}

/// <summary>File helpers for tests.</summary>
public static class Files
{
    /// <summary>Makes a file undeletable: immutable for root (who ignores permissions), its folder read-only otherwise.</summary>
    public static void Lock(string file, bool on)
    {
        bool root = Environment.UserName == "root";
        using var process = root
            ? System.Diagnostics.Process.Start("chattr", [on ? "+i" : "-i", file])
            : System.Diagnostics.Process.Start("chmod", [on ? "a-w" : "u+w", Path.GetDirectoryName(file)!]);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
