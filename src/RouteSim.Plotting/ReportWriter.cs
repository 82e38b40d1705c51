using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using RouteSim.Core.Engine;
using RouteSim.Results;
using RouteSim.Results.Reading;
using RouteSim.Results.Sweeps;

namespace RouteSim.Plotting;

/// <summary>
/// Renders a results folder's figures (PNG and SVG, in figures/) and report.html: one self-contained page, the
/// figures inlined as SVG and the font embedded, so it opens anywhere with no network.
/// </summary>
public static class ReportWriter
{
    /// <summary>
    /// Renders the report of any folder RouteSim writes (run, comparison, sweep, sensitivity, calibration,
    /// optimization); returns the path of report.html. A folder of none of these kinds is a <see cref="ResultsReadException"/>.
    /// </summary>
    public static string Write(string folder)
    {
        if (!Directory.Exists(folder)) throw new ResultsReadException($"{folder}: folder not found");
        if (File.Exists(Path.Combine(folder, SensitivityWriter.FileName))) return SensitivityReport(folder);
        if (File.Exists(Path.Combine(folder, "allocation.csv")) && File.Exists(Path.Combine(folder, "evaluation.csv"))) return OptimizationReport(folder);
        if (File.Exists(Path.Combine(folder, "loss_trace.csv")) && File.Exists(Path.Combine(folder, "fitted.yaml"))) return CalibrationReport(folder);
        if (File.Exists(Path.Combine(folder, Results.Sweeps.SweepDocument.FileName)))
        {
            var sweep = SweepFolder.Read(folder);
            var d = sweep.Document;
            string headline = $"<p>{d.Points:N0} points ({d.Design} design) x {d.Replications} replications = {d.WorkItems:N0} runs, seed {d.Seed}, "
                + $"{d.Parameters.Count} parameters ({string.Join(", ", d.Parameters.Select(p => p.Name))}), outcomes {string.Join(", ", d.Outcomes.Select(o => o.Name))}.</p>\n";
            var figures = SweepFigures.All(sweep).ToList();
            var indices = Path.Combine(folder, "sensitivity", SensitivityWriter.FileName);
            if (File.Exists(indices))
            {
                var table = CsvTable.Read(indices);
                headline += $"<h3>Sensitivity indices (routesim sensitivity), each with its 95% bootstrap interval</h3>\n{IndexTable(table)}";
                figures.InsertRange(0, IndexFigures(table));
            }
            else if (d.Design is "saltelli" or "morris")
                headline += $"<p>No sensitivity indices yet: <code>routesim sensitivity {WebUtility.HtmlEncode(folder)}</code> computes them ({(d.Design == "saltelli" ? "Sobol" : "Morris")}), and this report shows them when run again.</p>\n";
            return Render(folder, d.Name, d.Description, [], headline, figures, JsonSerializer.SerializeToElement(d, RunManifest.JsonOptions), expectsMap: false);
        }
        if (ComparisonFolder.IsComparison(folder))
        {
            var comparison = ComparisonFolder.Open(folder);
            var figures = ComparisonFigures.All(comparison);
            var m = comparison.Manifest;
            string b = comparison.Baseline.Manifest.ScenarioDescription, x = comparison.Intervention.Manifest.ScenarioDescription;
            string description = b == x ? b : $"Baseline: {b} Intervention: {x}";
            var sources = comparison.Baseline.Manifest.ScenarioSources.Concat(comparison.Intervention.Manifest.ScenarioSources).Distinct().ToArray();
            return Render(folder, $"{m.Baseline} vs {m.Intervention}", description,
                sources, ComparisonHeadline(comparison), figures, JsonSerializer.SerializeToElement(m, RunManifest.JsonOptions));
        }
        var run = RunFolder.Open(folder);
        return Render(folder, run.Manifest.Scenario, run.Manifest.ScenarioDescription, run.Manifest.ScenarioSources, RunHeadline(run),
            RunFigures.All(run), JsonSerializer.SerializeToElement(run.Manifest, RunManifest.JsonOptions));
    }

