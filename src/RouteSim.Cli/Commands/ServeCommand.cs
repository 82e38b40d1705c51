using System.CommandLine;
using RouteSim.Cli.Console;
using RouteSim.Server;

namespace RouteSim.Cli.Commands;

/// <summary><c>routesim serve SCENARIO</c>: the what-if explorer page on 127.0.0.1 (the server is RouteSim.Server).</summary>
public static class ServeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Terminal terminal)
    {
        var scenario = new Argument<string>("scenario") { Description = "Baseline scenario file; every what-if is compared with it" };
        var port = new Option<int>("--port")
        {
            Description = "Port on 127.0.0.1 (0: any free port)",
            DefaultValueFactory = _ => 8765,
            // Parsed and range-checked in one place, so that 'abc' and 70000 are both one-line usage errors.
            CustomParser = result => (int)(OptionParsing.Whole(result, "--port", 0, 65535) ?? 0),
        };
        var replications = CommonOptions.Replications();
        var command = new Command("serve", "Serve the what-if explorer: change enforcement on a map, compare with the scenario under common random numbers, download the results")
        {
            scenario, port, replications,
        };
        command.SetAction(parsed => Run(terminal, parsed.GetValue(scenario)!, parsed.GetValue(port), parsed.GetValue(replications)));
        return command;
    }

    /// <summary>Serves until Ctrl-C or SIGTERM; returns the exit code.</summary>
    public static int Run(Terminal terminal, string scenario, int port, int? replications)
    {
        var options = new ExplorerOptions(scenario)
        {
            Port = port,
            Replications = replications,
            MaxReplications = Math.Max(1000, replications ?? 0),
            Version = CommonOptions.Version,
        };
        using var stop = new CancellationTokenSource();
        using var signals = CancelSignals.Hook(stop);
        var server = ExplorerServer.Create(options, out var errors);
        if (server is null) return ErrorList.Report(terminal, errors);
        return Serve(terminal, server, port, stop.Token).GetAwaiter().GetResult();
    }

    private static async Task<int> Serve(Terminal terminal, ExplorerServer server, int port, CancellationToken stop)
    {
        await using (server)
        {
            try
            {
                var url = await server.StartAsync(stop);
                terminal.Out.WriteLine($"listening: {url}");
                terminal.Out.WriteLine("open it in a browser; Ctrl-C stops the server");
                terminal.Out.Flush();
                await Task.Delay(Timeout.Infinite, stop).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (IOException e)
            {
                terminal.Fail($"routesim: cannot listen on 127.0.0.1:{port}: {e.Message.ReplaceLineEndings(" ")} (choose another with --port)");
                return ExitCodes.InvalidInput;
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C while starting.
            }
        }
        terminal.Out.WriteLine("stopped");
        return ExitCodes.Ok;
    }
}
