namespace RouteSim.Core.Model;

/// <summary>
/// Calendar dates of periods, for scenarios that give a start date: period t of a run in days starts t days
/// after the start date (weeks: 7t days; months and years: t calendar months or years).
/// </summary>
public static class PeriodCalendar
{
    /// <summary>Period units that have calendar dates.</summary>
    public static IReadOnlyList<string> Units { get; } = ["day", "week", "month", "year"];

    /// <summary>True when periods of this unit can be given dates.</summary>
    public static bool HasDates(string periodUnit) => Units.Contains(periodUnit);

    /// <summary>The first day of period t; null when the unit has no calendar meaning.</summary>
    public static DateOnly? DateOf(DateOnly start, string periodUnit, int period) => periodUnit switch
    {
        "day" => start.AddDays(period),
        "week" => start.AddDays(7 * period),
        "month" => start.AddMonths(period),
        "year" => start.AddYears(period),
        _ => null,
    };
}