    /// <summary>A sensitivity folder: its indices as a table, and the figures `routesim sensitivity` drew.</summary>
    private static string SensitivityReport(string folder)
    {
        var table = CsvTable.Read(Path.Combine(folder, SensitivityWriter.FileName));
        var manifest = Manifest(folder);
        string sweep = manifest.TryGetProperty("sweep", out var name) ? name.GetString() ?? "" : "";
        return Render(folder, $"Sensitivity of {sweep}", "", [], IndexTable(table), IndexFigures(table), manifest, expectsMap: false);
    }

    /// <summary>
    /// A calibration folder: what the fit achieved in words (the warning first when the fit stopped at a limit, then the
    /// search, the loss, the held-out scores), fitted parameters, the fit row by row, and the figures `routesim calibrate` drew.
    /// </summary>
    private static string CalibrationReport(string folder)
    {
        var manifest = Manifest(folder);
        string title = manifest.TryGetProperty("calibration", out var name) ? name.GetString() ?? "" : "";
        var fit = CsvTable.Read(Path.Combine(folder, "fit.csv"));
        string headline = CalibrationStory(folder) + "<p>Fitted parameters (start and fitted values in each parameter's own unit):</p>\n" + HtmlTable(CsvTable.Read(Path.Combine(folder, "parameters.csv")))
            // fit.csv's first column is the observed table's key (a year, say): an identifier, written as it is.
            + "<p>Observed against simulated (and predicted) values, row by row (fit.csv):</p>\n" + HtmlTable(fit, fit.Header[0]);
        var drawn = new (string File, string Caption)[]
        {
            ("observed-vs-simulated", "Observed (dots) against the fitted model (lines, keys used in the fit left of the grey line) and its prediction (squares)."),
            ("loss-trace", "Loss of every evaluation of the search, and the best so far."),
        };
        return Render(folder, $"Calibration: {title}", "", [], headline, [], manifest, drawn, expectsMap: false);
    }

