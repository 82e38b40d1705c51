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

    /// <summary>
    /// A dashed vertical line at each period where configured enforcement (resources or a deterrence cost) changes, labelled with what changes inside the data area
    /// just right of the line, at <paramref name="top"/> (data units), so the label never reaches the title.
    /// </summary>
    public static void MarkEvents(Plot plot, IEnumerable<Results.Reading.ScheduleEvent> events, string unit, string? startDate, double top)
    {
        foreach (var e in events)
        {
            int t = e.Period;
            var mark = plot.Add.VerticalLine(t, 1.5f, Colors.Gray, LinePattern.Dashed);
            mark.LegendText = "";
            string what = (e.Resources, e.DeterrenceCost) switch
            {
                (true, true) => "enforcement and deterrence cost change",
                (false, true) => "deterrence cost changes",
                _ => "enforcement changes",
            };
            var label = plot.Add.Text($"{what}, {PeriodText(t, unit, startDate)}", t, top);
            label.LabelFontName = FigureStyle.FontName;
            label.LabelFontSize = 11;
            label.LabelFontColor = Colors.DimGray;
            label.LabelAlignment = Alignment.UpperLeft;
            label.LabelOffsetX = 4;
        }
    }

    /// <summary>
    /// Each replication's series as a trailing mean over <paramref name="width"/> periods (fewer at the start), so
    /// a year of daily counts reads as a curve; the band is then the 95% interval of that mean.
    /// </summary>
    public static double[][] RollingMean(IReadOnlyList<double[]> series, int width)
    {
        if (width <= 1) return series.ToArray();
        return series.Select(values =>
        {
            var smooth = new double[values.Length];
            double sum = 0;
            for (int t = 0; t < values.Length; t++)
            {
                sum += values[t];
                if (t >= width) sum -= values[t - width];
                smooth[t] = sum / Math.Min(t + 1, width);
            }
            return smooth;
        }).ToArray();
    }

    /// <summary>The smoothing width for a series: a week for more than 120 days, else none.</summary>
    public static int SmoothingWidth(int periods, string unit) => unit == "day" && periods > 120 ? 7 : 1;

    private static DateOnly? Start(string? startDate) =>
        startDate is not null && DateOnly.TryParseExact(startDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
