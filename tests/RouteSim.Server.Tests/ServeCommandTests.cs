using System.Diagnostics;
using System.Net.Sockets;
using RouteSim.Server.Tests.Support;

namespace RouteSim.Server.Tests;

/// <summary><c>routesim serve</c> as a user runs it.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_prints_where_it_listens_first_serves_and_stops_cleanly_on_SIGTERM()
    {
        var routesim = Path.Combine(AppContext.BaseDirectory, "routesim.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { routesim, "serve", Explorer.Baseline, "--port", "0", "--replications", "3" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        try
        {
            var first = await process.StandardOutput.ReadLineAsync();
            Assert.Matches(@"^listening: http://127\.0\.0\.1:\d+/$", first);
            using var http = new HttpClient { BaseAddress = new Uri(first!["listening: ".Length..]) };
            var scenario = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("api/scenario")).RootElement;
            Assert.Equal(3, scenario.GetProperty("replications").GetInt32());

            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
            await kill.WaitForExitAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            Assert.EndsWith("stopped\n", await process.StandardOutput.ReadToEndAsync());
            Assert.Equal("", await process.StandardError.ReadToEndAsync());
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }

    [Fact]
    public void An_invalid_scenario_is_one_line_per_problem_and_exit_1()
    {
        var missing = Explorer.Routesim("serve", "no-such-scenario.yaml", "--port", "0");
        Assert.Equal(1, missing.Exit);
        Assert.Equal("no-such-scenario.yaml: file not found\n", missing.Error);
        Assert.Equal("", missing.Out);
    }

    [Theory]
    [InlineData("70000", "--port must be at most 65,535, got 70000")]
    [InlineData("-1", "--port must be at least 0, got -1")]
    [InlineData("abc", "--port takes a whole number from 0 to 65,535, got 'abc'")]
    public void A_bad_port_is_a_usage_error(string port, string error)
    {
        var result = Explorer.Routesim("serve", Explorer.Baseline, "--port", port);
        Assert.Equal(2, result.Exit);
        Assert.Contains(error, result.Error);
    }

    [Fact]
    public void A_port_in_use_is_one_line_and_exit_1()
    {
        using var taken = new TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var result = Explorer.Routesim("serve", Explorer.Baseline, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, result.Exit);
        Assert.StartsWith($"routesim: cannot listen on 127.0.0.1:{port}: ", result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", result.Error);
    }
}