    /// <summary>
    /// The calibration's opening summary (<see cref="Results.Calibration.CalibrationSummary"/>, as the console prints it):
    /// the warning, how the search stopped, the loss with its units and each group's held-out scores; empty for a manifest
    /// this version cannot read.
    /// </summary>
    private static string CalibrationStory(string folder)
    {
        if (Results.Calibration.CalibrationManifest.Read(folder) is not { } m) return "";
        string E(string t) => WebUtility.HtmlEncode(t);
        var scale = m.Compare == "shares" ? Analysis.Calibration.FitScale.Shares : Analysis.Calibration.FitScale.Counts;
        var text = new StringBuilder();
        // A fit that stopped at a limit says so above its numbers.
        if (m.Warning is { Length: > 0 } warning) text.Append($"<p><strong>Warning:</strong> {E(warning)}.</p>\n");
        text.Append("<div class=\"story\">\n");
        text.Append($"<p>The search made {m.Evaluations.ToString("#,0", CultureInfo.InvariantCulture)} evaluation{(m.Evaluations == 1 ? "" : "s")} and {E(m.StopReason)}.</p>\n");
        string loss = Results.Calibration.CalibrationSummary.Loss(m.Loss, scale, m.Estimates is { Count: > 0 }, m.LossMeaning);
        text.Append($"<p>{E(char.ToUpperInvariant(loss[0]) + loss[1..])}.</p>\n");
        foreach (var estimate in m.Estimates ?? [])
        {
            string line = Results.Calibration.CalibrationSummary.Estimate(estimate);
            text.Append($"<p>{E(char.ToUpperInvariant(line[0]) + line[1..])}.</p>\n");
        }
        foreach (var h in m.Holdout)
        {
            string score = Results.Calibration.CalibrationSummary.Holdout(h, scale, m.Intervals is not null, m.Warning is { Length: > 0 });
            text.Append($"<p>{E(char.ToUpperInvariant(score[0]) + score[1..])}.</p>\n");
        }
        return text.Append("</div>\n").ToString();
    }

    /// <summary>An optimization folder: the allocations compared, units per location, and the figures `routesim optimize` drew.</summary>
    private static string OptimizationReport(string folder)
    {
        var manifest = Manifest(folder);
        string title = manifest.TryGetProperty("scenario", out var name) ? name.GetString() ?? "" : "";
        string convergence = manifest.TryGetProperty("search_converged", out var converged) && manifest.TryGetProperty("search_iterations_run", out var ran)
            ? $"<p>The search {(converged.GetBoolean() ? "converged" : "did not converge")} after {ran.GetInt32()} iterations.</p>\n" : "";
        string headline = "<p>Each allocation on seeds the search never saw: objective with its 95% interval, and its paired difference from the reference "
            + "(allocations of the same number of units only; an allocation of another size has no difference).</p>\n"
            + HtmlTable(CsvTable.Read(Path.Combine(folder, "evaluation.csv"))) + convergence
            + "<p>Resource units per location (allocation.csv):</p>\n" + HtmlTable(CsvTable.Read(Path.Combine(folder, "allocation.csv")));
        var drawn = new (string File, string Caption)[]
        {
            ("figures/allocations", "Each allocation of the budget on fresh seeds: mean with its 95% interval (lower is better)."),
            ("figures/allocation-split", "Units at the locations that get the most: the best found and the scenario's own scaled to the budget."),
        };
        return Render(folder, $"Optimization: {title}", "", [], headline, [], manifest, drawn, expectsMap: false);
    }

    private static JsonElement Manifest(string folder)
    {
        var path = Path.Combine(folder, Results.Manifest.FileName);
        if (!File.Exists(path)) throw new ResultsReadException($"{path}: file not found (is this a RouteSim results folder?)");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ResultsReadException($"{path}: not valid JSON ({e.Message})");
        }
    }

    /// <summary>Sobol or Morris figures from a sensitivity.csv, by its columns.</summary>
    private static IReadOnlyList<Figure> IndexFigures(CsvTable table)
    {
        int outcome = table.Column(SensitivityColumns.Outcome), parameter = table.Column(SensitivityColumns.Parameter);
        double N(string[] row, string column) => CsvTable.Number(row[table.Column(column)]);
        Analysis.Sensitivity.Interval Interval(string[] row, string column) => new(N(row, column), N(row, SensitivityColumns.CiLow(column)), N(row, SensitivityColumns.CiHigh(column)));
        var byOutcome = table.Rows.GroupBy(r => r[outcome]).ToArray();
        if (table.Has(SensitivityColumns.S1))
            return byOutcome.Select(g => SensitivityFigures.Sobol(g.Key, g.Select(r => new Analysis.Sensitivity.SobolIndex(r[parameter],
                Interval(r, SensitivityColumns.S1), Interval(r, SensitivityColumns.ST))).ToArray())).ToArray();
        return byOutcome.Select(g => SensitivityFigures.Morris(g.Key, g.Select(r => new Analysis.Sensitivity.MorrisEffect(r[parameter], N(r, SensitivityColumns.Mu),
            Interval(r, SensitivityColumns.MuStar), N(r, SensitivityColumns.Sigma))).ToArray())).ToArray();
    }

