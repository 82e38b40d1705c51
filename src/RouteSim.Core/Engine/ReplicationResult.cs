namespace RouteSim.Core.Engine;

/// <summary>Everything one replication recorded (docs/model.md section 7), as flat count arrays laid out by <see cref="ResultLayout"/>.</summary>
public sealed class ReplicationResult
{
    /// <summary>Allocates zeroed counts for one replication.</summary>
    public ReplicationResult(int replication, ResultLayout layout)
    {
        Replication = replication;
        Layout = layout;
        Locations = new int[layout.Periods * layout.LocationCellsPerPeriod];
        Organizations = new int[layout.Periods * layout.OrganizationCellsPerPeriod];
        Routes = new int[layout.Periods * layout.Routes];
    }

    /// <summary>Replication index (0-based).</summary>
    public int Replication { get; private set; }

    /// <summary>How the arrays are indexed.</summary>
    public ResultLayout Layout { get; }

    /// <summary>The counts of <see cref="Metrics.Location"/> by period, location and commodity.</summary>
    public int[] Locations { get; }

    /// <summary>The counts of <see cref="Metrics.Organization"/> by period and organization.</summary>
    public int[] Organizations { get; }

    /// <summary>The counts of <see cref="Metrics.Route"/> (trips started) by period and organization route.</summary>
    public int[] Routes { get; }

    /// <summary>Agent decisions made: one per acting agent per period.</summary>
    public long Decisions { get; internal set; }

    /// <summary>Zeroes the counts for reuse by another replication (see <see cref="ResultPool"/>).</summary>
    internal void Reset(int replication)
    {
        Replication = replication;
        Decisions = 0;
        Array.Clear(Locations);
        Array.Clear(Organizations);
        Array.Clear(Routes);
    }
}
