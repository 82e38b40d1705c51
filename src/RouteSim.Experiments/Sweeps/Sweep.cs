using RouteSim.Analysis.Designs;
using RouteSim.Analysis.Sweeps;
using RouteSim.Experiments.Templates;
using RouteSim.Scenarios;

namespace RouteSim.Experiments.Sweeps;

/// <summary>A loaded, checked sweep: its scenario templates, parameters, design and outcomes, ready to turn points into runs.</summary>
public sealed class Sweep
{
    internal Sweep(string file, string text, string name, string description, ScenarioTemplate scenario, ScenarioTemplate? counterfactual,
        IReadOnlyList<SweepParameter> parameters, Design design, ulong designSeed, SweepPlan plan, IReadOnlyList<Outcome> outcomes)
    {
        File = file;
        Text = text;
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

    /// <summary>The sweep file's text.</summary>
    public string Text { get; }

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
        var model = Instantiate(Scenario, Parameters.Where(p => p.InScenario), values, options, point);
        var baseline = Counterfactual is null ? null : Instantiate(Counterfactual, Parameters.Where(p => p.InCounterfactual), values, options, point);
        return SweepPoint.Create(model, baseline, Outcomes);
    }

    private Core.Engine.SimulationModel Instantiate(ScenarioTemplate template, IEnumerable<SweepParameter> parameters, double[] values, LoadOptions options, int point)
    {
        var chosen = parameters.ToArray();
        var loaded = template.Instantiate(chosen.Select(p => p.Path).ToArray(), chosen.Select(p => values[IndexOf(p)]).ToArray(), options);
        if (loaded.Ok) return loaded.Model!;
        throw new SweepPointException(point, $"point {point}: {loaded.Errors[0]}");
    }

    private int IndexOf(SweepParameter parameter)
    {
        for (int i = 0; i < Parameters.Count; i++) if (ReferenceEquals(Parameters[i], parameter)) return i;
        throw new ArgumentException("not a parameter of this sweep", nameof(parameter));
    }
}
