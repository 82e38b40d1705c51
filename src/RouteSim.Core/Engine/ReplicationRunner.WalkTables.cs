namespace RouteSim.Core.Engine;

// The tables the eight-lane walk reads (ReplicationRunner.WalkLanes.cs): for each od pair, its routes' cumulative
// outcome probabilities laid out by stop, one column a stop, a route a slot, so one permute picks each lane's row.
public sealed partial class ReplicationRunner
{
    /// <summary>
    /// One od pair's walks laid out for eight lanes: column j holds the j-th cumulative outcome probability of
    /// each of its routes (route r in slot r of the organization's width, 8 or 16), 2 where the route has fewer stops
    /// or there is no route, so a uniform below 1 never counts it. Filled each period from the outcome distributions.
    /// </summary>
    private sealed class WalkLanes
    {
        /// <summary>Routes an od pair may have to walk in lanes: two two-table permutes pick from thirty-two.</summary>
        public const int MaxRoutes = 32;

        /// <summary>The columns of od pair w of the organization, in a table <paramref name="width"/> routes wide; its agents' buckets begin at <paramref name="firstBucket"/>.</summary>
        public WalkLanes(OrganizationPlan plan, int w, int width, int firstBucket, int buckets)
        {
            int first = plan.OdRouteStart[w], routes = plan.OdRouteStart[w + 1] - first;
            FirstRoute = first;
            Width = width;
            Stops = new long[width];
            EndingStart = new long[width];
            for (int r = 0; r < routes; r++)
            {
                Stops[r] = plan.OutcomeStart[first + r + 1] - plan.OutcomeStart[first + r] - 1;
                EndingStart[r] = plan.OutcomeStart[first + r] - plan.OutcomeStart[0];
            }
            Columns = WalkColumns(plan, w);
            Cdf = new double[width * Columns];
            Array.Fill(Cdf, 2.0);
            NoEnding = plan.OutcomeCount;
            FirstBucket = firstBucket;
            Buckets = buckets;
        }

        /// <summary>The slot past the organization's outcomes that agents taking no trip count on (in the padding of a chunk's counters, never read).</summary>
        public long NoEnding { get; }

        /// <summary>The pair's first route among the organization's.</summary>
        public int FirstRoute { get; }

        /// <summary>Routes a column holds: 8, 16 or 32, as many as the organization's od pair with the most routes needs.</summary>
        public int Width { get; }

        /// <summary>Outcomes that end a trip before its destination, by route: interdicted or dead at each node.</summary>
        public long[] Stops { get; }

        /// <summary>Each route's first outcome among the organization's (its index into a chunk's Endings).</summary>
        public long[] EndingStart { get; }

        /// <summary>The pair's largest number of stops: the columns of <see cref="Cdf"/>.</summary>
        public int Columns { get; }

        /// <summary>[j * Width + r]: cumulative probability of ending at or before stop j of route r.</summary>
        public double[] Cdf { get; }

        /// <summary>
        /// The pair's first bucket in the organization's storage order (ReplicationRunner.SortByPairAndBin): its agents
        /// are those of buckets FirstBucket .. FirstBucket + Buckets - 1, one per bin of rho where the pair's bounds decide
        /// eight agents at a time (the last for a rho outside the bins), else one.
        /// </summary>
        public int FirstBucket { get; }

        /// <summary>Buckets of the pair's agents (see <see cref="FirstBucket"/>).</summary>
        public int Buckets { get; }

        /// <summary>Bytes it holds for an od pair of such routes (arrays with their headers and the object).</summary>
        public static long Bytes(int width, int columns) => 8L * (2 * width + width * columns) + 3 * 24 + 64;
    }

    /// <summary>Whether organization plan's agents can choose and walk in eight lanes: every od pair has at most thirty-two routes.</summary>
    private static bool FitsWalkLanes(OrganizationPlan plan)
    {
        for (int w = 0; w < plan.Organization.Od.Count; w++)
            if (plan.OdRouteStart[w + 1] - plan.OdRouteStart[w] > WalkLanes.MaxRoutes) return false;
        return plan.Organization.Od.Count > 0;
    }

    /// <summary>Routes a column of the organization's walk tables holds: 8, 16 or 32, the fewest its od pair with the most routes fits.</summary>
    private static int WalkWidth(OrganizationPlan plan)
    {
        int routes = 0;
        for (int w = 0; w < plan.Organization.Od.Count; w++) routes = Math.Max(routes, plan.OdRouteStart[w + 1] - plan.OdRouteStart[w]);
        return routes <= 8 ? 8 : routes <= 16 ? 16 : 32;
    }

    /// <summary>Largest number of stops of a route of od pair w (the columns its <see cref="WalkLanes"/> has).</summary>
    private static int WalkColumns(OrganizationPlan plan, int w)
    {
        int columns = 0;
        for (int r = plan.OdRouteStart[w]; r < plan.OdRouteStart[w + 1]; r++)
            columns = Math.Max(columns, plan.OutcomeStart[r + 1] - plan.OutcomeStart[r] - 1);
        return columns;
    }

    /// <summary>
    /// Each od pair's walk tables for an organization that fits them, else null: where the pair's bounds decide eight
    /// agents at a time its agents are stored by bin of rho, so it gets a bucket a bin and one for a rho outside them.
    /// </summary>
    private WalkLanes[]? CreateWalkLanes(OrganizationPlan plan)
    {
        if (!FitsWalkLanes(plan)) return null;
        int pairs = plan.Organization.Od.Count, width = WalkWidth(plan), bucket = 0;
        var lanes = new WalkLanes[pairs];
        for (int w = 0; w < pairs; w++)
        {
            int buckets = _bounds[_odIndexStart[plan.Index] + w] is { HasEightLanes: true } bounds ? bounds.BinCount + 1 : 1;
            lanes[w] = new WalkLanes(plan, w, width, bucket, buckets);
            bucket += buckets;
        }
        return lanes;
    }

    /// <summary>Bytes the walk tables of an organization that fits them hold (see <see cref="CreateWalkLanes"/>), else 0.</summary>
    private static long WalkLanesBytes(OrganizationPlan plan)
    {
        if (!FitsWalkLanes(plan)) return 0;
        long bytes = 24 + 8L * plan.Organization.Od.Count;
        for (int w = 0; w < plan.Organization.Od.Count; w++) bytes += WalkLanes.Bytes(WalkWidth(plan), WalkColumns(plan, w));
        return bytes;
    }

    /// <summary>Copies this period's outcome distributions of each od pair's routes into its columns.</summary>
    private void FillWalkLanes(OrganizationPlan plan, WalkLanes[] pairs)
    {
        foreach (var lanes in pairs)
            for (int r = 0; r < lanes.Width && lanes.Stops[r] > 0; r++)
            {
                int o = plan.OutcomeStart[lanes.FirstRoute + r];
                for (int j = 0; j < lanes.Stops[r]; j++) lanes.Cdf[j * lanes.Width + r] = _outcomeCdf[o + j];
            }
    }
}
