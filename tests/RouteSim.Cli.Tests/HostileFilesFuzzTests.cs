using System.Text;
using System.Text.RegularExpressions;
using RouteSim.Cli.Tests.Support;

namespace RouteSim.Cli.Tests;

/// <summary>
/// Fuzzing with hostile files of the kinds issue 21 found (nesting depth, size, numbers the arithmetic cannot carry,
/// encodings and control characters): every file gets a clean answer from <c>routesim validate</c>: exit 0, or exit 1
/// with one located line per problem; never an internal error, a stack trace or a raw control character.
/// </summary>
public sealed partial class HostileFilesFuzzTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("routesim-fuzz-").FullName;
    private static readonly string Tutorial = File.ReadAllText(Routesim.Tutorial);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [GeneratedRegex(@"^(\S.*?)(:\d+:\d+)?: \S")]
    private static partial Regex ErrorLine();

    private void AssertCleanAnswer(byte[] bytes, string what)
    {
        var file = Path.Combine(_dir, "fuzz.yaml");
        File.WriteAllBytes(file, bytes);
        var result = Routesim.Run("validate", file);
        Assert.True(result.Exit is 0 or 1, $"{what}: exit {result.Exit}: {result.Error}");
        Assert.DoesNotContain("internal error", result.Error);
        Routesim.AssertNoStackTrace(result.Error);
        Assert.False(result.Error.Any(c => char.IsControl(c) && c is not '\n' and not '\r'), $"{what}: a control character reached the terminal");
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (result.Exit == 1) Assert.True(lines.Length > 0, $"{what}: exit 1 without a reason");
        Assert.All(lines, l => Assert.Matches(ErrorLine(), l));
        Assert.All(lines, l => Assert.StartsWith(file, l));
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Deep_nesting_of_every_kind_and_depth()
    {
        var random = new Random(2101);
        for (int i = 0; i < 40; i++)
        {
            int depth = random.Next(3) switch { 0 => random.Next(1, 100), 1 => random.Next(100, 5_000), _ => random.Next(5_000, 200_000) };
            string text = random.Next(4) switch
            {
                0 => "name: " + new string('[', depth),
                1 => "name: " + string.Concat(Enumerable.Repeat("{a: ", depth)),
                2 => "name:\n" + string.Concat(Enumerable.Range(0, Math.Min(depth, 3_000)).Select(d => new string(' ', d) + "- \n")),
                _ => Tutorial.Replace("sources: [\"shared model, section 1\"]", "sources: " + new string('[', depth) + new string(']', depth)),
            };
            AssertCleanAnswer(Utf8(text), $"depth {depth}, kind {i % 4}");
        }
    }

    [Fact]
    public void Numbers_the_arithmetic_cannot_carry_anywhere_a_number_goes()
    {
        string[] numbers = ["5e-324", "4.9e-324", "-2e-310", "1e308", "1.7976931348623157e308", "1e309", "-1e309", "1e99999999", "1e-400",
            ".inf", "-.inf", ".nan", "NaN", "Infinity", "-0", "0x10", "1_000", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "18446744073709551616", "1e17", "2.5e15", "0.1e-307", "+5", "1,5", "٣", "1e-9"];
        var places = Regex.Matches(Tutorial, @"(?<=: )-?\d+(\.\d+)?(?=[ ,}\n])").Select(m => m.Index).ToArray();
        var random = new Random(2102);
        for (int i = 0; i < 120; i++)
        {
            var text = new StringBuilder(Tutorial);
            foreach (var at in places.OrderByDescending(_ => random.Next()).Take(random.Next(1, 4)).OrderByDescending(p => p))
            {
                int end = at;
                while (end < text.Length && (char.IsDigit(text[end]) || text[end] is '.' or '-')) end++;
                text.Remove(at, end - at).Insert(at, numbers[random.Next(numbers.Length)]);
            }
            AssertCleanAnswer(Utf8(text.ToString()), $"numbers #{i}");
        }
    }

    [Fact]
    public void Encodings_byte_order_marks_and_control_characters()
    {
        var random = new Random(2103);
        var cases = new List<(string, byte[])>
        {
            ("utf-16 le", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Tutorial)]),
            ("utf-16 be", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Tutorial)]),
            ("utf-32", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(Tutorial)]),
            ("utf-16 without a mark", Encoding.Unicode.GetBytes(Tutorial)),
            ("latin-1", Encoding.Latin1.GetBytes(Tutorial.Replace("Three crossings", "Três travessias"))),
            ("nul bytes", new byte[4096]),
            ("escape in an id", Utf8(Tutorial.Replace("{ id: X1,", "{ id: \"X\\e]0;pwned\\a1\","))),
            ("escape in the name", Utf8(Tutorial.Replace("name: Three crossings tutorial", "name: \"\\e[2J\\e[31mred\""))),
            ("bidi override in an id", Utf8(Tutorial.Replace("{ id: X1,", "{ id: \"X\u202E1\","))),
            ("a tab as indentation", Utf8(Tutorial.Replace("    temperature: 2.0", "\ttemperature: 2.0"))),
            ("carriage returns only", Utf8(Tutorial.Replace("\n", "\r"))),
        };
        for (int i = 0; i < 60; i++)
        {
            var bytes = Utf8(Tutorial);
            for (int m = random.Next(1, 6); m > 0; m--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            cases.Add(($"random bytes #{i}", bytes));
        }
        foreach (var (what, bytes) in cases) AssertCleanAnswer(bytes, what);
    }

    [Fact]
    public void Sizes_around_and_past_the_limit()
    {
        var random = new Random(2104);
        var big = new StringBuilder(Tutorial);
        big.Append("# ").Append('x', (int)Scenarios.ScenarioFile.MaxBytes).Append('\n');
        AssertCleanAnswer(Utf8(big.ToString()), "past the size limit");
        var many = new StringBuilder("name: many\nnodes:\n");
        for (int i = 0; i < 200_000; i++) many.Append("  - {id: N").Append(i).Append(", kind: transit}\n");
        AssertCleanAnswer(Utf8(many.ToString()), "200,000 nodes and nothing else");
        var longLine = "name: " + new string('a', 5_000_000);
        AssertCleanAnswer(Utf8(longLine), "a 5 MB line");
        var keys = "name: x\n" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"key{i}: {random.Next()}\n"));
        AssertCleanAnswer(Utf8(keys), "50,000 unknown keys");
    }
}
