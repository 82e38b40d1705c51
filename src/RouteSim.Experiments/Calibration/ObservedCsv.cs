using System.Globalization;
using RouteSim.Analysis.Calibration;
using RouteSim.Scenarios;
using RouteSim.Scenarios.Tables;

namespace RouteSim.Experiments.Calibration;

/// <summary>The observed table of a calibration, read from its CSV file.</summary>
public static class ObservedCsv
{
    /// <summary>
    /// Reads the key and target columns of an observed CSV through <see cref="CsvRows"/>, the project's one CSV reader (RFC 4180: quoted names and fields, commas
    /// inside quotes, a byte-order mark, CRLF), as written by R's write.csv, pandas or a spreadsheet; columns are
    /// found by name, so row names and other columns may stand beside them. An empty field or R's NA is a missing
    /// value. Every problem names the file and line.
    /// </summary>
    public static ObservedTable? Read(string file, string key, IReadOnlyList<string> targets, List<ScenarioError> errors)
    {
        var text = ScenarioFile.ReadText(file, out var error);
        if (text is null)
        {
            errors.Add(error!);
            return null;
        }
        CsvRows table;
        try
        {
            table = CsvRows.Parse(text, new CsvOptions(Trim: true, KeepRagged: true));
        }
        catch (CsvFormatException e)
        {
            // A header that names a column twice: targets are found by name, so it must be unique.
            errors.Add(new ScenarioError(file, e.Line ?? 1, 1, "", e.Detail));
            return null;
        }
        var header = table.Header;
        if (header.Count == 0)
        {
            errors.Add(new ScenarioError(file, 1, 1, "", "the observed table needs a header and at least one row"));
            return null;
        }
        int keyColumn = IndexOf(header, key);
        string columnList = string.Join(", ", header.Select(h => $"'{h}'"));
        if (keyColumn < 0) errors.Add(new ScenarioError(file, 1, 1, "", $"no column '{key}' (the calibration's key); columns: {columnList}"));
        var columns = targets.Select(t => (t, IndexOf(header, t))).ToArray();
        foreach (var (t, c) in columns.Where(c => c.Item2 < 0))
            errors.Add(new ScenarioError(file, 1, 1, "", $"no column '{t}' (a target); columns: {columnList}"));
        if (errors.Count > 0) return null;

        var keys = new List<long>();
        var values = new List<double[]>();
        for (int i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            int line = table.Lines[i];
            if (row.Length != header.Count)
            {
                errors.Add(new ScenarioError(file, line, 1, "", $"{row.Length} fields, but the header has {header.Count}"));
                continue;
            }
            var keyText = row[keyColumn];
            if (!long.TryParse(keyText, NumberStyles.Integer, CultureInfo.InvariantCulture, out long k))
            {
                errors.Add(new ScenarioError(file, line, 1, key, $"'{Shorten(keyText)}' is not a whole number"));
                continue;
            }
            if (keys.Contains(k)) errors.Add(new ScenarioError(file, line, 1, key, $"key {k} appears twice"));
            var observed = new double[columns.Length];
            for (int j = 0; j < columns.Length; j++)
            {
                var field = row[columns[j].Item2];
                if (field.Length == 0 || field == "NA") observed[j] = double.NaN;
                else if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out observed[j]) || !double.IsFinite(observed[j]) || observed[j] < 0)
                    errors.Add(new ScenarioError(file, line, 1, columns[j].t, $"'{Shorten(field)}' is not a non-negative number"));
            }
            keys.Add(k);
            values.Add(observed);
        }
        if (keys.Count == 0 && errors.Count == 0)
            errors.Add(new ScenarioError(file, 1, 1, "", "the observed table needs a header and at least one row"));
        return errors.Count > 0 ? null : new ObservedTable(key, keys, targets, values.ToArray());
    }

    private static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (int i = 0; i < header.Count; i++) if (header[i] == name) return i;
        return -1;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
