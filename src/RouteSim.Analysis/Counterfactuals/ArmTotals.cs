namespace RouteSim.Analysis.Counterfactuals;

/// <summary>One replication of one arm reduced to what a comparison needs, summed over a window, per commodity.</summary>
/// <param name="Flow">Traversals as [commodity][location].</param>
/// <param name="Attempts">Trips started, by commodity (summed over the organizations that carry it).</param>
/// <param name="Successes">Trips delivered, by commodity.</param>
/// <param name="Interdictions">Trips interdicted, by commodity.</param>
/// <param name="Deaths">Deaths, by commodity.</param>
/// <param name="DangerTrips">Sum over trips started of their route's danger D_r, by commodity.</param>
/// <param name="DetectionTrips">Sum over trips started of their route's detection probability under the reference enforcement, by commodity.</param>
public sealed record ArmTotals(double[][] Flow, double[] Attempts, double[] Successes, double[] Interdictions, double[] Deaths, double[] DangerTrips, double[] DetectionTrips)
{
    /// <summary>Traversals at one location summed over the given commodities.</summary>
    public double FlowAt(int location, IReadOnlyList<int> commodities)
    {
        double sum = 0;
        foreach (int k in commodities) sum += Flow[k][location];
        return sum;
    }

    /// <summary>One of the per-commodity totals summed over the given commodities.</summary>
    public static double Sum(double[] byCommodity, IReadOnlyList<int> commodities)
    {
        double sum = 0;
        foreach (int k in commodities) sum += byCommodity[k];
        return sum;
    }
}
