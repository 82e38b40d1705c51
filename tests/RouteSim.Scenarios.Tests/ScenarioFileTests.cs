using System.Diagnostics;
using RouteSim.Scenarios.Tests.Support;

namespace RouteSim.Scenarios.Tests;

/// <summary>Reading scenario files: the size limit holds for devices and pipes, whose length the file system does not know.</summary>
public class ScenarioFileTests
{
    [SkippableFact]
    public void Dev_zero_is_refused_after_the_size_limit()
    {
        Skip.IfNot(File.Exists("/dev/zero"), "no /dev/zero here");
        var error = ScenarioFile.Load("/dev/zero", LoadOptions.Unlimited).Errors.Single();
        Assert.Equal("/dev/zero", error.File);
        Assert.Contains($"more than {ScenarioFile.MaxBytes:N0} bytes", error.Message);
    }

    [SkippableFact]
    public void A_pipe_is_read_once_and_hashed_as_read()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "named pipes via mkfifo");
        var fifo = Path.Combine(Path.GetTempPath(), $"routesim-fifo-{Guid.NewGuid():N}");
        using (var make = Process.Start("mkfifo", fifo)) make.WaitForExit();
        try
        {
            var writer = Task.Run(() => File.WriteAllText(fifo, Repo.Tutorial));
            var loaded = ScenarioFile.Load(fifo, LoadOptions.Unlimited);
            writer.Wait();
            Assert.True(loaded.Ok, string.Join("\n", loaded.Errors));
            var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Repo.Tutorial)));
            Assert.Equal(expected, ScenarioFile.Sha256(fifo)); // from the bytes read, without opening the pipe again
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    [SkippableFact]
    public void An_endless_pipe_is_refused_after_the_size_limit()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "named pipes via mkfifo");
        var fifo = Path.Combine(Path.GetTempPath(), $"routesim-fifo-{Guid.NewGuid():N}");
        using (var make = Process.Start("mkfifo", fifo)) make.WaitForExit();
        try
        {
            var writer = Task.Run(() =>
            {
                var line = new string('x', 1023) + "\n";
                try
                {
                    using var stream = new StreamWriter(fifo);
                    while (true) stream.Write(line); // until the reader closes its end
                }
                catch (IOException) { }
            });
            var error = ScenarioFile.Load(fifo, LoadOptions.Unlimited).Errors.Single();
            Assert.Contains("more than", error.Message);
            Assert.True(writer.Wait(TimeSpan.FromMinutes(1)));
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    [Fact]
    public void A_file_just_over_the_limit_is_refused_and_one_at_it_is_read()
    {
        var file = Path.GetTempFileName();
        try
        {
            var comment = "#" + new string('x', (int)ScenarioFile.MaxBytes - Repo.Tutorial.Length - 2) + "\n";
            File.WriteAllText(file, Repo.Tutorial + comment);
            Assert.Equal(ScenarioFile.MaxBytes, new FileInfo(file).Length);
            Assert.True(ScenarioFile.Load(file, LoadOptions.Unlimited).Ok);
            File.AppendAllText(file, "\n");
            Assert.Contains("more than", ScenarioFile.Load(file, LoadOptions.Unlimited).Errors.Single().Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void Byte_order_marks_are_honoured(string encoding)
    {
        var file = Path.GetTempFileName();
        try
        {
            var bytes = encoding switch
            {
                "utf-8-bom" => [.. new System.Text.UTF8Encoding(true).GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(Repo.Tutorial)],
                "utf-16le" => [.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes(Repo.Tutorial)],
                _ => (byte[])[.. System.Text.Encoding.BigEndianUnicode.GetPreamble(), .. System.Text.Encoding.BigEndianUnicode.GetBytes(Repo.Tutorial)],
            };
            File.WriteAllBytes(file, bytes);
            var loaded = ScenarioFile.Load(file, LoadOptions.Unlimited);
            Assert.True(loaded.Ok, string.Join("\n", loaded.Errors));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