    /// <summary>Sobol S1 and ST, or Morris mu* and sigma, one row per outcome and parameter, each index as "estimate [low, high]".</summary>
    private static string IndexTable(CsvTable table)
    {
        string[] columns = table.Has(SensitivityColumns.S1) ? [SensitivityColumns.S1, SensitivityColumns.ST] : [SensitivityColumns.MuStar, SensitivityColumns.Sigma];
        var html = new StringBuilder($"<table>\n<tr><th>{SensitivityColumns.Outcome}</th><th>{SensitivityColumns.Parameter}</th>");
        foreach (var c in columns) html.Append($"<th>{c}</th>");
        html.Append("</tr>\n");
        foreach (var row in table.Rows)
        {
            html.Append($"<tr><td>{WebUtility.HtmlEncode(row[table.Column(SensitivityColumns.Outcome)])}</td><td>{WebUtility.HtmlEncode(row[table.Column(SensitivityColumns.Parameter)])}</td>");
            foreach (var c in columns)
            {
                double value = CsvTable.Number(row[table.Column(c)]);
                html.Append(table.Has(SensitivityColumns.CiLow(c))
                    ? $"<td>{Cell(value, CsvTable.Number(row[table.Column(SensitivityColumns.CiLow(c))]), CsvTable.Number(row[table.Column(SensitivityColumns.CiHigh(c))]))}</td>"
                    : $"<td>{Cell(value, double.NaN, double.NaN)}</td>");
            }
            html.Append("</tr>\n");
        }
        return html.Append("</table>\n").ToString();
    }

    /// <summary>
    /// A CSV table as HTML, numbers to four significant digits with thousands separators, except in
    /// <paramref name="keyColumns"/>: identifiers such as years, written as the file has them (1992, not 1,992).
    /// </summary>
    private static string HtmlTable(CsvTable table, params string[] keyColumns)
    {
        var keys = table.Header.Select(h => keyColumns.Contains(h, StringComparer.Ordinal)).ToArray();
        var html = new StringBuilder("<table>\n<tr>");
        // Long column names may wrap at their underscores, so a wide table still fits the page.
        foreach (var name in table.Header) html.Append($"<th>{WebUtility.HtmlEncode(name).Replace("_", "_<wbr>", StringComparison.Ordinal)}</th>");
        html.Append("</tr>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (int c = 0; c < row.Length; c++)
            {
                string field = row[c];
                html.Append(c < keys.Length && !keys[c] && double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && field.Length > 0
                    ? $"<td>{WebUtility.HtmlEncode(Significant(v))}</td>" : $"<td>{WebUtility.HtmlEncode(field)}</td>");
            }
            html.Append("</tr>\n");
        }
        return html.Append("</table>\n").ToString();
    }

    private static string Significant(double v) =>
        v == Math.Floor(v) && Math.Abs(v) < 1e15 ? v.ToString("#,0", CultureInfo.InvariantCulture)
        : Math.Abs(v) >= 1000 ? v.ToString("#,0.#", CultureInfo.InvariantCulture)
        : v.ToString("G4", CultureInfo.InvariantCulture);

