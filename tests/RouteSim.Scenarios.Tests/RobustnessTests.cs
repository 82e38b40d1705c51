using RouteSim.Scenarios.Tests.Support;

namespace RouteSim.Scenarios.Tests;

/// <summary>Whatever the bytes, loading ends in a scenario or in located errors: never an exception.</summary>
public class RobustnessTests
{
    private static void AssertHandled(string text)
    {
        var result = ScenarioLoader.Load(text, "junk.yaml", LoadOptions.Unlimited);
        Assert.True(result.Ok || result.Errors.Count > 0);
        Assert.All(result.Errors, e =>
        {
            Assert.True(e.Line >= 1 && e.Column >= 1, e.ToString());
            Assert.DoesNotContain('\n', e.ToString());
        });
    }

    [Fact]
    public void Every_truncation_of_the_tutorial_is_handled()
    {
        var text = Repo.Tutorial;
        for (int length = 0; length < text.Length; length += 7) AssertHandled(text[..length]);
    }

    [Fact]
    public void Random_byte_junk_and_mutations_are_handled()
    {
        var random = new Random(2025);
        var text = Repo.Tutorial;
        for (int i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(1, 400)];
            random.NextBytes(bytes);
            AssertHandled(System.Text.Encoding.UTF8.GetString(bytes));

            var chars = text.ToCharArray();
            const string Troublemakers = "{}[]:,-#&*!|>'\"%@` \t\n0a";
            for (int m = 0; m < 5; m++) chars[random.Next(chars.Length)] = Troublemakers[random.Next(Troublemakers.Length)];
            AssertHandled(new string(chars));
        }
    }

    [Theory]
    [InlineData("periods: 1e308")]
    [InlineData("periods: .inf")]
    [InlineData("periods: .nan")]
    [InlineData("periods: 0x10")]
    [InlineData("periods: &a 5\nperiods2: *a")]
    [InlineData("periods: !!binary aGVsbG8=")]
    public void Strange_scalars_are_handled(string line) =>
        AssertHandled(Repo.Tutorial.Replace("periods: 60", line));

    [Fact]
    public void Missing_file_and_folder_are_plain_errors()
    {
        var missing = ScenarioFile.Load("/no/such/file.yaml", LoadOptions.Unlimited).Errors.Single();
        Assert.Equal("/no/such/file.yaml: file not found", missing.ToString());
        var folder = ScenarioFile.Load(Path.GetTempPath(), LoadOptions.Unlimited).Errors.Single();
        Assert.Contains("is a folder", folder.Message);
    }
}
