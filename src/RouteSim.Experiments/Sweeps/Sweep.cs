using RouteSim.Analysis.Designs;
using RouteSim.Analysis.Sweeps;
using RouteSim.Experiments.Templates;
using RouteSim.Scenarios;

namespace RouteSim.Experiments.Sweeps;

/// <summary>A loaded, checked sweep: its scenario templates, parameters, design and outcomes, ready to turn points into runs.</summary>
public sealed class Sweep
{
    internal Sweep(string file, string name, string description, ScenarioTemplate scenario, ScenarioTemplate? counterfactual,
        IReadOnlyList<SweepParameter> parameters, Design design, ulong designSeed, SweepPlan plan, IReadOnlyList<Outcome> outcomes)
    {
        File = file;
        Name = name;
        Description = description;
        Scenario = scenario;
        Counterfactual = counterfactual;
        Parameters = parameters;
        Design = design;
        DesignSeed = designSeed;
        Plan = plan;
        Outcomes = outcomes;
    }

    /// <summary>The sweep file as the user named it.</summary>
    public string File { get; }

    /// <summary>Title.</summary>
    public string Name { get; }

    /// <summary>What the sweep asks.</summary>
    public string Description { get; }

    /// <summary>The scenario every point modifies.</summary>
    public ScenarioTemplate Scenario { get; }

    /// <summary>The baseline each point is compared with, if any.</summary>
    public ScenarioTemplate? Counterfactual { get; }

    /// <summary>The swept parameters, in column order.</summary>
    public IReadOnlyList<SweepParameter> Parameters { get; }

    /// <summary>The points.</summary>
    public Design Design { get; }

    /// <summary>Seed of the design's own draws (the points), which with the parameters rebuilds the design.</summary>
    public ulong DesignSeed { get; }

    /// <summary>The global list of work.</summary>
    public SweepPlan Plan { get; }

    /// <summary>What each replication records.</summary>
    public IReadOnlyList<Outcome> Outcomes { get; }

    /// <summary>Point <paramref name="point"/> ready to run; throws <see cref="SweepPointException"/> when its values make an invalid scenario.</summary>
    public SweepPoint Point(int point, LoadOptions options)
    {
        var values = Design.Points[point];
        var model = Instantiate(Scenario, p => p.InScenario, values, options, point);
        var baseline = Counterfactual is null ? null : Instantiate(Counterfactual, p => p.InCounterfactual, values, options, point);
        return SweepPoint.Create(model, baseline, Outcomes);
    }

    private Core.Engine.CompiledScenario Instantiate(ScenarioTemplate template, Func<SweepParameter, bool> setHere, double[] values, LoadOptions options, int point)
    {
        var chosen = Enumerable.Range(0, Parameters.Count).Where(i => setHere(Parameters[i])).ToArray();
        var loaded = template.Instantiate(chosen.Select(i => Parameters[i].Path).ToArray(), chosen.Select(i => values[i]).ToArray(), options);
        if (loaded.Ok) return loaded.Model!;
        throw new SweepPointException(point, $"point {point}: {loaded.Errors[0]}");
    }
}
