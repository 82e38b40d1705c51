using System.Diagnostics;
using Spectre.Console;

namespace RouteSim.Cli.Console;

/// <summary>
/// Shows how far a run is: a progress bar with time remaining on a terminal, sparse plain lines when output is
/// redirected (a line when another tenth is done and 5 seconds have passed, or after a minute, and at the end), nothing when quiet.
/// </summary>
public static class RunProgress
{
    /// <summary>Runs <paramref name="work"/>, giving it a callback to report replications finished.</summary>
    public static T Track<T>(Terminal terminal, bool quiet, string label, int total, Func<Action<int>, T> work, string unit = "replications")
    {
        if (quiet) return work(_ => { });
        if (!terminal.Interactive) return Plain(terminal, label, total, work, unit);

        T result = default!;
        terminal.ErrorConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(label, maxValue: total);
                result = work(done => task.Value = done);
            });
        return result;
    }

    private static T Plain<T>(Terminal terminal, string label, int total, Func<Action<int>, T> work, string unit)
    {
        var clock = Stopwatch.StartNew();
        int lastTenth = 0;
        double lastSeconds = 0;
        var gate = new object();
        return work(done =>
        {
            lock (gate)
            {
                int tenth = done * 10 / total;
                double seconds = clock.Elapsed.TotalSeconds;
                bool due = (tenth != lastTenth && seconds - lastSeconds >= 5) || seconds - lastSeconds >= 60;
                if (done < total && !due) return;
                lastTenth = tenth;
                lastSeconds = seconds;
                double left = done > 0 ? seconds * (total - done) / done : double.NaN;
                terminal.Error.WriteLine($"{label}: {done}/{total} {unit}, {seconds:0.0} s elapsed, ~{left:0} s left");
            }
        });
    }
}
