using System.Globalization;
using Microsoft.VisualBasic.FileIO;
using RouteSim.Cli.Tests.Support;

namespace RouteSim.Cli.Tests;

/// <summary>
/// Every table RouteSim writes reads cleanly in pandas, R and spreadsheets: each column holds one type on every row
/// (whole numbers, numbers, true/false or text), so a typed reader never guesses a column as text because one row
/// says "all", nor silently mixes numbers and words in one column. The tables are read with .NET's own CSV parser
/// (TextFieldParser), not with RouteSim's reader, and every column must have a declared type.
/// </summary>
[Collection(EveryFolderKind.Collection)]
public sealed class TableTypeTests(EveryFolderKind folders) : IDisposable
{
    private enum Kind { Integer, Number, Boolean, Text }

    private readonly string _dir = Directory.CreateTempSubdirectory("routesim-tables-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Columns by name, the same type wherever the name appears. Empty cells are missing values (NaN in pandas,
    // NA in R): allowed in number and text columns, never in whole-number or true/false columns, whose type a
    // reader would otherwise widen.
    private static readonly Dictionary<string, Kind> Columns = new(StringComparer.Ordinal)
    {
        // run tables
        ["replication"] = Kind.Integer, ["period"] = Kind.Integer, ["location"] = Kind.Text, ["commodity"] = Kind.Text,
        ["traversals"] = Kind.Integer, ["interdictions"] = Kind.Integer, ["deaths"] = Kind.Number,
        ["organization"] = Kind.Text, ["acting"] = Kind.Integer, ["abstentions"] = Kind.Integer,
        ["attempts"] = Kind.Integer, ["successes"] = Kind.Integer, ["route"] = Kind.Text, ["trips"] = Kind.Integer,
        ["origin"] = Kind.Text, ["destination"] = Kind.Text, ["path"] = Kind.Text, ["cost"] = Kind.Number,
        ["danger"] = Kind.Number, ["table"] = Kind.Text, ["key"] = Kind.Text, ["metric"] = Kind.Text,
        ["mean"] = Kind.Number, ["sd"] = Kind.Number, ["ci_low"] = Kind.Number, ["ci_high"] = Kind.Number, ["n"] = Kind.Integer,
        ["id"] = Kind.Text, ["label"] = Kind.Text, ["kind"] = Kind.Text, ["lat"] = Kind.Number, ["lon"] = Kind.Number,
        ["base_detection"] = Kind.Number, ["area"] = Kind.Number, ["from"] = Kind.Text, ["to"] = Kind.Text,
        ["resources"] = Kind.Number,
        // comparison
        ["measure"] = Kind.Text, ["estimate"] = Kind.Number, ["note"] = Kind.Text, ["targeted"] = Kind.Boolean,
        ["flow_baseline"] = Kind.Number, ["flow_baseline_ci_low"] = Kind.Number, ["flow_baseline_ci_high"] = Kind.Number,
        ["flow_intervention"] = Kind.Number, ["flow_intervention_ci_low"] = Kind.Number, ["flow_intervention_ci_high"] = Kind.Number,
        ["change"] = Kind.Number, ["change_ci_low"] = Kind.Number, ["change_ci_high"] = Kind.Number,
        // sweeps (parameters and outcomes named by the sweep file below)
        ["point"] = Kind.Integer, ["index"] = Kind.Integer, ["seed"] = Kind.Integer,
        ["effectiveness"] = Kind.Number, ["temperature"] = Kind.Number, ["desert_flow"] = Kind.Number, ["ratio"] = Kind.Number,
        // sensitivity
        ["outcome"] = Kind.Text, ["parameter"] = Kind.Text, ["s1"] = Kind.Number, ["s1_ci_low"] = Kind.Number,
        ["s1_ci_high"] = Kind.Number, ["st"] = Kind.Number, ["st_ci_low"] = Kind.Number, ["st_ci_high"] = Kind.Number,
        ["mu"] = Kind.Number, ["mu_star"] = Kind.Number, ["mu_star_ci_low"] = Kind.Number, ["mu_star_ci_high"] = Kind.Number,
        ["sigma"] = Kind.Number,
        // calibration
        ["block"] = Kind.Integer, ["target"] = Kind.Text, ["observed"] = Kind.Number, ["simulated"] = Kind.Number,
        ["predicted"] = Kind.Number, ["used_in_fit"] = Kind.Boolean, ["evaluation"] = Kind.Integer, ["loss"] = Kind.Number,
        ["best_loss"] = Kind.Number, ["edge_cost"] = Kind.Number, ["min"] = Kind.Number, ["max"] = Kind.Number,
        ["scale"] = Kind.Text, ["start"] = Kind.Number, ["fitted"] = Kind.Number, ["crossing"] = Kind.Text, ["share"] = Kind.Number,
        ["keys"] = Kind.Text, ["targets"] = Kind.Text, ["cells"] = Kind.Integer, ["model_mae"] = Kind.Number, ["naive_mae"] = Kind.Number,
        ["covered"] = Kind.Integer, ["coverage"] = Kind.Number, ["covered_without_forecast_error"] = Kind.Integer,
        // optimization
        // (allocations of the budget are whole units; the scenario's own at its own size is as the scenario has it)
        ["allocation"] = Kind.Text, ["units"] = Kind.Number, ["objective"] = Kind.Number,
        ["difference_from_scenarios_own_scaled"] = Kind.Number, ["difference_from_uniform"] = Kind.Number,
        ["difference_ci_low"] = Kind.Number, ["difference_ci_high"] = Kind.Number,
        ["iteration"] = Kind.Integer, ["iteration_best"] = Kind.Number, ["iteration_mean"] = Kind.Number,
        ["best_so_far"] = Kind.Number, ["spread"] = Kind.Number, ["converged"] = Kind.Boolean,
        ["best_found"] = Kind.Integer, ["uniform"] = Kind.Integer, ["proportional_to_flow"] = Kind.Integer,
        ["scenarios_own_scaled"] = Kind.Integer, ["scenarios_own"] = Kind.Number,
    };

    // Outcome columns of points.csv: the outcome's name then the statistic.
    private static readonly (string Suffix, Kind Kind)[] OutcomeStatistics =
        [("_mean", Kind.Number), ("_sd", Kind.Number), ("_ci_low", Kind.Number), ("_ci_high", Kind.Number), ("_n", Kind.Integer)];

    [Fact]
    public void Every_table_of_every_folder_kind_has_one_type_per_column()
    {
        var tables = Directory.GetFiles(folders.Root, "*.csv", System.IO.SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Equals("observed.csv", StringComparison.Ordinal)) // the test's own input
            .ToArray();
        foreach (var folder in folders.All)
            Assert.True(Directory.EnumerateFiles(folder, "*.csv", System.IO.SearchOption.AllDirectories).Any(), $"{folder} has no table");
        Assert.True(tables.Length >= 25, $"only {tables.Length} tables written");

        var problems = new List<string>();
        foreach (var table in tables) problems.AddRange(Check(table));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void A_column_that_mixes_numbers_and_words_is_caught()
    {
        var file = Path.Combine(_dir, "mixed.csv");
        File.WriteAllText(file, "table,key,commodity,period,metric,mean,sd,ci_low,ci_high,n\nlocations,X1,m,0,deaths,1,0,1,1,2\nlocations,X1,m,all,deaths,1,0,1,1,2\n");
        var problems = Check(file).ToList();
        Assert.Single(problems);
        Assert.Contains("mixed.csv:3: period: 'all' is not a whole number", problems[0]);
    }

    private static IEnumerable<string> Check(string file)
    {
        using var parser = new TextFieldParser(file) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields() ?? [];
        var name = Path.GetFileName(file);
        var kinds = new Kind?[header.Length];
        for (int c = 0; c < header.Length; c++)
        {
            kinds[c] = KindOf(header[c]);
            if (kinds[c] is null) yield return $"{file}: column '{header[c]}' has no declared type";
        }
        long line = 1;
        while (parser.ReadFields() is { } fields)
        {
            line++;
            if (fields.Length != header.Length)
            {
                yield return $"{file}:{line}: {fields.Length} fields under a header of {header.Length}";
                continue;
            }
            for (int c = 0; c < fields.Length; c++)
                if (kinds[c] is { } kind && Problem(fields[c], kind) is { } problem)
                    yield return $"{name}:{line}: {header[c]}: '{fields[c]}' {problem}";
        }
    }

    private static Kind? KindOf(string column)
    {
        if (Columns.TryGetValue(column, out var kind)) return kind;
        foreach (var (suffix, statistic) in OutcomeStatistics)
            if (column.EndsWith(suffix, StringComparison.Ordinal) && Columns.ContainsKey(column[..^suffix.Length]))
                return statistic;
        return null;
    }

    private static string? Problem(string value, Kind kind) => kind switch
    {
        Kind.Integer => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            || ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? null : "is not a whole number",
        Kind.Number => value.Length == 0 || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)
            ? null : "is not a number",
        Kind.Boolean => value is "true" or "false" ? null : "is not true or false",
        _ => null,
    };
}
