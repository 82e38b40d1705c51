using RouteSim.Analysis.Calibration;
using RouteSim.Analysis.Sweeps;
using RouteSim.Core.Engine;
using RouteSim.Core.Randomness;
using RouteSim.Experiments.Templates;
using RouteSim.Scenarios;

namespace RouteSim.Experiments.Calibration;

/// <summary>A loaded calibration: the scenario template, fitted parameters, the observed table and how the model is compared with it.</summary>
public sealed class Calibration
{
    internal Calibration(string file, string name, string description, ScenarioTemplate scenario, IReadOnlyList<(ParameterPath Path, BoundedParameter Parameter)> parameters,
        ObservedTable observed, ObservedTable allObserved, string observedFile, KeyPeriods periods, IReadOnlyList<Outcome> targets, FitScale scale, double countScale, string targetName,
        int replications, ulong seed, int maxEvaluations, double tolerance, double step, IReadOnlyList<long> predictKeys, int predictReplications, bool anchored)
    {
        File = file;
        Name = name;
        Description = description;
        Scenario = scenario;
        Parameters = parameters;
        Observed = observed;
        AllObserved = allObserved;
        ObservedFile = observedFile;
        Periods = periods;
        Targets = targets;
        Scale = scale;
        CountScale = countScale;
        TargetName = targetName;
        Replications = replications;
        Seed = seed;
        MaxEvaluations = maxEvaluations;
        Tolerance = tolerance;
        Step = step;
        PredictKeys = predictKeys;
        PredictReplications = predictReplications;
        Anchored = anchored;
    }

    /// <summary>Predictions after the last fitted key are anchored on the last fitted observation.</summary>
    public bool Anchored { get; }

    /// <summary>The calibration file.</summary>
    public string File { get; }

    /// <summary>Title.</summary>
    public string Name { get; }

    /// <summary>What is fitted to what.</summary>
    public string Description { get; }

    /// <summary>The scenario whose numbers are fitted.</summary>
    public ScenarioTemplate Scenario { get; }

    /// <summary>Fitted parameters and where they are.</summary>
    public IReadOnlyList<(ParameterPath Path, BoundedParameter Parameter)> Parameters { get; }

    /// <summary>The observed rows the fit uses (only the target columns).</summary>
    public ObservedTable Observed { get; }

    /// <summary>Every observed row, held-out ones included, for reporting.</summary>
    public ObservedTable AllObserved { get; }

    /// <summary>The observed CSV file.</summary>
    public string ObservedFile { get; }

    /// <summary>Which periods each key stands for.</summary>
    public KeyPeriods Periods { get; }

    /// <summary>One model output per observed target column (window set per key when evaluated).</summary>
    public IReadOnlyList<Outcome> Targets { get; }

    /// <summary>Counts or shares.</summary>
    public FitScale Scale { get; }

    /// <summary>Multiplier from simulated to observed counts.</summary>
    public double CountScale { get; }

    /// <summary>Name of the target column in predictions.</summary>
    public string TargetName { get; }

    /// <summary>Replications per evaluation.</summary>
    public int Replications { get; }

    /// <summary>Master seed: every evaluation uses the same streams.</summary>
    public ulong Seed { get; }

    /// <summary>Loss evaluations allowed.</summary>
    public int MaxEvaluations { get; }

    /// <summary>Relative tolerance of the simplex.</summary>
    public double Tolerance { get; }

    /// <summary>Searches run, from the start values and from points spread over the bounds.</summary>
    public int Starts { get; init; } = 1;

    /// <summary>Share groups of the targets (one unless the file gives groups).</summary>
    public TargetGroups Groups { get; init; } = TargetGroups.One(0);

    /// <summary>Name of the group column in predictions.</summary>
    public string GroupName { get; init; } = "target";

    /// <summary>Each target's name in predictions, in target order.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The loss also counts one-step anchored forecasts of each fitted row after the first (fit.changes).</summary>
    public bool FitChanges { get; init; }

