using System.Runtime.CompilerServices;

namespace RouteSim.Core.Engine;

/// <summary>
/// The laws of the model (docs/model.md), one method each, as the engine computes them: detection, belief,
/// route survival, attraction and risk term, the logit choice, the walk, the fading memory and adaptive
/// enforcement. The engine calls these methods; where its hot path needs a vectorised or bounded form of a law
/// (the logit choice), the law's summary names that form, and tests/RouteSim.Core.Tests/Engine/ModelLawsTests.cs
/// checks it agrees with the law written here.
/// </summary>
/// <remarks>
/// Each formula is written in the order of operations the results were computed with: floating-point sums and
/// products are not associative, and reordering one would change numbers in the last bits and so every output
/// downstream. Change a law here and in docs/model.md together.
/// </remarks>
public static class ModelLaws
{
    /// <summary>
    /// Detection probability of a trip of commodity k at location l (docs/model.md section 2, Koopman's random
    /// search): p(l,k) = 1 - (1 - b_l) exp(-eta kappa_k E_l / A_l). Probability per trip, in [b_l, 1).
    /// </summary>
    /// <param name="baseDetection">b_l, probability per trip with no enforcement, in [0, 1).</param>
    /// <param name="effectiveness">eta, area units per resource unit, &gt; 0.</param>
    /// <param name="detectability">kappa_k, dimensionless, &gt; 0.</param>
    /// <param name="resources">E_l, resource units, &gt;= 0.</param>
    /// <param name="area">A_l, area units, &gt; 0.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Detection(double baseDetection, double effectiveness, double detectability, double resources, double area) =>
        1 - (1 - baseDetection) * Math.Exp(-effectiveness * detectability * resources / area);

    /// <summary>
    /// An organization's belief that a trip is interdicted at a location (docs/model.md section 3, NarcoLogic's
    /// Beta prior): the posterior mean q = (s + m q0) / (n + m). Probability per trip.
    /// </summary>
    /// <param name="interdictions">s(g,l), fading count of interdictions seen there (trips).</param>
    /// <param name="traversals">n(g,l), fading count of traversals (trips).</param>
    /// <param name="priorStrength">m, pseudo-traversals, &gt; 0.</param>
    /// <param name="priorMean">q0_l, probability per trip.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Belief(double interdictions, double traversals, double priorStrength, double priorMean) =>
        (interdictions + priorStrength * priorMean) / (traversals + priorStrength);

    /// <summary>
    /// One node's factor of a route's believed survival (docs/model.md section 3, Washburn and Wood):
    /// S(g,r) = prod over the route's nodes of (1 - q(g,l)); call with S = 1 before the first node.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Survive(double survival, double belief) => survival * (1 - belief);

    /// <summary>
    /// The part of a route's utility that every agent shares (docs/model.md section 4, step 3):
    /// A = V S - C_r - omega V D_r, in utility units.
    /// </summary>
    /// <param name="value">V, utility units per trip.</param>
    /// <param name="survival">S(g,r), believed survival, probability.</param>
    /// <param name="cost">C_r, utility units.</param>
    /// <param name="dangerWeight">omega, dimensionless.</param>
    /// <param name="danger">D_r, probability of death per trip.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Attraction(double value, double survival, double cost, double dangerWeight, double danger) =>
        value * survival - cost - dangerWeight * value * danger;

    /// <summary>
    /// The part of a route's utility scaled by the agent's risk multiplier (docs/model.md section 4, step 3):
    /// B = F (1 - S), in utility units; an agent's utility is U = A - rho B (<see cref="Utility"/>).
    /// </summary>
    /// <param name="penalty">F, utility units per trip.</param>
    /// <param name="survival">S(g,r), believed survival, probability.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double RiskTerm(double penalty, double survival) => penalty * (1 - survival);

    /// <summary>
    /// An agent's utility of a route (docs/model.md section 4, step 3): U = A - rho B, utility units; the outside
    /// option has U0 = 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Utility(double attraction, double rho, double riskTerm) => attraction - rho * riskTerm;

