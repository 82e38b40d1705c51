using RouteSim.Core.Engine;
using RouteSim.Experiments.Entries;
using RouteSim.Scenarios.Format;
using static RouteSim.Scenarios.Format.FieldType;

namespace RouteSim.Experiments.Calibration;

/// <summary>The calibration file format, key by key.</summary>
public static class CalibrationFormat
{
    // Declared first: the specs below read it while the class initialises.
    private static readonly string[] OrganizationMetrics = [.. Metrics.Organization.Select(m => m.Name)];

    /// <summary>How the observed table's keys map to periods.</summary>
    public static ObjectSpec Periods { get; } = new("periods", "Which periods each key (row) of the observed table stands for.",
    [
        new("first_key", Integer, true, "The key whose periods start at start."),
        new("start", Integer, true, "First period of first_key.", "periods", Bounds.Between(0, int.MaxValue)),
        new("length", Integer, true, "Periods per key (12 for years of monthly periods).", "periods", Bounds.Between(1, int.MaxValue)),
    ]);

    /// <summary>A model output matched to an observed column.</summary>
    public static ObjectSpec Target { get; } = new("target", "An observed column and the model output it is compared with (totalled over each key's periods).",
    [
        new("column", Text, true, "Column of the observed table."),
        new("metric", Choice, true, "The model's metric.", Choices: [.. Metrics.Names]),
        EntryFormat.Location,
        EntryFormat.Organization,
        new("route", Id, false, "Route of the trips metric."),
        EntryFormat.Commodity,
        new("group", Id, false, "Shares are taken within a group (e.g. apprehensions and deaths by sector, each summing to 1); written in the group_name column of the predictions.", Default: "one group"),
        new("label", Text, false, "Name of the target in the predictions (e.g. the sector as the data name it).", Default: "the column"),
    ]);

    /// <summary>A fitted parameter.</summary>
    public static ObjectSpec Parameter { get; } = new("parameter", "A number of the scenario, addressed by path, fitted within bounds.",
    [
        new("path", Text, true, "Where the number is, e.g. enforcement.effectiveness."),
        new("name", Id, false, "Name in the results.", Default: "the path"),
        new("min", Number, true, "Lower bound."),
        new("max", Number, true, "Upper bound."),
        new("start", Number, false, "Where the search starts.", Default: "the scenario's value if inside the bounds, else the middle"),
        new("scale", Choice, false, "Search on this scale.", Choices: ["linear", "log"], Default: "linear"),
        EntryFormat.Multiply,
    ]);

    /// <summary>Most loss evaluations a calibration may be given, in the file (fit.max_evaluations) or on the command line (--max-evaluations).</summary>
    public const int MaxEvaluationsLimit = 1_000_000;

    /// <summary>Search settings.</summary>
    public static ObjectSpec Fit { get; } = new("fit", "How the loss is minimised.",
    [
        new("method", Choice, false, "least-squares: Levenberg-Marquardt on the residuals, the Jacobian by forward differences evaluated side by side, then a pattern-search polish (polish); nelder-mead: a simplex with restarts, one evaluation at a time.", Choices: ["least-squares", "nelder-mead"], Default: "least-squares"),
        new("max_evaluations", Integer, false, "Most loss evaluations (each runs every replication).", "", Bounds.Between(1, MaxEvaluationsLimit), "200"),
        new("tolerance", Number, false, "Stop when the simplex's losses agree to this relative tolerance (nelder-mead), or when a search from the best point improves it by less (least-squares).", "", Bounds.Positive, "1e-6"),
        new("starts", Integer, false, "Searches to run: the first from the start values, the others from points spread over the bounds; the best wins. The budget is shared.", "", Bounds.Between(1, 1000), "1"),
        new("step", Number, false, "Size of the initial simplex on the search's unbounded scale (1: about a quarter of each range); nelder-mead only.", "", Bounds.Positive, "1"),
        new("polish", Integer, false, "Most evaluations of the pattern search that polishes the least-squares optimum (polls along the principal directions of the loss's curvature there, evaluated side by side; never ends at a higher loss); 0: none, else at least 2 x parameters + 1 (the curvature and one poll). least-squares only (nelder-mead takes only 0).", "", Bounds.Between(0, 1_000_000), "10 x parameters"),
        new("changes", Flag, false, "The loss also counts, for each fitted key after the first, the error of the one-step anchored forecast from the key before (the observed row moved by the model's change), so that the fit rewards the model's year-to-year changes and not only its levels.", Default: "false"),
    ]);

    /// <summary>Which observed rows the fit uses.</summary>
    public static ObjectSpec FitKeys { get; } = new("fit_keys", "The observed rows used in the fit; the others are held out, to check predictions against them.",
    [
        new("from", Integer, true, "First key used."),
        new("to", Integer, true, "Last key used (included)."),
    ]);

