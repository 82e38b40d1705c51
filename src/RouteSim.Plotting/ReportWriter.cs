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
            var figures = ComparisonFigures.All(comparison);
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
        if (!figures.Any(f => f.Name.EndsWith("map", StringComparison.Ordinal)) && figures.Any(f => f.Name.EndsWith("network", StringComparison.Ordinal)))
            html.Append("<p>No map: some nodes of this scenario have no coordinates (give every node lat and lon to get one); the network figure lays the network out in route order instead.</p>\n");
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
        var summary = CsvTable.Read(Path.Combine(run.Path, "summary.csv"));
        var text = new StringBuilder($"<p>Totals over the run ({run.Manifest.Periods} {WebUtility.HtmlEncode(run.Manifest.PeriodUnit)}s), mean per replication [95% interval], {run.Manifest.Replications} replications, seed {run.Manifest.Seed}.</p>\n<table>\n<tr><th>organization</th>");
        string[] metrics = ["attempts", "successes", "interdictions", "deaths", "abstentions"];
        foreach (var m in metrics) text.Append($"<th>{m}</th>");
        text.Append("</tr>\n");
        foreach (var org in run.Organizations)
        {
            text.Append($"<tr><td>{WebUtility.HtmlEncode(org)}</td>");
            foreach (var m in metrics)
            {
                var row = summary.Rows.First(r => r[0] == "organizations" && r[1] == org && r[3] == "all" && r[4] == m);
                text.Append($"<td>{Cell(CsvTable.Number(row[5]), CsvTable.Number(row[7]), CsvTable.Number(row[8]))}</td>");
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
        var changed = comparison.Locations.OrderByDescending(l => Math.Abs(l.Change)).Take(15).ToArray();
        text.Append($"<h3>The {changed.Length} crossings whose flow changed most</h3>\n<p>Crossings over the window, mean of the replications; "
            + $"all {comparison.Locations.Count} crossings are in comparison_locations.csv.</p>\n<table>\n"
            + "<tr><th>crossing</th><th>reinforced</th><th>baseline</th><th>intervention</th><th>change [95% interval]</th></tr>\n");
        foreach (var l in changed)
            text.Append($"<tr><td>{E(labels.GetValueOrDefault(l.Location, l.Location))} <span class=\"definition\">({E(l.Location)})</span></td><td>{(l.Targeted ? "yes" : "no")}</td>"
                + $"<td>{Text.Quantities.Count(l.Baseline)}</td><td>{Text.Quantities.Count(l.Intervention)}</td>"
                + $"<td>{Text.Quantities.Count(l.Change, signed: true)} [{Text.Quantities.Count(l.ChangeLow, signed: true)} to {Text.Quantities.Count(l.ChangeHigh, signed: true)}]</td></tr>\n");
        return text.Append("</table>\n").ToString();
    }
}
