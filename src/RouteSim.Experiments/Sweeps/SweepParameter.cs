using RouteSim.Analysis.Designs;
using RouteSim.Experiments.Templates;

namespace RouteSim.Experiments.Sweeps;

/// <summary>A swept parameter: where it is in the scenario, the values the design may give it, and which scenarios it is set in.</summary>
public sealed record SweepParameter(ParameterPath Path, Factor Factor, bool InScenario = true, bool InCounterfactual = true);
