using System.CommandLine;
using RouteSim.Cli.Console;
using RouteSim.Cli.Tests.Support;

namespace RouteSim.Cli.Tests;

/// <summary>Every bad option value, unknown option and missing argument: one line, exit 2, the option named, no .NET type names.</summary>
public class OptionParsingTests
{
    private static void AssertOneUsageLine(Routesim.Outcome result, string expected)
    {
        Assert.Equal(2, result.Exit);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, result.Error);
        Assert.Contains(expected, lines[0]);
        Assert.DoesNotContain("System.", lines[0]);
        Routesim.AssertNoStackTrace(result.Error);
    }

    [Theory]
    [InlineData("--replications five", "routesim: --replications takes a whole number from 1 to 10,000,000, got 'five'")]
    [InlineData("--threads abc", "routesim: --threads takes a whole number of at least 1, got 'abc'")]
    [InlineData("--replications 1.5", "routesim: --replications takes a whole number from 1 to 10,000,000, got '1.5'")]
    [InlineData("--replications 99999999999", "--replications must be at most 10,000,000, got 99999999999")]
    [InlineData("--replications 50000000", "--replications must be at most 10,000,000, got 50000000")]
    [InlineData("--seed -3", "routesim: --seed takes a whole number from 0 to 18446744073709551615, got '-3'")]
    [InlineData("--seed 18446744073709551616", "--seed takes a whole number from 0 to 18446744073709551615")]
    [InlineData("--threads 0", "--threads must be at least 1, got 0")]
    [InlineData("--replication 5", "routesim: unknown option '--replication' (did you mean '--replications'?)")]
    [InlineData("--frce", "unknown option '--frce' (did you mean '--force'?)")]
    [InlineData("--replications", "--replications needs a value")]
    public void The_cases_of_issue_21_get_one_line_and_exit_2(string options, string expected) =>
        AssertOneUsageLine(Routesim.Run(["run", Routesim.Tutorial, .. options.Split(' ')]), expected);

    [Fact]
    public void An_empty_out_is_a_usage_error() =>
        AssertOneUsageLine(Routesim.Run("run", Routesim.Tutorial, "--out", ""), "routesim: --out needs a value, got an empty text");

    [Theory]
    [InlineData(new[] { "rnu", "x.yaml" }, "routesim: unknown command 'rnu' (did you mean 'run'?)")]
    [InlineData(new string[0], "routesim: give a command: validate, routes, run")]
    [InlineData(new[] { "run" }, "routesim: missing SCENARIO")]
    [InlineData(new[] { "compare", "a.yaml" }, "routesim: missing INTERVENTION")]
    [InlineData(new[] { "run", "a.yaml", "b.yaml" }, "routesim: unexpected argument 'b.yaml'")]
    public void Commands_and_arguments_get_one_line_and_exit_2(string[] args, string expected) =>
        AssertOneUsageLine(Routesim.Run(args), expected);

    /// <summary>Every option of every command, given each kind of bad value its type cannot take.</summary>
    [Fact]
    public void Every_option_of_every_command_answers_a_bad_value_in_one_line()
    {
        var root = RouteSimApp.Commands(new Terminal(TextWriter.Null, TextWriter.Null, false));
        int checkedCases = 0;
        foreach (var command in root.Subcommands)
        {
            var arguments = command.Arguments.SelectMany(a => Enumerable.Repeat("placeholder.yaml", Math.Max(1, a.Arity.MinimumNumberOfValues))).ToArray();
            foreach (var option in command.Options.Where(o => o.Name.StartsWith("--", StringComparison.Ordinal) && o.Name != "--help"))
            {
                var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
                string[] bad = type == typeof(int) || type == typeof(long) || type == typeof(ulong) ? ["abc", "1.5", "1e999", "99999999999999999999", ""]
                    : type == typeof(double) ? ["abc", "nan", "1e999", "-inf", "4.9e-324", ""]
                    : type == typeof(string) || type == typeof(string[]) ? [""]
                    : [];
                foreach (var value in bad)
                {
                    var result = Routesim.Run([command.Name, .. arguments, option.Name, value]);
                    Assert.True(result.Exit == 2, $"{command.Name} {option.Name} '{value}': exit {result.Exit}: {result.Error}");
                    var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                    Assert.Contains(lines, l => l.Contains(option.Name, StringComparison.Ordinal) && l.StartsWith("routesim: ", StringComparison.Ordinal) && l.EndsWith($"(see 'routesim {command.Name} --help')", StringComparison.Ordinal));
                    Assert.DoesNotContain("System.", result.Error);
                    Routesim.AssertNoStackTrace(result.Error);
                    checkedCases++;
                }
            }
        }
        Assert.True(checkedCases > 100, $"only {checkedCases} cases");
    }

    [Fact]
    public void Every_option_missing_one_letter_gets_its_own_name_suggested()
    {
        var root = RouteSimApp.Commands(new Terminal(TextWriter.Null, TextWriter.Null, false));
        foreach (var command in root.Subcommands)
            foreach (var option in command.Options.Where(o => o.Name.StartsWith("--", StringComparison.Ordinal) && o.Name.Length >= 6))
            {
                var typo = option.Name.Remove(option.Name.Length - 2, 1);
                if (command.Options.Any(o => o.Name == typo)) continue;
                var result = Routesim.Run(command.Name, "placeholder.yaml", typo);
                Assert.True(result.Exit == 2, result.Error);
                Assert.Contains($"unknown option '{typo}' (did you mean '{option.Name}'?)", result.Error);
            }
    }

    [Fact]
    public void Control_characters_in_what_is_echoed_are_shown_not_sent()
    {
        var result = Routesim.Run("run", Routesim.Tutorial, "--replications", "\u001b[2Jfive");
        AssertOneUsageLine(result, "got '\\u001B[2Jfive'");
        Assert.DoesNotContain('\u001b', result.Error);
    }
}
