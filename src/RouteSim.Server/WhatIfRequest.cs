using System.Globalization;
using System.Text.Json;
using RouteSim.Analysis.Counterfactuals;
using RouteSim.Core.Model;

namespace RouteSim.Server;

/// <summary>
/// A what-if as the page asks for it: enforcement events added to the baseline's, the replications and the
/// evaluation window. JSON: <c>{"events": [{"period": P, "add": {ID: units}, "set": {ID: units}}],
/// "replications": N, "window": [FROM, TO]}</c>; every key is optional, the window is periods FROM up to but not
/// including TO, as <c>routesim compare --window FROM:TO</c>.
/// </summary>
public sealed record WhatIfRequest(IReadOnlyList<EnforcementEvent> Events, int Replications, Window Window)
{
    /// <summary>
    /// Reads and checks a request body against the baseline; null with a one-line reason naming the place
    /// (malformed JSON, an unknown key or location id, negative units, a period or window out of range).
    /// </summary>
    public static WhatIfRequest? Read(ReadOnlyMemory<byte> body, Scenario baseline, int defaultReplications, int maxReplications, out string? problem)
    {
        problem = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            problem = $"malformed JSON: {FirstSentence(e.Message)}";
            return null;
        }
        using (document)
        {
            try
            {
                return Read(document.RootElement, baseline, defaultReplications, maxReplications);
            }
            catch (RequestProblem p)
            {
                problem = p.Message;
                return null;
            }
        }
    }

    private static WhatIfRequest Read(JsonElement root, Scenario baseline, int defaultReplications, int maxReplications)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new RequestProblem("the body must be a JSON object such as {\"events\": [], \"replications\": 20}");
        var events = new List<EnforcementEvent>();
        int replications = defaultReplications;
        var window = Window.All(baseline.Periods);
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "events":
                    events = ReadEvents(property.Value, baseline);
                    break;
                case "replications":
                    replications = Whole(property.Value, "replications");
                    if (replications < 1 || replications > maxReplications)
                        throw new RequestProblem($"replications: {replications} is out of range; this server runs 1 to {maxReplications:N0}");
                    break;
                case "window":
                    window = ReadWindow(property.Value, baseline.Periods);
                    break;
                default:
                    throw new RequestProblem($"unknown key '{property.Name}'; expected events, replications, window");
            }
        }
        return new WhatIfRequest(events, replications, window);
    }

    private static List<EnforcementEvent> ReadEvents(JsonElement value, Scenario baseline)
    {
        if (value.ValueKind != JsonValueKind.Array) throw new RequestProblem("events: expected a list of {\"period\": P, \"add\" or \"set\": {ID: units}}");
        var ids = baseline.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var events = new List<EnforcementEvent>();
        int i = 0;
        foreach (var item in value.EnumerateArray())
        {
            string at = $"events[{i++}]";
            if (item.ValueKind != JsonValueKind.Object) throw new RequestProblem($"{at}: expected an object {{\"period\": P, \"add\" or \"set\": {{ID: units}}}}");
            int? period = null;
            Dictionary<string, double> set = [], add = [];
            foreach (var property in item.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "period":
                        period = Whole(property.Value, $"{at}.period");
                        if (period < 0 || period >= baseline.Periods)
                            throw new RequestProblem($"{at}.period: {period} is out of range; the scenario has periods 0 to {baseline.Periods - 1}");
                        break;
                    case "set":
                        set = Units(property.Value, $"{at}.set", ids);
                        break;
                    case "add":
                        add = Units(property.Value, $"{at}.add", ids);
                        break;
                    default:
                        throw new RequestProblem($"{at}: unknown key '{property.Name}'; expected period, add, set");
                }
            }
            if (period is not { } p) throw new RequestProblem($"{at}: period is missing");
            if (set.Count == 0 && add.Count == 0) throw new RequestProblem($"{at}: give \"add\" or \"set\" with at least one location");
            events.Add(new EnforcementEvent(p, set, add));
        }
        return events;
    }

    private static Dictionary<string, double> Units(JsonElement value, string at, HashSet<string> ids)
    {
        if (value.ValueKind != JsonValueKind.Object) throw new RequestProblem($"{at}: expected an object {{ID: units}}");
        var units = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            string where = $"{at}.{property.Name}";
            if (!ids.Contains(property.Name)) throw new RequestProblem($"{where}: unknown location id '{property.Name}'");
            if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out double amount) || !double.IsFinite(amount))
                throw new RequestProblem($"{where}: expected a number of units");
            if (amount < 0) throw new RequestProblem($"{where}: units must be zero or more, got {amount.ToString("R", CultureInfo.InvariantCulture)}");
            if (!units.TryAdd(property.Name, amount)) throw new RequestProblem($"{where}: given twice");
        }
        return units;
    }

    private static Window ReadWindow(JsonElement value, int periods)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 2)
            throw new RequestProblem("window: expected [from, to], periods from up to but not including to");
        int from = Whole(value[0], "window[0]"), to = Whole(value[1], "window[1]");
        if (from < 0 || to > periods || from >= to)
            throw new RequestProblem($"window: [{from}, {to}] must satisfy 0 <= from < to <= {periods} (the scenario has periods 0 to {periods - 1})");
        return new Window(from, to);
    }

    private static int Whole(JsonElement value, string at) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n)
            ? n
            : throw new RequestProblem($"{at}: expected a whole number, got {Shown(value)}");

    private static string Shown(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 40 ? text : text[..40] + "...";
    }

    private static string FirstSentence(string message)
    {
        var line = message.ReplaceLineEndings(" ");
        return line.Length <= 200 ? line : line[..200] + "...";
    }

    private sealed class RequestProblem(string message) : Exception(message);
}
