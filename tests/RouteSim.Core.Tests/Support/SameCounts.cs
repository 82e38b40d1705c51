using RouteSim.Core.Engine;

namespace RouteSim.Core.Tests.Support;

/// <summary>Asserts that replications counted exactly the same: every location, organization and route count, and the decisions.</summary>
public static class SameCounts
{
    public static void Assert(ReplicationResult expected, ReplicationResult actual)
    {
        Xunit.Assert.Equal(expected.Replication, actual.Replication);
        Xunit.Assert.Equal(expected.Locations, actual.Locations);
        Xunit.Assert.Equal(expected.Organizations, actual.Organizations);
        Xunit.Assert.Equal(expected.Routes, actual.Routes);
        Xunit.Assert.Equal(expected.Decisions, actual.Decisions);
    }

    public static void Assert(IReadOnlyList<ReplicationResult> expected, IReadOnlyList<ReplicationResult> actual)
    {
        Xunit.Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++) Assert(expected[i], actual[i]);
    }
}