    /// <summary>
    /// The multinomial logit with an outside option (docs/model.md section 4, step 3; McFadden 1974, Train 2009
    /// ch. 3): probability of each option, the outside option first, P_j = exp(U_j / tau) / Z, the largest U
    /// subtracted first. <paramref name="attraction"/> and <paramref name="riskTerm"/> hold A and B of each option,
    /// the outside option's (0, 0) first; <paramref name="probabilities"/> is as long.
    /// </summary>
    /// <remarks>
    /// The engine's forms of this law, which tests check against it: ReplicationRunner.CumulativeWeights with
    /// Pick (one agent, four lanes of options at a time, <see cref="Numerics.DeterministicExp"/>),
    /// ChooseEightAtATime and ChooseFourAtATime (eight or four agents at a time, ReplicationRunner.ChoiceLanes.cs),
    /// and ChoiceBounds (bounds of the cumulative probabilities over a bin of rho that decide most choices
    /// without an exponential, ReplicationRunner.ChoiceBounds.cs). All choose by inverse CDF: the agent takes the
    /// first option whose cumulative probability exceeds its uniform u.
    /// </remarks>
    /// <param name="temperature">tau, utility units, &gt; 0.</param>
    public static void ChoiceProbabilities(ReadOnlySpan<double> attraction, ReadOnlySpan<double> riskTerm, double rho, double temperature, Span<double> probabilities)
    {
        double max = double.NegativeInfinity;
        for (int j = 0; j < attraction.Length; j++)
        {
            probabilities[j] = Utility(attraction[j], rho, riskTerm[j]);
            max = Math.Max(max, probabilities[j]);
        }
        double total = 0;
        for (int j = 0; j < attraction.Length; j++)
        {
            probabilities[j] = Math.Exp((probabilities[j] - max) / temperature);
            total += probabilities[j];
        }
        for (int j = 0; j < attraction.Length; j++) probabilities[j] /= total;
    }

    /// <summary>
    /// One node of a trip's walk (docs/model.md section 4, step 4): of the trips that reach it (share
    /// <paramref name="reach"/>), a share p is interdicted there, then, of those left, a share d dies (d = 0 for a
    /// commodity that carries no people). Returns the shares (interdicted, dead) of all trips started and moves
    /// <paramref name="reach"/> to the share that passes the node. A trip that passes every node is a success.
    /// </summary>
    /// <param name="reach">Share of the route's trips that reach the node, in [0, 1]; on return, the share that passes it.</param>
    /// <param name="detection">p(l,k,t), probability per trip (<see cref="Detection"/>).</param>
    /// <param name="danger">d_l where the commodity carries people, else 0; probability per trip.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Interdicted, double Dead) WalkNode(ref double reach, double detection, double danger)
    {
        double interdicted = reach * detection;
        reach *= 1 - detection;
        double dead = reach * danger;
        reach *= 1 - danger;
        return (interdicted, dead);
    }

    /// <summary>
    /// The fading memory of an organization (docs/model.md section 4, step 6): n &lt;- gamma n + traversals, and
    /// s &lt;- gamma s + interdictions, at each location after every period (deaths are not evidence of detection).
    /// </summary>
    /// <param name="count">n(g,l) or s(g,l), trips.</param>
    /// <param name="memory">gamma, per period, in (0, 1].</param>
    /// <param name="seen">Traversals or interdictions of the organization at the location this period (trips).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Remember(double count, double memory, long seen) => memory * count + seen;

    /// <summary>
    /// Adaptive enforcement (docs/model.md section 6, NarcoLogic's enforcement that chases recent seizures): with
    /// R the resources on the eligible locations and I_l the interdictions at l over the last `every` periods,
    /// E_l &lt;- (1 - phi) E_l + phi R (I_l + 1) / sum_j (I_j + 1); then each E_l below the floor is raised to it
    /// and the others are scaled, in one pass, so the total stays R. Resource units; changes only eligible
    /// locations.
    /// </summary>
    /// <param name="resources">E_l by location, changed in place.</param>
    /// <param name="eligible">Indices of the eligible locations.</param>
    /// <param name="recentInterdictions">I_l by location (trips).</param>
    /// <param name="fraction">phi, in [0, 1].</param>
    /// <param name="floor">Minimum resources at each eligible location, resource units, &gt;= 0.</param>
    public static void AdaptEnforcement(Span<double> resources, ReadOnlySpan<int> eligible, ReadOnlySpan<long> recentInterdictions, double fraction, double floor)
    {
        double total = 0, weight = 0;
        foreach (var l in eligible)
        {
            total += resources[l];
            weight += recentInterdictions[l] + 1;
        }

        foreach (var l in eligible)
            resources[l] = (1 - fraction) * resources[l] + fraction * total * (recentInterdictions[l] + 1) / weight;

        // One pass: lift those under the floor to it, then scale the rest so the total stays R.
        double lifted = 0, rest = 0;
        foreach (var l in eligible)
        {
            if (resources[l] < floor) lifted += floor;
            else rest += resources[l];
        }
        if (lifted == 0) return;
        double scale = rest > 0 ? Math.Max(0, total - lifted) / rest : 0;
        foreach (var l in eligible)
            resources[l] = resources[l] < floor ? floor : resources[l] * scale;
    }
}
