namespace Portal.Directory.OpeningHours;

/// <summary>Whether a schedule is open at a moment, in the site's time zone (Europe/Paris), with French public holidays.</summary>
public static class OpenAt
{
    public static readonly TimeZoneInfo SiteTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Null when it cannot be told: a day given only a comment ("sur rendez-vous"), or a holiday without its own rule.</summary>
    public static bool? IsOpen(OpeningHoursSchedule schedule, DateTimeOffset at)
    {
        if (!schedule.Supported) return null;
        var local = TimeZoneInfo.ConvertTime(at, SiteTimeZone);
        var day = ((int)local.DayOfWeek + 6) % 7;
        var hours = schedule.Days[day];
        if (FrenchHolidays.IsHoliday(DateOnly.FromDateTime(local.DateTime)))
        {
            if (schedule.PublicHolidays is null) return null;
            hours = schedule.PublicHolidays;
        }
        if (hours is null) return schedule.Days.Any(d => d is not null) ? false : null;
        if (hours.Spans.Count == 0 && hours.Comment is not null) return null;
        var minute = local.Hour * 60 + local.Minute;
        return hours.Spans.Any(s => s.Contains(minute));
    }
}

/// <summary>The public holidays of France (the fixed days, and Easter Monday, Ascension and Whit Monday).</summary>
public static class FrenchHolidays
{
    public static bool IsHoliday(DateOnly date)
    {
        if ((date.Month, date.Day) is (1, 1) or (5, 1) or (5, 8) or (7, 14) or (8, 15) or (11, 1) or (11, 11) or (12, 25)) return true;
        var easter = Easter(date.Year);
        return date == easter.AddDays(1) || date == easter.AddDays(39) || date == easter.AddDays(50);
    }

    /// <summary>Easter Sunday of the Gregorian calendar (the anonymous algorithm).</summary>
    public static DateOnly Easter(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
