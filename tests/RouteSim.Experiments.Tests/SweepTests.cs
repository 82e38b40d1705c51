using RouteSim.Analysis.Sweeps;
using RouteSim.Experiments.Sweeps;
using RouteSim.Scenarios;

namespace RouteSim.Experiments.Tests;

public class SweepTests
{
    private static string SweepText(string design, string extra = "") => $$"""
        name: test sweep
        scenario: {{Files.Scenario("tutorial", "displacement-deployment.yaml")}}
        counterfactual: {{Files.Scenario("tutorial", "displacement-baseline.yaml")}}
        replications: 3
        seed: 11
        design: {{design}}
        parameters:
          - { path: enforcement.effectiveness, name: effectiveness, min: 0.2, max: 0.8 }
          - { path: "organizations[smugglers].temperature", name: temperature, values: [1, 2] }
        outcomes:
          - { name: deaths, metric: deaths, from: 30 }
          - { name: port_flow, metric: traversals, location: PORT, stat: mean }
          - { name: ratio, measure: displacement_ratio, from: 30 }
        {{extra}}
        """;

    private static Sweep Load(string text, out IReadOnlyList<ScenarioError> errors)
    {
        var file = Files.Write(Files.Scratch(), "sweep.yaml", text);
        return SweepFile.Load(file, LoadOptions.Unlimited, out errors)!;
    }

    private static List<SweepRow> Run(Sweep sweep, long from, long to, int threads)
    {
        var rows = new List<SweepRow>();
        SweepRunner.Run(sweep.Plan, from, to, threads, p => sweep.Point(p, LoadOptions.Unlimited), rows.Add);
        return rows;
    }

