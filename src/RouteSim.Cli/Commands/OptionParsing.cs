using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using RouteSim.Scenarios.Format;

namespace RouteSim.Cli.Commands;

/// <summary>
/// Gives every option of the command tree a parser that turns a bad value into one plain sentence naming the
/// option, what it takes and what was given (never a .NET type name or an exception), and turns parse errors into
/// one line each with a "did you mean" for mistyped option and command names.
/// </summary>
public static class OptionParsing
{
    /// <summary>Sets a checking parser on every whole-number, number and text option that has none; returns the root.</summary>
    public static RootCommand Check(RootCommand root)
    {
        foreach (var command in Commands(root))
        {
            foreach (var option in command.Options)
                Check(option);
            foreach (var argument in command.Arguments)
                argument.Validators.Add(result => RefuseOptionLookalikes(result, command));
        }
        return root;
    }

    /// <summary>
    /// A mistyped option after a command that takes several files (<c>validate a.yaml --frce</c>) would otherwise be
    /// taken for a file name; a value that starts with '-' and is not a number is refused as an unknown option.
    /// </summary>
    private static void RefuseOptionLookalikes(ArgumentResult result, Command command)
    {
        foreach (var token in result.Tokens)
            if (LooksLikeOption(token.Value))
                result.AddError(UnknownOption(token.Value, command));
    }

    private static bool LooksLikeOption(string token) =>
        token.StartsWith('-') && token.Length > 1 && !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string UnknownOption(string token, Command command)
    {
        var typed = token.Split('=', 2)[0];
        var names = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
        var nearest = NearestName.Find(typed, names);
        return $"unknown option '{typed}'{(nearest is null ? "" : $" (did you mean '{nearest}'?)")}";
    }

    private static void Check(Option option)
    {
        switch (option)
        {
            case Option<int?> o when o.CustomParser is null: o.CustomParser = r => (int?)Whole(r, o.Name, int.MinValue, int.MaxValue); break;
            case Option<int> o when o.CustomParser is null: o.CustomParser = r => (int)(Whole(r, o.Name, int.MinValue, int.MaxValue) ?? 0); break;
            case Option<long?> o when o.CustomParser is null: o.CustomParser = r => Whole(r, o.Name, long.MinValue, long.MaxValue); break;
            case Option<ulong?> o when o.CustomParser is null: o.CustomParser = r => Unsigned(r, o.Name); break;
            case Option<ulong> o when o.CustomParser is null: o.CustomParser = r => Unsigned(r, o.Name) ?? 0; break;
            case Option<double?> o when o.CustomParser is null: o.CustomParser = r => Number(r, o.Name); break;
            case Option<double> o when o.CustomParser is null: o.CustomParser = r => Number(r, o.Name) ?? double.NaN; break;
            case Option<string?> o when o.CustomParser is null: o.CustomParser = r => Text(r, o.Name); break;
            case Option<string> o when o.CustomParser is null: o.CustomParser = r => Text(r, o.Name) ?? ""; break;
            case Option<string[]> o when o.CustomParser is null: o.CustomParser = r => Texts(r, o.Name); break;
        }
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or null with the error recorded.</summary>
    public static long? Whole(ArgumentResult result, string name, long min, long max)
    {
        var text = Single(result);
        string range = max == int.MaxValue || max == long.MaxValue ? $"of at least {min:#,0}" : $"from {min:#,0} to {max:#,0}";
        if (min is int.MinValue or long.MinValue) range = "";
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            bool wholeButHuge = System.Numerics.BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
            result.AddError(wholeButHuge
                ? $"{name} takes a whole number {(range.Length > 0 ? range + " and " : "")}at most {max:#,0}, got '{text}'"
                : $"{name} takes a whole number{(range.Length > 0 ? " " + range : "")}, got '{text}'");
            return null;
        }
        if (value < min || value > max)
        {
            result.AddError(value < min ? $"{name} must be at least {min:#,0}, got {value}" : $"{name} must be at most {max:#,0}, got {value}");
            return null;
        }
        return value;
    }

