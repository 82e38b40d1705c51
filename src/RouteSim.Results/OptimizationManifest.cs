namespace RouteSim.Results;

/// <summary>
/// What an optimisation folder's manifest.json records: the budget (whole resource units), the search's settings, how
/// many iterations it ran, whether it converged (sampling spread at most SearchTolerance units) and both seeds.
/// </summary>
public sealed record OptimizationManifest(
    string Scenario,
    string ScenarioFile,
    string ScenarioSha256,
    double Budget,
    string Objective,
    string Window,
    int Start,
    IReadOnlyList<string> Locations,
    ulong SearchSeed,
    int SearchIterations,
    int SearchPopulation,
    int SearchReplications,
    int SearchIterationsRun,
    bool SearchConverged,
    double SearchTolerance,
    ulong EvaluationSeed,
    int EvaluationReplications) : Manifest;
