using RouteSim.Core.Engine;
using RouteSim.Core.Model;

namespace RouteSim.Core.Tests.Support;

/// <summary>Runs a scenario in memory and keeps every replication.</summary>
public static class Runs
{
    public static List<ReplicationResult> All(Scenario scenario, int replications, ulong seed = 1, int threads = 1)
    {
        var model = CompiledScenario.Build(scenario);
        var results = new List<ReplicationResult>();
        Ensemble.Run(model, new RunSettings(seed, replications, threads), results.Add);
        return results;
    }

    public static int Org(ReplicationResult r, int period, string metric, int organization = 0) =>
        r.Organizations[r.Layout.Organization(period, organization, Metrics.Find(Metrics.Organization, metric)!.Id)];

    public static long OrgTotal(IEnumerable<ReplicationResult> results, string metric, int? period = null) =>
        results.Sum(r => period is { } t ? Org(r, t, metric) : Enumerable.Range(0, r.Layout.Periods).Sum(p => (long)Org(r, p, metric)));

    public static int Location(ReplicationResult r, int period, int location, string metric, int commodity = 0) =>
        r.Locations[r.Layout.Location(period, location, commodity, Metrics.Find(Metrics.Location, metric)!.Id)];
}
