using System.Security.Cryptography;
using RouteSim.Experiments.Sweeps;

namespace RouteSim.Results.Sweeps;

/// <summary>Turns a loaded sweep into the records its folders hold.</summary>
public static class SweepDocuments
{
    /// <summary>sweep.json for a sweep run by routesim <paramref name="routesimVersion"/>: the same bytes wherever and however it is run.</summary>
    public static SweepDocument Describe(Sweep sweep, string routesimVersion)
    {
        var design = sweep.Design;
        return new SweepDocument(
            sweep.Name,
            sweep.Description,
            Path.GetFileName(sweep.File),
            Hash(sweep),
            Path.GetFileName(sweep.Scenario.File),
            sweep.Counterfactual is null ? null : Path.GetFileName(sweep.Counterfactual.File),
            design.KindName,
            design.Count,
            design.BaseSamples,
            design.Trajectories,
            design.Levels,
            sweep.DesignSeed,
            sweep.Parameters.Select(p => new SweepParameterDocument(p.Factor.Name, p.Path.Text, p.Factor.Lower, p.Factor.Upper, p.Factor.Values,
                p.Factor.Log ? "log" : "linear", p.Factor.Integer)).ToArray(),
            sweep.Outcomes.Select(o => new SweepOutcomeDocument(o.Name, o.Scope.ToString().ToLowerInvariant(), o.Metric, o.Location, o.Organization,
                o.Route, o.Commodity, o.From, o.To, o.PerPeriod ? "mean" : "total")).ToArray(),
            sweep.Plan.Replications,
            sweep.Plan.Seed,
            sweep.Plan.Seeds.ToString().ToLowerInvariant(),
            sweep.Plan.Count,
            routesimVersion);
    }

    /// <summary>The columns of the sweep's tables.</summary>
    public static SweepTable Table(Sweep sweep) =>
        new(sweep.Parameters.Select(p => p.Factor.Name).ToArray(), sweep.Outcomes.Select(o => o.Name).ToArray(), sweep.Design.Points);

    /// <summary>SHA-256 over the sweep file and the scenario files it names, each length-prefixed.</summary>
    public static string Hash(Sweep sweep)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { sweep.File, sweep.Scenario.File, sweep.Counterfactual?.File }.OfType<string>())
        {
            var bytes = File.ReadAllBytes(file);
            hash.AppendData(BitConverter.GetBytes((long)bytes.Length));
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
