using RouteSim.Core.Model;

namespace RouteSim.Analysis.Counterfactuals;

/// <summary>
/// Checks that two scenarios can be paired: the same network, commodities, organizations and agents, periods
/// and routing, so replication i of each sees the same population and the same luck. Only enforcement may differ.
/// </summary>
public static class ScenarioPairing
{
    /// <summary>Every difference that breaks the pairing, each naming the field; empty when they pair.</summary>
    public static IReadOnlyList<string> Differences(Scenario baseline, Scenario intervention)
    {
        var problems = new List<string>();
        void Check<T>(string what, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b)) problems.Add($"{what} differs ({a} vs {b})");
        }

        Check("periods", baseline.Periods, intervention.Periods);
        Check("routing", baseline.Routing, intervention.Routing);
        Check("start_date", baseline.StartDate, intervention.StartDate);
        Lists("nodes", baseline.Nodes, intervention.Nodes, n => n.Id, (a, b) => a with { Label = null, Lat = null, Lon = null } == b with { Label = null, Lat = null, Lon = null }, problems);
        Lists("edges", baseline.Edges, intervention.Edges, e => $"{e.From}->{e.To}", (a, b) => a == b, problems);
        Lists("commodities", baseline.Commodities, intervention.Commodities, c => c.Id, (a, b) => a == b, problems);
        Lists("organizations", baseline.Organizations, intervention.Organizations, o => o.Id,
            (a, b) => a with { Od = [] } == b with { Od = [] } && a.Od.SequenceEqual(b.Od), problems);
        return problems;
    }

    private static void Lists<T>(string what, IReadOnlyList<T> a, IReadOnlyList<T> b, Func<T, string> id, Func<T, T, bool> same, List<string> problems)
    {
        if (a.Count != b.Count)
        {
            problems.Add($"{what}: {a.Count} in the baseline, {b.Count} in the intervention");
            return;
        }
        for (int i = 0; i < a.Count; i++)
            if (!same(a[i], b[i]))
                problems.Add(id(a[i]) == id(b[i])
                    ? $"{what}[{i}] ({id(a[i])}) differs"
                    : $"{what}[{i}] is {id(a[i])} in the baseline but {id(b[i])} in the intervention");
    }
}
