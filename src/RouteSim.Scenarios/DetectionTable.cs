using RouteSim.Core.Engine;
using RouteSim.Core.Model;

namespace RouteSim.Scenarios;

/// <summary>
/// The interdiction chance per trip at every location that ever gets resources, at its most resources and for the
/// most detectable commodity (docs/model.md section 2, <see cref="ModelLaws.Detection"/>), so that a surprising
/// figure shows before anything runs (<c>routesim validate</c> prints it).
/// </summary>
/// <param name="Effectiveness">The scenario's enforcement effectiveness (eta).</param>
/// <param name="Detectability">The largest detectability (kappa) of its commodities.</param>
/// <param name="Locations">One row per location with resources at some period, in the scenario's node order; empty when none has.</param>
public sealed record DetectionTable(double Effectiveness, double Detectability, IReadOnlyList<PeakDetection> Locations)
{
    /// <summary>The table of a validated scenario and its compiled form (whose configured schedule gives each location's peak).</summary>
    public static DetectionTable Of(Scenario scenario, CompiledScenario model)
    {
        var schedule = model.Enforcement.ConfiguredSchedule(scenario.Periods);
        double kappa = scenario.Commodities.Max(c => c.Detectability);
        double eta = scenario.Enforcement.Effectiveness;
        var rows = new List<PeakDetection>();
        for (int l = 0; l < scenario.Nodes.Count; l++)
        {
            double peak = schedule.Max(t => t[l]);
            if (peak <= 0) continue;
            var n = scenario.Nodes[l];
            rows.Add(new PeakDetection(n.Id, ModelLaws.Detection(n.BaseDetection, eta, kappa, peak, n.Area), peak, n.Area));
        }
        return new DetectionTable(eta, kappa, rows);
    }
}

/// <summary>One location of a <see cref="DetectionTable"/>.</summary>
/// <param name="Location">The location's id.</param>
/// <param name="Chance">Interdiction chance per trip at its peak resources (0 to 1).</param>
/// <param name="Resources">Its most enforcement resources in any period (units).</param>
/// <param name="Area">Its area (the format's default is 1).</param>
public sealed record PeakDetection(string Location, double Chance, double Resources, double Area)
{
    /// <summary>
    /// True when the area is the format's default 1 and the chance is at least one half: resources spread over a
    /// real area would detect far less, so the area was probably left out.
    /// </summary>
    public bool AreaLooksDefault => Area == 1 && Chance >= 0.5;
}
