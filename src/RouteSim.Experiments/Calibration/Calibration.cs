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

    /// <summary>Outside estimates of ratios of model outputs over the fitted keys, each one more observation in the loss; empty: none.</summary>
    public IReadOnlyList<EstimateTarget> Estimates { get; init; } = [];

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

    /// <summary>How the loss is minimised (fit.method).</summary>
    public FitMethod Method { get; init; } = FitMethod.LeastSquares;

    /// <summary>Most evaluations of the polish after least squares (fit.polish; 0: none; not used by Nelder-Mead).</summary>
    public int PolishEvaluations { get; init; }

    /// <summary>The scenario with these parameter values; null with the reason when they make an invalid scenario.</summary>
    public CompiledScenario? Model(IReadOnlyList<double> values, LoadOptions options, out string? problem)
    {
        var loaded = Scenario.Instantiate(Parameters.Select(p => p.Path).ToArray(), values, options);
        problem = loaded.Ok ? null : loaded.Errors[0].ToString();
        return loaded.Model;
    }

    /// <summary>Runs the model with these values (the calibration's seed unless <paramref name="seed"/> says otherwise) and tabulates every target for every key.</summary>
    public SimulatedTable? Simulate(IReadOnlyList<double> values, int replications, int threads, LoadOptions options, out string? problem, CancellationToken cancellation = default,
        ulong? seed = null) => Simulate(values, AllKeys, replications, threads, options, out problem, cancellation, seed);

    // Runs only as far as the last of the keys asked for: the loss needs the fitted keys alone, and a period depends
    // only on those before it, so their values are those of a full run.
    private SimulatedTable? Simulate(IReadOnlyList<double> values, IReadOnlyList<long> keys, int replications, int threads, LoadOptions options, out string? problem,
        CancellationToken cancellation, ulong? seed)
    {
        var model = Model(values, options, out problem);
        if (model is null) return null;
        var compiled = keys.Select(k => Targets.Select(t => CompiledOutcome.Compile(t with { From = Periods.From(k), To = Periods.To(k) }, model, null)).ToArray()).ToArray();
        var sums = keys.Select(_ => new double[Targets.Count]).ToArray();
        // An estimate's ratio is taken over the fitted keys' periods, from the first fitted key to the last.
        int fittedFrom = Periods.From(Observed.Keys.Min()), fittedTo = Periods.To(Observed.Keys.Max());
        var ratios = Estimates.Select(e => (Numerator: CompiledOutcome.Compile(e.Numerator with { From = fittedFrom, To = fittedTo }, model, null),
            Denominator: CompiledOutcome.Compile(e.Denominator with { From = fittedFrom, To = fittedTo }, model, null))).ToArray();
        var ratioSums = new double[ratios.Length, 2];
        Ensemble.Run(model, new RunSettings(seed ?? Seeds.CalibrationEvaluation(Seed), replications, threads) { Periods = keys.Max(Periods.To) }, result =>
        {
            for (int row = 0; row < compiled.Length; row++)
                for (int j = 0; j < compiled[row].Length; j++)
                    sums[row][j] += compiled[row][j].Measure(result, null);
            for (int k = 0; k < ratios.Length; k++)
            {
                ratioSums[k, 0] += ratios[k].Numerator.Measure(result, null);
                ratioSums[k, 1] += ratios[k].Denominator.Measure(result, null);
            }
        }, cancellation: cancellation);
        return new SimulatedTable(keys, Observed.Targets, sums.Select(r => r.Select(v => v / replications).ToArray()).ToArray())
        {
            Estimates = Enumerable.Range(0, ratios.Length).Select(k => ExternalEstimate.Ratio(ratioSums[k, 0], ratioSums[k, 1])).ToArray(),
        };
    }

    /// <summary>The loss at these values (NaN when they make an invalid scenario).</summary>
    public double Loss(IReadOnlyList<double> values, int threads, LoadOptions options, CancellationToken cancellation = default)
    {
        string key = Key(values);
        lock (_losses)
            if (_losses.TryGetValue(key, out var known)) return known;
        var simulated = Simulate(values, Observed.Keys, Replications, threads, options, out _, cancellation, null);
        if (simulated is null) return double.NaN;
        double[]? residuals = null;
        double loss;
        if (Estimates.Count == 0) loss = CalibrationLoss.Compute(Observed, simulated, Scale, CountScale, Groups, FitChanges);
        else
        {
            residuals = Residuals(simulated);
            loss = residuals.Sum(r => r * r) / residuals.Length;
        }
        lock (_losses)
        {
            if (_losses.TryAdd(key, loss))
            {
                _lossOrder.Enqueue(key);
                if (_lossOrder.Count > RecentLossesKept) _losses.Remove(_lossOrder.Dequeue());
            }
            if (loss < _lowest.Loss) _lowest = (key, loss, residuals ?? Residuals(simulated));
        }
        return loss;
    }

    // Losses at the most recent points, by the values' bits: every evaluation uses the same seeds, so a point the
    // simplex returns to (a restart begins at the best point; a shrink can land on a point tried before) has the
    // loss it had, without running the model again. In three Gatekeeper fits of 1,500 evaluations, 2 to 5 points
    // came back, each within 132 evaluations of its first.
    private const int RecentLossesKept = 512;
    private readonly Dictionary<string, double> _losses = new(StringComparer.Ordinal);
    private readonly Queue<string> _lossOrder = new();

    // The residuals at the lowest loss evaluated: the intervals' curvature starts at the best point, which the
    // Nelder-Mead search evaluated (the least-squares search's points are all in _residuals).
    private (string? Key, double Loss, double[]? Residuals) _lowest = (null, double.PositiveInfinity, null);

    private static string Key(IReadOnlyList<double> values) =>
        string.Join(',', values.Select(v => BitConverter.DoubleToInt64Bits(v).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The residuals at these values (same seeds as the loss; <see cref="Residuals(SimulatedTable)"/>), for the least-squares search and the loss's curvature.</summary>
    public double[] Residuals(IReadOnlyList<double> values, int threads, LoadOptions options, CancellationToken cancellation = default) =>
        TryResiduals(values, threads, options, out var problem, cancellation) ?? throw new InvalidOperationException($"parameter values that do not load: {problem}");

    /// <summary>
    /// The residuals at several points (null for a point that makes an invalid scenario), evaluated side by side;
    /// <paramref name="progress"/> gets the number done after each.
    /// </summary>
    public double[]?[] Residuals(IReadOnlyList<double[]> points, int threads, LoadOptions options, CancellationToken cancellation = default, Action<int>? progress = null)
    {
        int done = 0;
        var gate = new object();
        return SideBySide(points.Count, threads, (i, inner) =>
        {
            var residuals = TryResiduals(points[i], inner, options, out _, cancellation);
            if (progress is not null)
                lock (gate) progress(++done);
            return residuals;
        }, cancellation);
    }

    /// <summary>Forecasts at several parameter vectors, each simulated with its own seed, evaluated side by side.</summary>
    public IReadOnlyDictionary<long, double[]>[] Forecasts(IReadOnlyList<double[]> points, int replications, IReadOnlyList<ulong> seeds, int threads, LoadOptions options,
        Action<int>? progress = null, CancellationToken cancellation = default)
    {
        int done = 0;
        var gate = new object();
        return SideBySide(points.Count, threads, (i, inner) =>
        {
            var run = Simulate(points[i], replications, inner, options, out var problem, cancellation, seeds[i])
                ?? throw new InvalidOperationException($"a parameter draw does not load: {problem}");
            var forecast = Forecast.Predict(run, Observed, Scale, CountScale, Anchored, Groups);
            lock (gate) progress?.Invoke(++done);
            return forecast;
        }, cancellation);
    }

    /// <summary>
    /// Fits the parameters by <see cref="Method"/> within <paramref name="maxEvaluations"/> loss evaluations (with
    /// <see cref="Starts"/> searches); each evaluation is reported as it happens, in a fixed order.
    /// </summary>
    public FitResult Fit(int maxEvaluations, int threads, LoadOptions options, Action<FitEvaluation>? observe = null, CancellationToken cancellation = default)
    {
        var parameters = Parameters.Select(p => p.Parameter).ToArray();
        FitSearch search = Method switch
        {
            FitMethod.NelderMead => (from, budget, report) => NelderMeadFit.Minimize(from, values => Loss(values, threads, options, cancellation), budget, Tolerance, Step, report, cancellation),
            _ when PolishEvaluations > 0 => (from, budget, report) => PolishedFit.Minimize(from, points => Residuals(points, threads, options, cancellation), budget, Tolerance,
                PolishEvaluations, report, cancellation),
            _ => (from, budget, report) => LeastSquaresFit.Minimize(from, points => Residuals(points, threads, options, cancellation), budget, Tolerance,
                LeastSquaresFit.DefaultDifferenceStep, report, cancellation),
        };
        return MultiStartFit.Run(parameters, Starts, maxEvaluations, Seed, search, observe);
    }

    // Residuals already computed, by the parameter values' bits: the same seeds give the same residuals, so a point
    // evaluated again (the intervals' curvature at the optimum, and its steps when the polish measured them there) is free.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, double[]> _residuals = new(StringComparer.Ordinal);

    private double[]? TryResiduals(IReadOnlyList<double> values, int threads, LoadOptions options, out string? problem, CancellationToken cancellation)
    {
        string key = Key(values);
        problem = null;
        // Copies in and out: a caller may keep or change the array it gets.
        if (_residuals.TryGetValue(key, out var known)) return (double[])known.Clone();
        lock (_losses)
            if (_lowest.Key == key) return (double[])_lowest.Residuals!.Clone();
        var simulated = Simulate(values, Observed.Keys, Replications, threads, options, out problem, cancellation, null);
        if (simulated is null) return null;
        var residuals = Residuals(simulated);
        _residuals.TryAdd(key, (double[])residuals.Clone());
        return residuals;
    }

    /// <summary>
    /// The residuals of a simulation: the fitted cells' (and their one-step changes' with fit.changes), then one per
    /// outside estimate (<see cref="ExternalEstimate.WithEstimates"/>). Both searches minimise their mean square.
    /// </summary>
    public double[] Residuals(SimulatedTable simulated)
    {
        var levels = CalibrationLoss.Residuals(Observed, simulated, Scale, CountScale, Groups);
        var cells = FitChanges ? [.. levels, .. CalibrationLoss.ChangeResiduals(Observed, simulated, Scale, CountScale, Groups)] : levels;
        return ExternalEstimate.WithEstimates(cells, Estimates.Select(e => e.Estimate).ToArray(), simulated.Estimates);
    }

    /// <summary>Residuals free to vary: the loss's independent cells and one per outside estimate.</summary>
    public int IndependentResiduals => CalibrationLoss.IndependentCells(Observed, Scale, Groups, FitChanges) + Estimates.Count;

    // Runs count independent jobs with the threads split between them: one job at a time gets every thread, several
    // run side by side with one thread each (the engine's results do not depend on its thread count, so neither do
    // these). Results come back in job order.
    private static T[] SideBySide<T>(int count, int threads, Func<int, int, T> job, CancellationToken cancellation)
    {
        var results = new T[count];
        int workers = Math.Max(1, Math.Min(threads, count));
        int inner = Math.Max(1, threads / workers);
        if (workers == 1)
        {
            for (int i = 0; i < count; i++) results[i] = job(i, inner);
            return results;
        }
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellation }, i => results[i] = job(i, inner));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return results;
    }
}

/// <summary>How a calibration minimises its loss.</summary>
public enum FitMethod
{
    /// <summary>Levenberg-Marquardt on the residuals, forward-difference Jacobian (<see cref="LeastSquaresFit"/>), then a pattern-search polish (<see cref="PolishedFit"/>) unless <see cref="Calibration.PolishEvaluations"/> is 0.</summary>
    LeastSquares,

    /// <summary>Nelder-Mead simplex with restarts (<see cref="NelderMeadFit"/>).</summary>
    NelderMead,

}

/// <summary>An outside estimate and the model outputs whose ratio it estimates (organization metrics; their window is set to the fitted keys when evaluated).</summary>
public sealed record EstimateTarget(ExternalEstimate Estimate, Outcome Numerator, Outcome Denominator);

/// <summary>How forecast intervals are made.</summary>
/// <param name="Draws">Parameter draws, one forecast each.</param>
/// <param name="Replications">Replications of each draw's forecast.</param>
/// <param name="Step">Central-difference step on the search scale, for the curvature.</param>
/// <param name="ForecastError">Add the model's in-sample one-step forecast error after the last fitted key (prediction intervals).</param>
public sealed record IntervalSettings(int Draws, int Replications, double Step, bool ForecastError = false);
