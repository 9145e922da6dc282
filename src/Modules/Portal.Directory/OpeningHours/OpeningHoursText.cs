using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Portal.Directory.OpeningHours;

/// <summary>One line of the hours table: "lundi, mercredi, vendredi" → "14 h – 18 h".</summary>
public sealed record OpeningHoursRow(string Days, string Hours);

/// <summary>
/// Opening hours as a visitor reads them, in the page's language: day names from the culture's calendar data, the
/// time and range patterns from the PO files, so a new language needs no code. An unsupported string is kept as given.
/// </summary>
public sealed record OpeningHoursDisplay(string Source, IReadOnlyList<OpeningHoursRow> Rows, IReadOnlyList<string> Notes, bool? OpenNow)
{
    public bool Readable => Rows.Count > 0 || Notes.Count > 0;

    public static OpeningHoursDisplay For(OpeningHoursSchedule schedule, string culture, IStringLocalizer T, DateTimeOffset? now = null)
    {
        if (!schedule.Supported) return new(schedule.Source, [], [], null);
        var dayNames = CultureInfo.GetCultureInfo(culture).DateTimeFormat.DayNames;
        // DayNames starts on Sunday; the schedule on Monday.
        string Name(int day) => dayNames[(day + 1) % 7];
        var rows = new List<OpeningHoursRow>();
        var groups = Enumerable.Range(0, 7).Where(d => schedule.Days[d] is not null)
            .GroupBy(d => Key(schedule.Days[d]!)).OrderBy(g => g.First());
        foreach (var group in groups)
        {
            var days = group.ToList();
            rows.Add(new(days.Count == 7 ? T["every day"] : DaysText(days, Name, T), HoursText(schedule.Days[days[0]]!, T)));
        }
        if (schedule.PublicHolidays is { } holidays) rows.Add(new(T["public holidays"], HoursText(holidays, T)));
        var open = now is { } at ? OpenAt.IsOpen(schedule, at) : null;
        return new(schedule.Source, rows, schedule.Notes, open);
    }

    private static string Key(DayHours hours) => string.Join(",", hours.Spans.Select(s => $"{s.Start}-{s.End}")) + "|" + hours.Comment;

    /// <summary>Runs of three days or more read as a range ("du lundi au vendredi"), others as a list.</summary>
    private static string DaysText(List<int> days, Func<int, string> name, IStringLocalizer T)
    {
        var parts = new List<string>();
        for (var i = 0; i < days.Count;)
        {
            var j = i;
            while (j + 1 < days.Count && days[j + 1] == days[j] + 1) j++;
            if (j - i >= 2) parts.Add(T["from {0} to {1}", name(days[i]), name(days[j])]);
            else for (var k = i; k <= j; k++) parts.Add(name(days[k]));
            i = j + 1;
        }
        return string.Join(", ", parts);
    }

    private static string HoursText(DayHours hours, IStringLocalizer T)
    {
        if (hours.Spans.Count == 0) return hours.Comment is { Length: > 0 } only ? only : T["closed"];
        var spans = string.Join(", ", hours.Spans.Select(s => T["{0}–{1}", Time(s.Start, T), Time(s.End, T)].Value));
        return hours.Comment is { Length: > 0 } comment ? $"{spans} ({comment})" : spans;
    }

    private static string Time(int minutes, IStringLocalizer T) =>
        minutes % 60 == 0 ? T["{0}:00", minutes / 60] : T["{0}:{1:00}", minutes / 60, minutes % 60];
}