    /// <summary>How forecast intervals are made; null: none.</summary>
    public IntervalSettings? Intervals { get; init; }

    /// <summary>Initial simplex step on the unbounded scale.</summary>
    public double Step { get; }

    /// <summary>Keys the fitted model predicts.</summary>
    public IReadOnlyList<long> PredictKeys { get; }

    /// <summary>Replications of the fitted model's final run.</summary>
    public int PredictReplications { get; }

    /// <summary>Every key simulated: the observed ones and the predicted ones, in order.</summary>
    public IReadOnlyList<long> AllKeys => AllObserved.Keys.Concat(PredictKeys).Distinct().Order().ToArray();

    /// <summary>The scenario with these parameter values; null with the reason when they make an invalid scenario.</summary>
    public CompiledScenario? Model(IReadOnlyList<double> values, LoadOptions options, out string? problem)
    {
        var loaded = Scenario.Instantiate(Parameters.Select(p => p.Path).ToArray(), values, options);
        problem = loaded.Ok ? null : loaded.Errors[0].ToString();
        return loaded.Model;
    }

    /// <summary>Runs the model with these values (the calibration's seed unless <paramref name="seed"/> says otherwise) and tabulates every target for every key.</summary>
    public SimulatedTable? Simulate(IReadOnlyList<double> values, int replications, int threads, LoadOptions options, out string? problem, CancellationToken cancellation = default,
        ulong? seed = null)
    {
        var model = Model(values, options, out problem);
        if (model is null) return null;
        var keys = AllKeys;
        var compiled = keys.Select(k => Targets.Select(t => CompiledOutcome.Compile(t with { From = Periods.From(k), To = Periods.To(k) }, model, null)).ToArray()).ToArray();
        var sums = keys.Select(_ => new double[Targets.Count]).ToArray();
        Ensemble.Run(model, new RunSettings(seed ?? Seeds.CalibrationEvaluation(Seed), replications, threads), result =>
        {
            for (int row = 0; row < compiled.Length; row++)
                for (int j = 0; j < compiled[row].Length; j++)
                    sums[row][j] += compiled[row][j].Measure(result, null);
        }, cancellation: cancellation);
        return new SimulatedTable(keys, Observed.Targets, sums.Select(r => r.Select(v => v / replications).ToArray()).ToArray());
    }

    /// <summary>The loss at these values (NaN when they make an invalid scenario).</summary>
    public double Loss(IReadOnlyList<double> values, int threads, LoadOptions options, CancellationToken cancellation = default)
    {
        var simulated = Simulate(values, Replications, threads, options, out _, cancellation);
        return simulated is null ? double.NaN : CalibrationLoss.Compute(Observed, simulated, Scale, CountScale, Groups, FitChanges);
    }

    /// <summary>The fitted cells' residuals at these values (same seeds as the loss), for the loss's curvature.</summary>
    public double[] Residuals(IReadOnlyList<double> values, int threads, LoadOptions options, CancellationToken cancellation = default)
    {
        var simulated = Simulate(values, Replications, threads, options, out var problem, cancellation)
            ?? throw new InvalidOperationException($"parameter values that do not load: {problem}");
        var levels = CalibrationLoss.Residuals(Observed, simulated, Scale, CountScale, Groups);
        return FitChanges ? [.. levels, .. CalibrationLoss.ChangeResiduals(Observed, simulated, Scale, CountScale, Groups)] : levels;
    }
}

/// <summary>How forecast intervals are made.</summary>
/// <param name="Draws">Parameter draws, one forecast each.</param>
/// <param name="Replications">Replications of each draw's forecast.</param>
/// <param name="Step">Central-difference step on the search scale, for the curvature.</param>
/// <param name="ForecastError">Add the model's in-sample one-step forecast error after the last fitted key (prediction intervals).</param>
public sealed record IntervalSettings(int Draws, int Replications, double Step, bool ForecastError = false);
