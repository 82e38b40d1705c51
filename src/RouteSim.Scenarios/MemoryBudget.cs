using RouteSim.Core.Engine;
using RouteSim.Core.Model;
using RouteSim.Scenarios.Yaml;

namespace RouteSim.Scenarios;

/// <summary>
/// The memory a run of a scenario may take (<see cref="LoadOptions.MemoryBudgetBytes"/>), checked against
/// <see cref="MemoryEstimate"/>'s bounds before and after the model is built.
/// </summary>
internal sealed class MemoryBudget(Scenario scenario, long agents, LoadOptions options, Diagnostics diagnostics)
{
    /// <summary>Replications held in memory at once: the threads, at most the replications.</summary>
    public int Concurrent { get; } = Math.Min(options.ConcurrentReplications, scenario.Replications);

    /// <summary>
    /// True, with the error reported, when <paramref name="need"/> bytes (an estimate described by
    /// <paramref name="qualifier"/>: "at least " or "about ") exceed the budget.
    /// </summary>
    public bool Exceeded(double need, string qualifier)
    {
        if (need <= options.MemoryBudgetBytes) return false;
        int concurrent = Concurrent;
        diagnostics.Error("organizations",
            $"this run needs {qualifier}{Gigabytes(need)} of memory ({agents:N0} agents, {scenario.Periods:N0} periods, {concurrent} replication{(concurrent == 1 ? "" : "s")} at a time" +
            $"{(qualifier == "about " ? $", {(MemoryEstimate.Margin - 1) * 100:0}% margin included" : "")}), more than the {Gigabytes(options.MemoryBudgetBytes)} available; use fewer agents or periods{(concurrent > 1 ? ", or fewer --threads (each thread holds a replication)" : "")}");
        return true;
    }

    private static string Gigabytes(double bytes) => $"{bytes / (1L << 30):0.0} GiB";
}
