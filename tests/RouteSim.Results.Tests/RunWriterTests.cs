using RouteSim.Core.Engine;
using RouteSim.Core.Model;

namespace RouteSim.Results.Tests;

public sealed class RunWriterTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("routesim-writer-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static Scenario TwoCrossings() => new("t", "", [], 3, "week", 4, 5, new Routing(),
        [new Node("O", NodeKind.Origin), new Node("A", NodeKind.Crossing, 1, 0.1), new Node("B", NodeKind.Crossing, 2, 0.05), new Node("D", NodeKind.Destination), new Node("Q", NodeKind.Transit)],
        [new Edge("O", "A", 1), new Edge("A", "D", 1), new Edge("O", "B", 1), new Edge("B", "D", 1), new Edge("D", "Q", 1)],
        [new Commodity("c", 10, 1, 1, 0, false)],
        [new Organization("g", "c", 100, [new OdPair("O", "D", 1)], 1, 0.9, 5, 0, 1, 1)],
        Enforcement.None);

    [Fact]
    public void Writes_tidy_tables_with_the_agreed_columns_and_totals()
    {
        var model = CompiledScenario.Build(TwoCrossings());
        var summary = new RunSummary(model.Layout);
        var results = new List<ReplicationResult>();
        string target = Path.Combine(_root, "run");
        using (var folder = ResultFolder.Begin(target, false))
        {
            using (var writer = new RunWriter(model, folder.Staging))
            {
                Ensemble.Run(model, new RunSettings(5, 4, 1), r =>
                {
                    results.Add(r);
                    writer.Add(r);
                    summary.Add(r);
                });
                writer.Finish(summary, new RunManifest("t", "t.yaml", "abc", 5, 4, 3, "week", "0.1.0", 1, DateTimeOffset.UnixEpoch, 1, 10, 10, "routesim run t.yaml"));
            }
            folder.Commit();
        }

        string[] Lines(string name) => File.ReadAllLines(Path.Combine(target, name));
        Assert.Equal("replication,period,location,commodity,traversals,interdictions,deaths", Lines("locations.csv")[0]);
        Assert.Equal("replication,period,organization,acting,abstentions,attempts,successes,interdictions,deaths", Lines("organizations.csv")[0]);
        Assert.Equal("replication,period,organization,route,trips", Lines("routes.csv")[0]);
        Assert.Equal("organization,route,origin,destination,path,cost,danger", Lines("route_catalog.csv")[0]);
        Assert.Equal("table,key,commodity,period,metric,mean,sd,ci_low,ci_high,n", Lines("summary.csv")[0]);
        Assert.Equal("table,key,commodity,metric,mean,sd,ci_low,ci_high,n", Lines("summary_totals.csv")[0]);
        // summary.csv's period column holds whole numbers only: the totals over all periods have their own file.
        Assert.All(Lines("summary.csv")[1..], l => Assert.True(int.TryParse(l.Split(',')[3], out var t) && t is >= 0 and < 3, l));
        Assert.Equal(Lines("summary.csv").Length - 1, 3 * (Lines("summary_totals.csv").Length - 1));

        // Q lies on no route: it has no rows. Four locations, three periods, four replications.
        Assert.Equal(1 + 4 * 3 * 4, Lines("locations.csv").Length);
        Assert.DoesNotContain(Lines("locations.csv"), l => l.Contains(",Q,", StringComparison.Ordinal));
        Assert.Equal(1 + 3 * 4, Lines("organizations.csv").Length);
        Assert.Equal(1 + 2 * 3 * 4, Lines("routes.csv").Length);
        Assert.Equal(["g,O:D#1,O,D,O>A>D,3,0", "g,O:D#2,O,D,O>B>D,4,0"], Lines("route_catalog.csv")[1..]);

        // The total over all periods is the mean over replications of each replication's sum.
        var attempts = Lines("summary_totals.csv").Single(l => l.StartsWith("organizations,g,c,attempts,", StringComparison.Ordinal)).Split(',');
        double expected = results.Average(r => Enumerable.Range(0, 3).Sum(t => r.Organizations[r.Layout.Organization(t, 0, OrganizationMetric.Attempts)]));
        Assert.Equal(expected, double.Parse(attempts[4], System.Globalization.CultureInfo.InvariantCulture), 9);
        Assert.Equal("4", attempts[8]);

        var manifest = RunManifest.FromJson(File.ReadAllText(Path.Combine(target, "manifest.json")))!;
        Assert.Equal((5UL, 4, "0.1.0"), (manifest.Seed, manifest.Replications, manifest.RoutesimVersion));
    }
}
