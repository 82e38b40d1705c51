using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using RouteSim.Results;
using RouteSim.Results.Reading;

namespace RouteSim.Plotting;

/// <summary>
/// Renders a results folder's figures (PNG and SVG, in figures/) and report.html: one self-contained page, the
/// figures inlined as SVG and the font embedded, so it opens anywhere with no network.
/// </summary>
public static class ReportWriter
{
    /// <summary>Renders the report of a run, comparison or sweep folder; returns the path of report.html.</summary>
    public static string Write(string folder)
    {
        if (File.Exists(Path.Combine(folder, Results.Sweeps.SweepDocument.FileName)))
        {
            var sweep = SweepFolder.Read(folder);
            var d = sweep.Document;
            string headline = $"{d.Points:N0} points ({d.Design} design) x {d.Replications} replications = {d.WorkItems:N0} runs, seed {d.Seed}, "
                + $"{d.Parameters.Count} parameters ({string.Join(", ", d.Parameters.Select(p => p.Name))}), outcomes {string.Join(", ", d.Outcomes.Select(o => o.Name))}.";
            return Render(folder, d.Name, d.Description, [], headline, SweepFigures.All(sweep), JsonSerializer.SerializeToElement(d, RunManifest.JsonOptions));
        }
        if (ComparisonFolder.IsComparison(folder))
        {
            var comparison = ComparisonFolder.Open(folder);
            var figures = ComparisonFigures.All(comparison).Concat(RunFigures.All(comparison.Intervention)
                .Where(f => f.Name is "flows" or "interdictions-deaths")
                .Select(f => f with { Name = "intervention-" + f.Name, Caption = "Intervention arm. " + f.Caption })).ToArray();
            var m = comparison.Manifest;
            return Render(folder, $"{m.Baseline} vs {m.Intervention}", comparison.Baseline.Manifest.ScenarioDescription,
                comparison.Baseline.Manifest.ScenarioSources, ComparisonHeadline(comparison), figures, JsonSerializer.SerializeToElement(m, RunManifest.JsonOptions));
        }
        var run = RunFolder.Open(folder);
        return Render(folder, run.Manifest.Scenario, run.Manifest.ScenarioDescription, run.Manifest.ScenarioSources, RunHeadline(run),
            RunFigures.All(run), JsonSerializer.SerializeToElement(run.Manifest, RunManifest.JsonOptions));
    }

    private static string Render(string folder, string title, string description, IReadOnlyList<string> sources, string headline,
        IReadOnlyList<Figure> figures, JsonElement manifest)
    {
        // Figures go aside first and replace the old ones only when all are drawn.
        var target = Path.Combine(folder, "figures");
        var staging = Path.Combine(folder, $".figures.partial-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        var html = new StringBuilder();
        try
        {
            foreach (var f in figures)
            {
                f.Plot.SavePng(Path.Combine(staging, f.Name + ".png"), f.Width, f.Height);
                f.Plot.SaveSvg(Path.Combine(staging, f.Name + ".svg"), f.Width, f.Height);
            }
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            Directory.Move(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }

        string E(string s) => WebUtility.HtmlEncode(s);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append($"<title>{E(title)}: RouteSim report</title>\n<style>\n");
        html.Append($"@font-face {{ font-family: '{FigureStyle.FontName}'; src: url(data:font/ttf;base64,{Convert.ToBase64String(FigureStyle.FontBytes)}) format('truetype'); }}\n");
        html.Append($"body {{ font-family: '{FigureStyle.FontName}', sans-serif; max-width: 1150px; margin: 2em auto; padding: 0 1em; color: #222; }}\n");
        html.Append("table { border-collapse: collapse; margin: 1em 0; } td, th { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: right; }\n");
        html.Append("th:first-child, td:first-child { text-align: left; } figure { margin: 2em 0; } figcaption { color: #555; max-width: 60em; }\n");
        html.Append("svg { max-width: 100%; height: auto; }\n</style>\n</head>\n<body>\n");
        html.Append($"<h1>{E(title)}</h1>\n");
        if (description.Length > 0) html.Append($"<p>{E(description)}</p>\n");
        if (sources.Count > 0)
        {
            html.Append("<p>Sources:</p>\n<ul>\n");
            foreach (var s in sources) html.Append($"<li>{E(s)}</li>\n");
            html.Append("</ul>\n");
        }
        html.Append("<h2>Headline</h2>\n").Append(headline);
        html.Append("<h2>Figures</h2>\n");
        if (!figures.Any(f => f.Name.EndsWith("map", StringComparison.Ordinal)))
            html.Append("<p>No map: some nodes of this scenario have no coordinates (give every node lat and lon to get one).</p>\n");
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
        string[] metrics = ["attempts", "successes", "interdictions", "deaths", "abstentions"];
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
        var m = comparison.Manifest;
        var text = new StringBuilder($"<p>Paired comparison over {WebUtility.HtmlEncode(m.PeriodUnit)}s {WebUtility.HtmlEncode(m.Window)} (from:to), {m.Replications} replications with common random numbers, seed {m.Seed}; targeted crossings: {WebUtility.HtmlEncode(m.TargetedCrossings.Count == 0 ? "none" : string.Join(", ", m.TargetedCrossings))}.</p>\n");
        text.Append("<table>\n<tr><th>measure</th><th>estimate [95% interval]</th><th>note</th></tr>\n");
        foreach (var row in comparison.Measures)
            text.Append($"<tr><td>{row.Name}</td><td>{Cell(row.Estimate, row.CiLow, row.CiHigh)}</td><td>{WebUtility.HtmlEncode(row.Note)}</td></tr>\n");
        return text.Append("</table>\n").ToString();
    }
}
