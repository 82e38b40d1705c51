using RouteSim.Core.Engine;

namespace RouteSim.Core.Tests.Engine;

public class MetricsTests
{
    [Fact]
    public void Each_member_of_a_scope_enum_is_its_row_and_its_column()
    {
        Assert.Equal(Enum.GetValues<LocationMetric>().Length, Metrics.Location.Count);
        Assert.Equal(Enum.GetValues<OrganizationMetric>().Length, Metrics.Organization.Count);
        Assert.Equal(Enum.GetValues<RouteMetric>().Length, Metrics.Route.Count);
        foreach (var id in Enum.GetValues<LocationMetric>()) Assert.Equal(id, Metrics.Of(id).Id);
        foreach (var id in Enum.GetValues<OrganizationMetric>()) Assert.Equal(id, Metrics.Of(id).Id);
        foreach (var id in Enum.GetValues<RouteMetric>()) Assert.Equal(id, Metrics.Of(id).Id);
        var layout = new ResultLayout(2, 3, 2, 2, 4);
        Assert.Equal(layout.LocationCell(1, 2, 1) + 2, layout.Location(1, 2, 1, LocationMetric.Deaths));
        Assert.Equal(layout.OrganizationCell(1, 1) + 5, layout.Organization(1, 1, OrganizationMetric.Deaths));
        Assert.Equal(2 * 3 * 2 * 3, layout.Periods * layout.LocationCellsPerPeriod);
    }

    [Fact]
    public void Names_are_unique_in_a_scope_and_the_files_choices_keep_their_order()
    {
        foreach (var scope in Enum.GetValues<MetricScope>())
        {
            var names = Metrics.Of(scope).Select(m => m.Name).ToArray();
            Assert.Equal(names.Length, names.Distinct().Count());
            Assert.All(Metrics.Of(scope), m => Assert.Equal(scope, m.Scope));
        }
        Assert.Equal(["traversals", "interdictions", "deaths", "acting", "abstentions", "attempts", "successes", "trips"], Metrics.Names);
        Assert.All(Metrics.All, m => Assert.False(string.IsNullOrWhiteSpace(m.Unit) || string.IsNullOrWhiteSpace(m.Definition)));
        Assert.Same(Metrics.Of(LocationMetric.Interdictions), Metrics.Find(MetricScope.Location, "interdictions"));
        Assert.Null(Metrics.Find(MetricScope.Route, "deaths"));
    }
}
