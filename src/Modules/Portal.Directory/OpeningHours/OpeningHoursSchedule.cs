namespace Portal.Directory.OpeningHours;

/// <summary>A span of a day in minutes from midnight, the end excluded (24:00 is 1440).</summary>
public readonly record struct TimeSpanOfDay(int Start, int End)
{
    public bool Contains(int minute) => minute >= Start && minute < End;
}

/// <summary>What one weekday (or public holidays) holds: time spans, closed, or only a comment.</summary>
public sealed record DayHours(IReadOnlyList<TimeSpanOfDay> Spans, string? Comment)
{
    public static readonly DayHours Closed = new([], null);

    public bool IsClosed => Spans.Count == 0 && Comment is null;
}

/// <summary>
/// Opening hours as OpenStreetMap's opening_hours syntax states them, for the subset the portal reads: weekdays,
/// ranges and lists of them, PH, HH:MM-HH:MM spans, off/closed, 24/7 and "comments". <see cref="Days"/> holds Monday
/// to Sunday (null: not stated); a string outside the subset has <see cref="Supported"/> false and is shown as given.
/// </summary>
public sealed record OpeningHoursSchedule(string Source, bool Supported, IReadOnlyList<DayHours?> Days, DayHours? PublicHolidays, IReadOnlyList<string> Notes)
{
    public static OpeningHoursSchedule Unsupported(string source) => new(source, false, new DayHours?[7], null, []);
}
