using System.Globalization;
using System.Text.RegularExpressions;
using RouteSim.Cli.Tests.Support;

namespace RouteSim.Cli.Tests;

/// <summary>
/// docs/tutorial.md, followed as a reader would: its files are written, its routesim commands run in order, and every
/// number it shows as output is found in what the command printed (or in the file it names), to the digits shown.
/// </summary>
/// <remarks>
/// The tutorial marks what the test does with HTML comments a reader does not see: <c>&lt;!-- file: NAME --&gt;</c>
/// before a block writes that file; <c>&lt;!-- numbers in: PATH --&gt;</c> before a text block checks its numbers
/// against that file. A text block right after a sh block holds numbers the last command printed. "..." stands for
/// what varies (timings).
/// </remarks>
public sealed partial class TutorialTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("routesim-tutorial-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Numbers as a person writes them: 23,335.2 or -0.979 or 2025.
    [GeneratedRegex(@"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?")]
    private static partial Regex Written();

    // Numbers in a CSV field: no thousands separators, perhaps an exponent.
    [GeneratedRegex(@"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")]
    private static partial Regex InCsv();

    [GeneratedRegex(@"^<!-- (file|numbers in): (.+) -->$")]
    private static partial Regex Marker();

    private sealed record Block(string Language, string Text, string? Marker, string? Target);

    [Fact]
    public void The_tutorial_s_commands_give_the_numbers_it_shows()
    {
        var blocks = Blocks(File.ReadAllLines(Path.Combine(Routesim.RepoRoot, "docs", "tutorial.md")));
        Assert.Contains(blocks, b => b.Language == "sh");
        string? lastOutput = null, lastCommand = null;
        int commands = 0, checkedNumbers = 0;
        foreach (var block in blocks)
        {
            if (block.Marker == "file")
            {
                File.WriteAllText(Path.Combine(_dir, block.Target!), block.Text);
            }
            else if (block.Language == "sh")
            {
                foreach (var line in block.Text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("routesim ", StringComparison.Ordinal)))
                {
                    var args = line["routesim ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(InFolder).ToArray();
                    var result = Routesim.Run(args);
                    Assert.True(result.Exit == 0, $"{line}: exit {result.Exit}: {result.Error}");
                    (lastOutput, lastCommand) = (result.Out, line);
                    commands++;
                }
            }
            else if (block.Language == "text" && block.Marker == "numbers in")
            {
                var file = Path.Combine(_dir, block.Target!);
                Assert.True(File.Exists(file), $"{block.Target} was not written");
                var numbers = File.ReadAllText(file).Split(',', '\n').SelectMany(f => InCsv().Matches(f).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture))).ToArray();
                checkedNumbers += Check(block.Text, numbers, block.Target!);
            }
            else if (block.Language == "text")
            {
                Assert.True(lastOutput is not null, "an expected output comes before any command");
                var numbers = Written().Matches(lastOutput!).Select(m => Parse(m.Value)).ToArray();
                checkedNumbers += Check(block.Text, numbers, lastCommand!);
            }
        }
        Assert.True(commands >= 8, $"only {commands} commands ran");
        Assert.True(checkedNumbers >= 100, $"only {checkedNumbers} numbers checked");
    }

    /// <summary>Every number written in the block is, to the digits shown, one of the numbers given; returns how many were checked.</summary>
    private static int Check(string expected, double[] numbers, string source)
    {
        int count = 0;
        foreach (Match m in Written().Matches(expected))
        {
            double value = Parse(m.Value);
            int point = m.Value.IndexOf('.', StringComparison.Ordinal);
            int decimals = point < 0 ? 0 : m.Value.Length - point - 1;
            double half = 0.5 * Math.Pow(10, -decimals) * (1 + 1e-9);
            Assert.True(numbers.Any(x => Math.Abs(x - value) <= half), $"{source}: the tutorial shows {m.Value}, which it did not give");
            count++;
        }
        return count;
    }

    private static double Parse(string written) => double.Parse(written.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    /// <summary>The tutorial's files and results folders are relative to the reader's folder: here, the test's.</summary>
    private string InFolder(string arg) =>
        arg.EndsWith(".yaml", StringComparison.Ordinal) || arg.StartsWith("results/", StringComparison.Ordinal) ? Path.Combine(_dir, arg) : arg;

    private static List<Block> Blocks(string[] lines)
    {
        var blocks = new List<Block>();
        string? marker = null, target = null;
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (Marker().Match(line) is { Success: true } m)
            {
                (marker, target) = (m.Groups[1].Value, m.Groups[2].Value);
                continue;
            }
            if (!line.StartsWith("```", StringComparison.Ordinal))
            {
                if (line.Trim().Length > 0) (marker, target) = (null, null);
                continue;
            }
            var language = line[3..].Trim();
            var text = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++) text.Add(lines[i]);
            blocks.Add(new Block(language, string.Join('\n', text) + "\n", marker, target));
            (marker, target) = (null, null);
        }
        return blocks;
    }
}
