using System.Globalization;
using RouteSim.Core.Model;
using ScottPlot;

namespace RouteSim.Plotting;

/// <summary>
/// The time axis of a figure over periods: calendar dates (month ticks) when the scenario gives a start date and
/// its periods are days or weeks, period numbers otherwise; and labelled marks where configured enforcement changes.
/// </summary>
public static class TimeAxis
{
    /// <summary>Labels the x axis for a run of <paramref name="periods"/> periods of <paramref name="unit"/> starting on <paramref name="startDate"/> (YYYY-MM-DD or null).</summary>
    public static void Apply(Plot plot, int periods, string unit, string? startDate)
    {
        if (Start(startDate) is not { } start || unit is not ("day" or "week"))
        {
            plot.XLabel($"time ({unit}s)", 13);
            return;
        }
        int perPeriod = unit == "day" ? 1 : 7;
        var end = start.AddDays(perPeriod * periods);
        var positions = new List<double>();
        var labels = new List<string>();
        var month = new DateOnly(start.Year, start.Month, 1);
        if (month < start) month = month.AddMonths(1);
        int months = (end.Year - start.Year) * 12 + end.Month - start.Month;
        int step = months <= 14 ? 1 : months <= 36 ? 3 : 12;
        bool oneYear = start.Year == end.AddDays(-1).Year;
        for (; month < end; month = month.AddMonths(step))
        {
            positions.Add((month.DayNumber - start.DayNumber) / (double)perPeriod);
            labels.Add(month.ToString(oneYear ? "MMM" : "MMM yyyy", CultureInfo.InvariantCulture));
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions.ToArray(), labels.ToArray());
        plot.XLabel(oneYear ? $"date ({start.Year}); one point per {unit}" : $"date; one point per {unit}", 13);
    }

    /// <summary>The first day of a period, written as "4 Feb 2025", or "day 34" without a start date.</summary>
    public static string PeriodText(int period, string unit, string? startDate) =>
        Start(startDate) is { } start && PeriodCalendar.DateOf(start, unit, period) is { } date
            ? date.ToString("d MMM yyyy", CultureInfo.InvariantCulture)
            : $"{unit} {period}";

    /// <summary>A dashed vertical line at each period where configured enforcement changes, labelled at the top with its date or period.</summary>
    public static void MarkEvents(Plot plot, IEnumerable<int> periods, string unit, string? startDate)
    {
        foreach (var t in periods)
        {
            var mark = plot.Add.VerticalLine(t, 1.5f, Colors.Gray, LinePattern.Dashed);
            mark.LegendText = "";
            mark.Text = $"enforcement changes, {PeriodText(t, unit, startDate)}";
            mark.LabelOppositeAxis = true;
            mark.LabelFontName = FigureStyle.FontName;
            mark.LabelFontSize = 11;
            mark.LabelRotation = 0;
            mark.LabelAlignment = Alignment.LowerLeft;
            mark.LabelBackgroundColor = Colors.White;
            mark.LabelFontColor = Colors.DimGray;
        }
    }

    private static DateOnly? Start(string? startDate) =>
        startDate is not null && DateOnly.TryParseExact(startDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
