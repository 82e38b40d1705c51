using RouteSim.Core.Numerics;

namespace RouteSim.Core.Engine;

// The end of a period (docs/model.md section 4, steps 5 and 6): the trip endings of every chunk become the period's
// counts, and each organization's fading memory learns from its traversals and interdictions.
public sealed partial class ReplicationRunner
{
    /// <summary>Derives the period's counts from the trip endings, records them, and updates the organization's beliefs.</summary>
    private void Record(OrganizationPlan plan, int t)
    {
        var layout = _model.Layout;
        int locations = _model.LocationCount, g = plan.Index, k = plan.Commodity;
        var endings = _recordEndings.AsSpan(0, plan.OutcomeCount);
        endings.Clear();
        long acting = 0, abstentions = 0;
        foreach (var chunk in _chunks)
        {
            if (chunk.Plan != plan) continue;
            acting += chunk.ActingCount;
            abstentions += chunk.Abstentions;
            for (int j = chunk.OutcomeFrom, to = Math.Min(chunk.OutcomeTo, endings.Length); j < to; j++) endings[j] += chunk.Endings[j];
        }

        var traversals = _recordTraversals;
        var interdictions = _recordInterdictions;
        Array.Clear(traversals);
        Array.Clear(interdictions);
        long attempts = 0, successes = 0, interdicted = 0, died = 0;
        var counts = _result.Locations;
        for (int r = 0; r < plan.Routes.Length; r++)
        {
            var nodes = plan.Routes[r].Nodes;
            int o = plan.OutcomeStart[r] - plan.OutcomeStart[0];
            long reached = 0;
            for (int j = 2 * nodes.Length; j >= 0; j--) reached += endings[o + j];
            attempts += reached;
            successes += endings[o + 2 * nodes.Length];
            _result.Routes[layout.Route(t, plan.RouteOffset + r)] = (int)reached;

            for (int j = 0; j < nodes.Length; j++)
            {
                int l = nodes[j];
                long caught = endings[o + 2 * j], dead = endings[o + 2 * j + 1];
                traversals[l] += reached;
                interdictions[l] += caught;
                counts[layout.Location(t, l, k, LocationMetric.Traversals)] += (int)reached;
                counts[layout.Location(t, l, k, LocationMetric.Interdictions)] += (int)caught;
                counts[layout.Location(t, l, k, LocationMetric.Deaths)] += (int)dead;
                interdicted += caught;
                died += dead;
                reached -= caught + dead;
            }
        }

        var organizations = _result.Organizations;
        organizations[layout.Organization(t, g, OrganizationMetric.Acting)] = (int)acting;
        organizations[layout.Organization(t, g, OrganizationMetric.Abstentions)] = (int)abstentions;
        organizations[layout.Organization(t, g, OrganizationMetric.Attempts)] = (int)attempts;
        organizations[layout.Organization(t, g, OrganizationMetric.Successes)] = (int)successes;
        organizations[layout.Organization(t, g, OrganizationMetric.Interdictions)] = (int)interdicted;
        organizations[layout.Organization(t, g, OrganizationMetric.Deaths)] = (int)died;
        _result.Decisions += acting;

        // docs/model.md section 4, step 6: fading counts; deaths are not evidence of detection.
        double gamma = plan.Organization.Memory;
        for (int l = 0; l < locations; l++)
        {
            _traversalMemory[g * locations + l] = ModelLaws.Remember(_traversalMemory[g * locations + l], gamma, traversals[l]);
            _interdictionMemory[g * locations + l] = ModelLaws.Remember(_interdictionMemory[g * locations + l], gamma, interdictions[l]);
        }
    }
}