    private static string Render(string folder, string title, string description, IReadOnlyList<string> sources, string headline,
        IReadOnlyList<Figure> figures, JsonElement manifest, IReadOnlyList<(string File, string Caption)>? drawn = null, bool expectsMap = true)
    {
        // Figures the command drew itself (calibration, optimization) are inlined as they are, found by name.
        var existing = (drawn ?? []).Where(d => File.Exists(Path.Combine(folder, d.File + ".svg"))).ToArray();
        if (figures.Count > 0) FigureFiles.Replace(figures, Path.Combine(folder, "figures"));
        var html = new StringBuilder();

        string E(string s) => WebUtility.HtmlEncode(s);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append($"<title>{E(title)}: RouteSim report</title>\n<style>\n");
        html.Append($"@font-face {{ font-family: '{FigureStyle.FontName}'; src: url(data:font/ttf;base64,{Convert.ToBase64String(FigureStyle.FontBytes)}) format('truetype'); }}\n");
        html.Append($"body {{ font-family: '{FigureStyle.FontName}', sans-serif; max-width: 1150px; margin: 2em auto; padding: 0 1em; color: #222; }}\n");
        html.Append("table { border-collapse: collapse; margin: 1em 0; display: block; max-width: 100%; overflow-x: auto; } td, th { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: right; }\n");
        html.Append("th:first-child, td:first-child { text-align: left; } figure { margin: 2em 0; } figcaption { color: #555; max-width: 60em; }\n");
        html.Append("svg { max-width: 100%; height: auto; }\n.story p { font-size: 1.1em; line-height: 1.45; margin: 0.5em 0; max-width: 60em; }\n");
        html.Append(".definition { color: #666; font-size: 0.85em; } table.measures td { vertical-align: top; } .interval { color: #555; font-size: 0.85em; white-space: nowrap; } .notes { color: #444; font-size: 0.9em; }\n</style>\n</head>\n<body>\n");
        html.Append($"<h1>{E(title)}</h1>\n");
        if (description.Length > 0) html.Append($"<p>{E(description)}</p>\n");
        if (sources.Count > 0)
        {
            html.Append("<p>Sources:</p>\n<ul>\n");
            foreach (var s in sources) html.Append($"<li>{E(s)}</li>\n");
            html.Append("</ul>\n");
        }
        html.Append("<h2>In brief</h2>\n").Append(headline);
        html.Append("<h2>Figures</h2>\n");
        if (expectsMap && !figures.Any(f => f.Name.EndsWith("map", StringComparison.Ordinal)) && figures.Any(f => f.Name.EndsWith("network", StringComparison.Ordinal)))
            html.Append("<p>No map: some nodes of this scenario have no coordinates (give every node lat and lon to get one); the network figure lays the network out in route order instead.</p>\n");
        foreach (var (file, caption) in existing)
        {
            var svg = File.ReadAllText(Path.Combine(folder, file + ".svg"));
            int start = svg.IndexOf("<svg", StringComparison.Ordinal);
            html.Append($"<figure id=\"{E(Path.GetFileName(file))}\">\n").Append(start >= 0 ? svg[start..] : svg).Append('\n');
            html.Append($"<figcaption>{E(caption)} ({E(file)}.png, {E(file)}.svg)</figcaption>\n</figure>\n");
        }
        foreach (var f in figures)
        {
            html.Append($"<figure id=\"{f.Name}\">\n").Append(f.Plot.GetSvgXml(f.Width, f.Height)).Append('\n');
            html.Append($"<figcaption>{E(f.Caption)} (figures/{f.Name}.png, figures/{f.Name}.svg)</figcaption>\n</figure>\n");
        }
        html.Append("<h2>Manifest</h2>\n<table>\n");
        foreach (var p in manifest.EnumerateObject())
            html.Append($"<tr><th>{E(p.Name)}</th><td>{E(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText())}</td></tr>\n");
        html.Append("</table>\n</body>\n</html>\n");

        var report = Path.Combine(folder, "report.html");
        var temporary = report + ".partial";
        File.WriteAllText(temporary, html.ToString(), new UTF8Encoding(false));
        File.Move(temporary, report, overwrite: true);
        return report;
    }

