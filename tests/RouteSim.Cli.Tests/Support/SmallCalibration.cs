namespace RouteSim.Cli.Tests.Support;

/// <summary>A two-crossing, two-parameter calibration of the tutorial scenario, fast enough for command tests.</summary>
public static class SmallCalibration
{
    /// <summary>The three-block observed table the calibration fits (blocks 0 and 1) and predicts (block 2).</summary>
    public const string Observed = "block,x1,x2\n0,300,200\n1,280,220\n2,260,240\n";

    /// <summary>Writes <paramref name="observed"/> as observed.csv and the calibration file into <paramref name="folder"/>; returns the file's path.</summary>
    public static string Write(string folder, int maxEvaluations, string observed = Observed, string extra = "")
    {
        Sweeps.WriteFile(folder, "observed.csv", observed);
        return Sweeps.WriteFile(folder, "calibration.yaml", $$"""
            name: small fit
            scenario: {{Routesim.Tutorial}}
            observed: observed.csv
            key: block
            periods: { first_key: 0, start: 0, length: 20 }
            compare: shares
            target_name: crossing
            targets:
              - { column: x1, metric: interdictions, location: X1 }
              - { column: x2, metric: interdictions, location: X2 }
            parameters:
              - { path: enforcement.effectiveness, name: effectiveness, min: 0.05, max: 5, scale: log }
              - { path: "edges[*].cost", multiply: true, name: edge_cost, min: 0.2, max: 5, scale: log }
            replications: 2
            seed: 3
            fit: { max_evaluations: {{maxEvaluations}} }
            fit_keys: { from: 0, to: 1 }
            predict: { from: 0, to: 2, anchor: last_fitted }
            {{extra}}
            """);
    }
}
