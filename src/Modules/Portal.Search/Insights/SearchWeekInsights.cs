using System.Globalization;

namespace Portal.Search.Insights;

/// <summary>
/// The counts of one culture's searches in one ISO week: aggregate counters only, per normalised query. Nothing about
/// who searched (no address, no account, no time finer than the week) is ever kept.
/// </summary>
public sealed class SearchWeekInsights
{
    public string Culture { get; set; } = "";
    /// <summary>ISO week, e.g. 2026-W49.</summary>
    public string Week { get; set; } = "";
    public int Searches { get; set; }
    /// <summary>Searches whose query was not kept because the week already held its maximum of distinct queries.</summary>
    public int Dropped { get; set; }
    public List<QueryCount> Queries { get; set; } = [];
}

public sealed class QueryCount
{
    public string Query { get; set; } = "";
    public int Count { get; set; }
    /// <summary>Times it found nothing.</summary>
    public int Zero { get; set; }
    /// <summary>Times it found at least one and at most <see cref="SearchInsightsOptions.FewResults"/> results.</summary>
    public int Few { get; set; }
    /// <summary>Relaxation applied (a name given by the search) → times.</summary>
    public Dictionary<string, int> Relaxations { get; set; } = new(StringComparer.Ordinal);
}

public static class IsoWeeks
{
    public static string Of(DateTimeOffset time) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(time.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(time.UtcDateTime):00}");

    /// <summary>The Monday a week starts on, or null for a text that is no ISO week.</summary>
    public static DateTime? Start(string week)
    {
        var parts = week.Split("-W");
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year is < 2000 or > 9998 || number < 1 || number > ISOWeek.GetWeeksInYear(year)) return null;
        return ISOWeek.ToDateTime(year, number, DayOfWeek.Monday);
    }
}