    private static string Cell(double mean, double low, double high) =>
        double.IsNaN(mean) ? "undefined"
        : double.IsNaN(low) ? mean.ToString("#,0.###", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{mean:#,0.###} [{low:#,0.###}, {high:#,0.###}]");

    private static string RunHeadline(RunFolder run)
    {
        var totals = CsvTable.Read(Path.Combine(run.Path, "summary_totals.csv"));
        int table = totals.Column("table"), key = totals.Column("key"), metric = totals.Column("metric");
        int mean = totals.Column("mean"), low = totals.Column("ci_low"), high = totals.Column("ci_high");
        var text = new StringBuilder($"<p>Totals over the run ({run.Manifest.Periods} {WebUtility.HtmlEncode(run.Manifest.PeriodUnit)}s), mean per replication [95% interval], {run.Manifest.Replications} replications, seed {run.Manifest.Seed}.</p>\n<table>\n<tr><th>organization</th>");
        var metrics = Metrics.Headline.Select(m => m.Name).ToArray();
        foreach (var m in metrics) text.Append($"<th>{m}</th>");
        text.Append("</tr>\n");
        foreach (var org in run.Organizations)
        {
            text.Append($"<tr><td>{WebUtility.HtmlEncode(org)}</td>");
            foreach (var m in metrics)
            {
                var row = totals.Rows.First(r => r[table] == "organizations" && r[key] == org && r[metric] == m);
                text.Append($"<td>{Cell(CsvTable.Number(row[mean]), CsvTable.Number(row[low]), CsvTable.Number(row[high]))}</td>");
            }
            text.Append("</tr>\n");
        }
        return text.Append("</table>\n").ToString();
    }

    private static string ComparisonHeadline(ComparisonFolder comparison)
    {
        string E(string t) => WebUtility.HtmlEncode(t);
        var text = new StringBuilder("<div class=\"story\">\n");
        foreach (var sentence in Text.ComparisonStory.Sentences(comparison)) text.Append($"<p>{E(sentence)}</p>\n");
        text.Append("</div>\n");

        var table = Text.MeasureTable.From(comparison);
        text.Append("<h3>Every measure, for all commodities together and for each</h3>\n<p>Mean over the window with its 95% interval in brackets. "
            + "The names in comparison.csv are given under each measure.</p>\n<table class=\"measures\">\n<tr><th>measure</th>");
        foreach (var column in table.Columns) text.Append($"<th>{E(column)}</th>");
        text.Append("</tr>\n");
        foreach (var row in table.Rows)
        {
            text.Append($"<tr><td><b>{E(row.Measure.Label)}</b><br><span class=\"definition\">{E(row.Measure.Definition)} ({E(row.Measure.Name)})</span></td>");
            foreach (var cell in row.Cells)
                text.Append($"<td>{E(cell.Value)}{(cell.NoteMark.Length > 0 ? $" <sup>{E(cell.NoteMark)}</sup>" : "")}"
                    + $"{(cell.Interval.Length > 0 ? $"<br><span class=\"interval\">{E(cell.Interval)}</span>" : "")}</td>");
            text.Append("</tr>\n");
        }
        text.Append("</table>\n");
        if (table.Notes.Count > 0)
        {
            text.Append("<ol class=\"notes\">\n");
            foreach (var note in table.Notes) text.Append($"<li>{E(note)}</li>\n");
            text.Append("</ol>\n");
        }

        var labels = comparison.Baseline.Nodes.ToDictionary(n => n.Id, n => n.Label, StringComparer.Ordinal);
        var changed = comparison.Locations.OrderByDescending(l => Math.Abs(l.Change)).Take(ComparisonFigures.Crossings).ToArray();
        text.Append($"<h3>The {changed.Length} crossings whose flow changed most</h3>\n<p>Crossings over the window, mean of the replications; "
            + $"all {comparison.Locations.Count} crossings are in comparison_locations.csv.</p>\n<table>\n"
            + "<tr><th>crossing</th><th>targeted</th><th>baseline</th><th>intervention</th><th>change [95% interval]</th></tr>\n");
        foreach (var l in changed)
        {
            string label = labels.GetValueOrDefault(l.Location, l.Location);
            text.Append($"<tr><td>{E(label.Length == 0 ? l.Location : label)}{(label.Length == 0 || label == l.Location ? "" : $" <span class=\"definition\">({E(l.Location)})</span>")}</td><td>{E(Text.ComparisonStory.TargetedCell(l))}</td>"
                + $"<td>{Text.Quantities.Count(l.Baseline)}</td><td>{Text.Quantities.Count(l.Intervention)}</td>"
                + $"<td>{Text.Quantities.Count(l.Change, signed: true)} [{Text.Quantities.Count(l.ChangeLow, signed: true)} to {Text.Quantities.Count(l.ChangeHigh, signed: true)}]</td></tr>\n");
        }
        return text.Append("</table>\n").ToString();
    }
}
