using RouteSim.Analysis.Counterfactuals;
using RouteSim.Results.Reading;

namespace RouteSim.Plotting.Text;

/// <summary>
/// comparison.csv as a table for readers: one row per measure (its name in words and a one-line definition), one
/// column for every commodity together and one per commodity, each cell "estimate [95% interval]". A cell without a
/// number points to a numbered note that says why, so no blank or zero stands for "undefined".
/// </summary>
public sealed class MeasureTable
{
    private MeasureTable(IReadOnlyList<string> columns, IReadOnlyList<MeasureTableRow> rows, IReadOnlyList<string> notes)
    {
        Columns = columns;
        Rows = rows;
        Notes = notes;
    }

    /// <summary>Column headings after the measure: "all commodities", then each commodity id.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The measures, in <see cref="ComparisonMeasures.All"/> order.</summary>
    public IReadOnlyList<MeasureTableRow> Rows { get; }

    /// <summary>Notes referred to from cells as [1], [2], ...; each distinct text once.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Builds the table from a comparison folder.</summary>
    public static MeasureTable From(ComparisonFolder comparison)
    {
        // With one commodity its rows repeat the pooled ones, so only the pooled column is shown (named after it).
        var scopes = comparison.Commodities.Count == 1
            ? [ComparisonMeasures.AllCommodities]
            : new[] { ComparisonMeasures.AllCommodities }.Concat(comparison.Commodities).ToArray();
        var notes = new List<string>();
        string Mark(string note)
        {
            int i = notes.IndexOf(note);
            if (i < 0) { notes.Add(note); i = notes.Count - 1; }
            return $"[{i + 1}]";
        }
        var rows = new List<MeasureTableRow>();
        foreach (var measure in ComparisonMeasures.All)
        {
            var cells = scopes.Select(scope =>
            {
                var row = comparison.Measures.FirstOrDefault(r => r.Name == measure.Name && r.Commodity == scope);
                if (row is null) return new MeasureCell("", "", "");
                if (double.IsNaN(row.Estimate)) return new MeasureCell("n/a", "", Mark(row.Note.Length > 0 ? row.Note : "undefined"));
                string interval = Quantities.Interval(measure, row.CiLow, row.CiHigh);
                return new MeasureCell(Quantities.Value(measure, row.Estimate, row.CiLow, row.CiHigh), interval.Length > 0 ? $"[{interval}]" : "",
                    row.Note.Length > 0 ? Mark(row.Note) : "");
            }).ToArray();
            rows.Add(new MeasureTableRow(measure, cells));
        }
        string pooled = comparison.Commodities.Count == 1 ? comparison.Commodities[0] : "all commodities";
        return new MeasureTable(scopes.Select(s => s == ComparisonMeasures.AllCommodities ? pooled : s).ToArray(), rows, notes);
    }
}

/// <summary>One measure's row: its definition and one cell per column.</summary>
public sealed record MeasureTableRow(MeasureDefinition Measure, IReadOnlyList<MeasureCell> Cells);

/// <summary>A cell: the estimate (or "n/a"), its 95% interval "[low to high]" (or ""), and a note mark "[n]" (or "").</summary>
public sealed record MeasureCell(string Value, string Interval, string NoteMark)
{
    /// <summary>The cell on one line.</summary>
    public override string ToString() => string.Join(' ', new[] { Value, Interval, NoteMark }.Where(p => p.Length > 0));
}