    [Fact]
    public void Rows_are_identical_however_the_work_is_split_and_however_many_threads_run_it()
    {
        var sweep = Load(SweepText("{ kind: lhs, points: 4 }"), out var errors);
        Assert.Empty(errors);
        var whole = Run(sweep, 0, sweep.Plan.Count, 1);
        Assert.Equal(12, whole.Count);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (long)i), whole.Select(r => r.Item.Index));
        foreach (int shards in new[] { 2, 5, 12 })
        {
            var pieces = Enumerable.Range(0, shards).SelectMany(i =>
            {
                var (from, to) = sweep.Plan.Shard(i, shards);
                return Run(sweep, from, to, 2);
            }).ToList();
            Assert.Equal(whole.Select(r => r.Item), pieces.Select(r => r.Item));
            Assert.Equal(whole.Select(r => r.Values), pieces.Select(r => r.Values));
        }
    }

    [Fact]
    public void A_work_item_depends_on_its_global_index_only()
    {
        var sweep = Load(SweepText("{ kind: lhs, points: 4 }"), out _);
        var item = sweep.Plan.Item(7);
        Assert.Equal((2, 1), (item.Point, item.Replication));
        Assert.Equal(RouteSim.Core.Randomness.Seeds.SweepItem(11, 7), item.Seed);
        var alone = Run(sweep, 7, 8, 1).Single();
        Assert.Equal(Run(sweep, 0, 12, 2)[7].Values, alone.Values);
    }

    [Fact]
    public void Common_seeds_give_every_point_the_same_streams_per_replication()
    {
        var sweep = Load(SweepText("{ kind: grid, levels: 2 }", "seeds: common"), out var errors);
        Assert.Empty(errors);
        Assert.Equal(4, sweep.Design.Count);
        for (int p = 0; p < 4; p++)
            for (int r = 0; r < 3; r++)
                Assert.Equal((11UL, r), (sweep.Plan.Item(p * 3 + r).Seed, sweep.Plan.Item(p * 3 + r).EngineReplication));
    }

    [Fact]
    public void The_point_values_reach_the_scenario_and_the_outcomes_measure_it()
    {
        var sweep = Load(SweepText("{ kind: grid, levels: 2 }"), out _);
        var point = sweep.Point(3, LoadOptions.Unlimited);
        Assert.Equal(0.8, point.Model.Scenario.Enforcement.Effectiveness);
        Assert.Equal(2, point.Model.Scenario.Organizations[0].Temperature);
        Assert.Equal(0.8, point.Baseline!.Scenario.Enforcement.Effectiveness);
        var rows = Run(sweep, 9, 12, 1);
        Assert.All(rows, r => Assert.True(r.Values[1] > 0));
        Assert.All(rows, r => Assert.InRange(r.Values[2], -1, 2));
    }

    [Theory]
    [InlineData("{ kind: lhs }", "", "design", "needs points")]
    [InlineData("{ kind: morris, trajectories: 4, levels: 3 }", "", "design.levels", "even number of levels")]
    [InlineData("{ kind: saltelli, base_samples: 8, points: 3 }", "", "design.points", "does not apply")]
    [InlineData("{ kind: cube }", "", "design.kind", "not one of")]
    [InlineData("{ kind: grid }", "seeds: sometimes", "seeds", "not one of")]
    public void Design_problems_are_named_with_their_place(string design, string extra, string path, string message)
    {
        Load(SweepText(design, extra), out var errors);
        var e = Assert.Single(errors);
        Assert.Equal(path, e.Path);
        Assert.Contains(message, e.Message);
        Assert.True(e.Line > 0);
    }

    [Theory]
    [InlineData("  - { path: \"organizations[smugglers].temprature\", min: 1, max: 2 }", "no key 'temprature'")]
    [InlineData("  - { path: enforcement.effectiveness, name: e2, min: -1, max: 2 }", "must be > 0")]
    [InlineData("  - { path: enforcement.effectiveness, name: e2, min: 2, max: 1 }", "max must be greater than min")]
    [InlineData("  - { path: enforcement.effectiveness, name: e2, min: 0.1, max: 1, values: [1] }", "either values or min and max")]
    [InlineData("  - { path: \"nodes[NOWHERE].cost\", name: c, min: 0, max: 1 }", "nodes has no item NOWHERE")]
    [InlineData("  - { path: \"enforcement.events[0].add.PORT\", name: d, values: [1, 2] }", "add applies_to: scenario")]
    [InlineData("  - { path: \"edges[*].cost\", name: d, min: 1, max: 2 }", "add multiply: true")]
    public void Parameter_problems_are_named_with_their_line(string line, string message)
    {
        var text = SweepText("{ kind: grid }").Replace("outcomes:", line + "\noutcomes:", StringComparison.Ordinal);
        Load(text, out var errors);
        var e = Assert.Single(errors);
        Assert.Contains(message, e.Message);
        Assert.Equal(text.Split('\n').ToList().FindIndex(l => l == line) + 1, e.Line);
    }

    [Theory]
    [InlineData("  - { name: x, metric: traversals }", "give location")]
    [InlineData("  - { name: x, metric: deaths, location: NOWHERE }", "unknown location 'NOWHERE'")]
    [InlineData("  - { name: x, measure: deterrence, metric: deaths }", "either metric")]
    [InlineData("  - { name: x, metric: deaths, from: 50, to: 40 }", "not inside the run")]
    [InlineData("  - { name: deaths, metric: attempts }", "used twice")]
    [InlineData("  - { name: x, measure: mean_route_danger_change, commodity: gold }", "unknown commodity 'gold'")]
    [InlineData("  - { name: x, metric: attempts, commodity: migrants }", "commodity applies to location metrics and comparison measures only")]
    public void Outcome_problems_are_named(string line, string message)
    {
        Load(SweepText("{ kind: grid }") + "\n" + line + "\n", out var errors);
        Assert.Contains(errors, e => e.Message.Contains(message, StringComparison.Ordinal));
    }

    /// <summary>A comparison measure for one commodity is the value `routesim compare` gives for that commodity's row.</summary>
    [Fact]
    public void A_comparison_measure_can_be_taken_for_one_commodity()
    {
        var sweep = Load(SweepText("{ kind: grid, levels: 2 }") + "\n  - { name: danger, measure: mean_route_danger_change, commodity: migrants, from: 30 }\n"
            + "  - { name: danger_all, measure: mean_route_danger_change, from: 30 }\n", out var errors);
        Assert.Empty(errors);
        var rows = Run(sweep, 0, sweep.Plan.Count, 2);
        int one = sweep.Outcomes.ToList().FindIndex(o => o.Name == "danger"), all = sweep.Outcomes.ToList().FindIndex(o => o.Name == "danger_all");
        // The tutorial has one commodity, so its row and the pooled row agree exactly.
        Assert.All(rows, r => Assert.Equal(r.Values[all], r.Values[one]));
        Assert.Contains(rows, r => r.Values[one] != 0);
    }

    [Fact]
    public void A_comparison_measure_without_a_counterfactual_is_refused()
    {
        var text = SweepText("{ kind: grid }").Replace("counterfactual:", "# counterfactual:", StringComparison.Ordinal);
        Load(text, out var errors);
        Assert.Contains(errors, e => e.Path == "outcomes[2].measure" && e.Message.Contains("counterfactual", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_scenario_is_reported_as_the_scenarios_own_error()
    {
        var text = SweepText("{ kind: grid }").Replace("displacement-deployment.yaml", "nowhere.yaml", StringComparison.Ordinal);
        Load(text, out var errors);
        Assert.Contains("file not found", Assert.Single(errors).ToString());
    }

    private static string OneParameter(string parameter, string outcomes = "") => $$"""
        name: owned
        scenario: {{Files.Scenario("tutorial", "displacement-deployment.yaml")}}
        counterfactual: {{Files.Scenario("tutorial", "displacement-baseline.yaml")}}
        replications: 2
        seed: 11
        design: { kind: grid }
        parameters:
          - {{parameter}}
        outcomes:
          - { name: deaths, metric: deaths, from: 30 }
          - { name: ratio, measure: displacement_ratio, from: 30{{outcomes}} }
        """;

    // Keys the sweep sets itself for every work item: a swept value would be a column every run ignores.
    [Theory]
    [InlineData("{ path: seed, values: [1, 2, 3] }", "'seed' cannot be swept", "raise the sweep's replications")]
    [InlineData("{ path: replications, values: [1, 2] }", "'replications' cannot be swept", "give replications in the sweep")]
    public void A_key_the_sweep_owns_is_refused_where_it_is_written(string parameter, string message, string hint)
    {
        Load(OneParameter(parameter), out var errors);
        var error = Assert.Single(errors);
        Assert.Equal((8, "parameters[0].path"), (error.Line, error.Path));
        Assert.Contains(message, error.Message);
        Assert.Contains(hint, error.Message);
    }

    [Theory]
    [InlineData("{ path: periods, name: seed, values: [60, 80] }", "parameters[0].name")]
    [InlineData("{ path: periods, name: index, values: [60, 80] }", "parameters[0].name")]
    public void A_parameter_named_like_a_column_every_row_has_is_refused(string parameter, string path)
    {
        Load(OneParameter(parameter), out var errors);
        var error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        Assert.Contains("is a column every row of runs.csv already has", error.Message);
    }

    [Fact]
    public void A_swept_number_of_periods_is_applied_to_each_point()
    {
        var sweep = Load(OneParameter("{ path: periods, values: [60, 80] }", ", to: 60"), out var errors);
        Assert.Empty(errors);
        Assert.Equal([60, 80], Enumerable.Range(0, 2).Select(p => sweep.Point(p, LoadOptions.Unlimited).Model.Scenario.Periods));
        var rows = Run(sweep, 0, sweep.Plan.Count, 1);
        // Deaths from period 30 to the end: the longer horizon counts more periods (20 more of a steady flow).
        Assert.True(rows[2].Values[0] > rows[0].Values[0] && rows[3].Values[0] > rows[1].Values[0]);
    }

    [Theory]
    [InlineData("{ path: periods, values: [20, 60] }", "", "parameters[0].values", "enforcement.events[0].period: period 30 is past the last period")]
    [InlineData("{ path: periods, values: [35, 80] }", ", to: 40", "outcomes[1].to", "outcome ratio reads periods 30-39, past the shortest run of the sweep (35 periods")]
    [InlineData("{ path: periods, min: 35, max: 80 }", ", to: 40", "outcomes[1].to", "where periods = 35")]
    [InlineData("{ path: periods, min: 25, max: 80 }", "", "parameters[0].min", "(with periods = 25)")]
    [InlineData("{ path: periods, values: [60, 80], applies_to: scenario }", "", "parameters[0].applies_to", "periods must be the same in the scenario and its counterfactual")]
    public void A_swept_number_of_periods_that_conflicts_is_refused_where_it_is_written(string parameter, string outcomes, string path, string message)
    {
        Load(OneParameter(parameter, outcomes), out var errors);
        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal) && e.Line > 0);
    }
}
