using System.Collections.Concurrent;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using RouteSim.Core.Engine;

namespace RouteSim.Benchmarks;

/// <summary>
/// Agent-decisions per second of an engine benchmark: the decisions its replication makes (counted once, in
/// the host, with the same seed) over the measured mean time.
/// </summary>
public sealed class DecisionsPerSecondColumn : IColumn
{
    private static readonly ConcurrentDictionary<string, long> Decisions = new();

    public string Id => nameof(DecisionsPerSecondColumn);

    public string ColumnName => "Decisions/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Agent-decisions (one acting agent in one period) per second of wall time";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var type = benchmarkCase.Descriptor.Type;
        if (type != typeof(EngineThroughput) && type != typeof(ImplementationComparison) && type != typeof(MixedLogitThroughput)) return "-";
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } statistics) return "NA";
        var scenarioName = (string)benchmarkCase.Parameters["Scenario"];
        long decisions;
        if (type == typeof(ImplementationComparison))
        {
            string method = benchmarkCase.Descriptor.WorkloadMethod.Name;
            decisions = Decisions.GetOrAdd($"{scenarioName}/{method}", _ => ImplementationComparison.Decisions(scenarioName, method));
        }
        else if (type == typeof(MixedLogitThroughput))
        {
            decisions = Decisions.GetOrAdd($"mixed/{scenarioName}", _ =>
                new ReplicationRunner(CompiledScenario.Build(MixedLogitThroughput.Build(scenarioName)), EngineThroughput.Seed, 0).Run().Decisions);
        }
        else
        {
            int agents = (int)benchmarkCase.Parameters["Agents"];
            decisions = Decisions.GetOrAdd($"{scenarioName}/{agents}", _ =>
            {
                var model = CompiledScenario.Build(EngineThroughput.Build(scenarioName, agents));
                return new ReplicationRunner(model, EngineThroughput.Seed, 0).Run().Decisions;
            });
        }
        double perSecond = decisions / (statistics.Mean / 1e9);
        return $"{perSecond / 1e6:N1} M";
    }
}
