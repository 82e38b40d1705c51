namespace RouteSim.Analysis.Designs;

/// <summary>How the points of a sweep are chosen.</summary>
public enum DesignKind
{
    /// <summary>Every combination of each factor's levels.</summary>
    Grid,

    /// <summary>A Latin hypercube: each factor's range cut into n strata, each stratum sampled once.</summary>
    LatinHypercube,

    /// <summary>Saltelli's scheme for first-order and total Sobol indices: N base rows, each giving k + 2 points.</summary>
    Saltelli,

    /// <summary>Morris's elementary-effects screening: r trajectories of k + 1 points on a p-level grid.</summary>
    Morris,
}