    /// <summary>Which keys to predict.</summary>
    public static ObjectSpec Predict { get; } = new("predict", "Keys to write predictions for, observed or not.",
    [
        new("from", Integer, true, "First key."),
        new("to", Integer, true, "Last key (included)."),
        new("replications", Integer, false, "Replications of the fitted model's run.", "", Bounds.Between(1, 1_000_000), "the calibration's"),
        new("anchor", Choice, false, "none: predictions are the model's values; last_fitted: after the last fitted key, the last fitted observation moved by the model's predicted change.", Choices: ["none", "last_fitted"], Default: "none"),
    ]);

    /// <summary>An outside estimate of a ratio of model outputs.</summary>
    public static ObjectSpec Estimate { get; } = new("estimate", "An outside estimate (a published study's, not the observed table's) of a ratio of two organization metrics over the fitted keys, e.g. apprehensions per crossing attempt; it enters the loss as one more observation with its standard error.",
    [
        new("name", Id, true, "Name in the results."),
        new("numerator", Choice, true, "Organization metric above the line, totalled over the fitted keys' periods.", Choices: OrganizationMetrics),
        new("denominator", Choice, true, "Organization metric below the line, totalled over the same periods.", Choices: OrganizationMetrics),
        new("organization", Id, false, "Organization whose metrics are taken.", Default: "all organizations"),
        new("value", Number, true, "The estimate.", "", Bounds.NonNegative),
        new("standard_error", Number, true, "Its standard error (the loss counts the model's distance from the value in standard errors).", "", Bounds.Positive),
        new("source", Text, true, "Where the estimate comes from: author, year and title."),
    ]);

    /// <summary>Forecast intervals.</summary>
    public static ObjectSpec Intervals { get; } = new("intervals", "95% intervals of the predictions: parameter vectors drawn from the loss's curvature at the optimum, each forecast simulated with its own random numbers.",
    [
        new("draws", Integer, false, "Parameter draws, each one forecast.", "", Bounds.Between(2, 100_000), "100"),
        new("replications", Integer, false, "Replications of each draw's forecast (its Monte Carlo noise is part of the interval).", "", Bounds.Between(1, 1_000_000), "the calibration's"),
        new("step", Number, false, "Step of the central differences on the search's unbounded scale.", "", Bounds.Positive, "0.1"),
        new("forecast_error", Flag, false, "Also add, after the last fitted key, the model's own one-step forecast error in the fitted keys (root mean square per group, growing with the square root of the keys ahead): prediction intervals for what will be observed, not only for the model's value.", Default: "false"),
    ]);

    /// <summary>The whole file.</summary>
    public static ObjectSpec Calibration { get; } = new("calibration", "Fit scenario parameters to an observed table.",
    [
        new("name", Text, true, "Title."),
        new("description", Text, false, "What is fitted to what."),
        new("scenario", Text, true, "The scenario file, relative to this file."),
        new("observed", Text, true, "The observed CSV, relative to this file."),
        new("key", Text, true, "The observed table's key column (e.g. fiscal_year)."),
        new("periods", Mapping, true, "Which periods each key stands for.", Nested: Periods),
        new("compare", Choice, false, "counts, or each target's share of its row's total.", Choices: ["counts", "shares"], Default: "counts"),
        new("count_scale", Number, false, "Simulated counts are multiplied by this before comparison (model agents to real events).", "", Bounds.Positive, "1"),
        new("target_name", Id, false, "Name of the target column in predictions (e.g. sector).", Default: "target"),
        new("group_name", Id, false, "Name of the group column in predictions (e.g. target), written when targets have groups.", Default: "target"),
        new("targets", MappingList, true, "Observed columns and the outputs they are compared with.", Nested: Target),
        new("parameters", MappingList, true, "The fitted parameters.", Nested: Parameter),
        new("replications", Integer, true, "Replications per evaluation (the same seeds every time: common random numbers).", "", Bounds.Between(1, 1_000_000)),
        new("seed", Integer, true, "Master seed.", "", Bounds.Between(0, long.MaxValue)),
        new("estimates", MappingList, false, "Outside estimates of ratios of model outputs, each one more observation in the loss.", Default: "none", Nested: Estimate),
        new("fit", Mapping, false, "Search settings.", Nested: Fit),
        new("fit_keys", Mapping, false, "Observed rows used in the fit.", Default: "all", Nested: FitKeys),
        new("predict", Mapping, false, "Keys to predict.", Default: "the observed keys", Nested: Predict),
        new("intervals", Mapping, false, "Forecast intervals (predictions get ci_low and ci_high).", Default: "none", Nested: Intervals),
    ]);
}