    private static ulong? Unsigned(ArgumentResult result, string name)
    {
        var text = Single(result);
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value)) return value;
        result.AddError($"{name} takes a whole number from 0 to {ulong.MaxValue}, got '{text}'");
        return null;
    }

    /// <summary>A finite number, or null with the error recorded.</summary>
    public static double? Number(ArgumentResult result, string name)
    {
        var text = Single(result);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            && (value == 0 || Math.Abs(value) >= Scenarios.Yaml.MappingReader.SmallestNormal))
            return value;
        result.AddError(double.IsInfinity(value) || double.IsNaN(value) && text.Length > 0 && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? $"{name} takes a finite number, got '{text}'"
            : value != 0 && double.IsFinite(value)
                ? $"{name}: '{text}' is closer to zero than the arithmetic carries exactly (below 2.2E-308); give a larger number, or 0 where 0 is allowed"
                : $"{name} takes a number, got '{text}'");
        return null;
    }

    private static string? Text(ArgumentResult result, string name)
    {
        var text = Single(result);
        if (text.Trim().Length > 0) return text;
        result.AddError($"{name} needs a value, got an empty text");
        return null;
    }

    private static string[] Texts(ArgumentResult result, string name)
    {
        var texts = result.Tokens.Select(t => t.Value).ToArray();
        if (texts.Any(t => t.Trim().Length == 0)) result.AddError($"{name} needs values, got an empty text");
        return texts;
    }

    private static string Single(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";

    /// <summary>
    /// The parse errors as lines <c>routesim: problem (see 'routesim COMMAND --help')</c>: an unknown option
    /// or command gets the nearest known name, and the value typed after an unknown option is not reported again.
    /// </summary>
    public static IReadOnlyList<string> Describe(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        string name = string.Join(' ', Path(parsed.CommandResult));
        const string Prefix = "routesim";
        var unmatched = parsed.UnmatchedTokens.ToList();
        var lines = new List<string>();
        var explained = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < unmatched.Count; i++)
        {
            var token = unmatched[i];
            explained.Add(token);
            if (LooksLikeOption(token))
            {
                lines.Add($"{Prefix}: {UnknownOption(token, command)}");
                // The value the user meant for it is not a second problem.
                if (i + 1 < unmatched.Count && !unmatched[i + 1].StartsWith('-') && !token.Contains('='))
                    explained.Add(unmatched[++i]);
            }
            else if (command is RootCommand && command.Subcommands.Count > 0)
            {
                var nearest = NearestName.Find(token, command.Subcommands.Select(c => c.Name));
                lines.Add($"{Prefix}: unknown command '{token}'{(nearest is null ? $" (commands: {string.Join(", ", command.Subcommands.Select(c => c.Name))})" : $" (did you mean '{nearest}'?)")}");
                return [$"{lines[^1]} (see '{name} --help')"]; // what follows belonged to the command meant
            }
            else lines.Add($"{Prefix}: unexpected argument '{token}'");
        }
        foreach (var error in parsed.Errors)
        {
            if (explained.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal))) continue;
            lines.Add($"{Prefix}: {error.SymbolResult switch
            {
                OptionResult { IdentifierToken: null } o => $"{o.Option.Name} is required",
                OptionResult { Tokens.Count: 0 } o => $"{o.Option.Name} needs a value",
                ArgumentResult a when a.Tokens.Count < a.Argument.Arity.MinimumNumberOfValues => $"missing {a.Argument.Name.ToUpperInvariant()}",
                CommandResult { Command: RootCommand root } when unmatched.Count == 0 => $"give a command: {string.Join(", ", root.Subcommands.Select(c => c.Name))}",
                CommandResult c when Missing(parsed, c.Command) is { Length: > 0 } missing => $"missing {missing}",
                OptionResult o when !error.Message.Contains(o.Option.Name, StringComparison.Ordinal) => $"{o.Option.Name}: {Flat(error.Message)}",
                ArgumentResult { Parent: OptionResult o } when !error.Message.Contains(o.Option.Name, StringComparison.Ordinal) => $"{o.Option.Name}: {Flat(error.Message)}",
                _ => Flat(error.Message),
            }}");
        }
        return lines.Select(l => $"{l} (see '{name} --help')").ToArray();
    }

    /// <summary>A library message on one line: its list items joined with spaces, without the closing full stop.</summary>
    private static string Flat(string message) =>
        string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');

    /// <summary>The command's arguments not given, as their names in capitals (SCENARIO, BASELINE ...).</summary>
    private static string Missing(ParseResult parsed, Command command) =>
        string.Join(" and ", command.Arguments
            .Where(a => a.Arity.MinimumNumberOfValues > 0 && (parsed.GetResult(a)?.Tokens.Count ?? 0) < a.Arity.MinimumNumberOfValues)
            .Select(a => a.Name.ToUpperInvariant()));

    private static IEnumerable<string> Path(SymbolResult? result)
    {
        var names = new Stack<string>();
        for (var r = result; r is not null; r = r.Parent)
            if (r is CommandResult c) names.Push(c.Command is RootCommand ? "routesim" : c.Command.Name);
        return names;
    }

    private static IEnumerable<Command> Commands(Command command) => command.Subcommands.SelectMany(Commands).Prepend(command);
}
