using System.Globalization;

namespace Portal.Events.Models;

/// <summary>One session of an event: its local start and end in Europe/Paris, as the organiser wrote them.</summary>
public sealed record EventSession(int Index, DateTime Start, DateTime End)
{
    public const string Format = "yyyy-MM-dd'T'HH:mm";

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById(EventTypes.TimeZone);

    public DateTimeOffset StartOffset => new(Start, Paris.GetUtcOffset(Start));
    public DateTimeOffset EndOffset => new(End, Paris.GetUtcOffset(End));
    public DateTime StartUtc => TimeZoneInfo.ConvertTimeToUtc(Start, Paris);
    public DateTime EndUtc => TimeZoneInfo.ConvertTimeToUtc(End, Paris);

    /// <summary>Paris local time of an instant: what "today" and "this month" mean for the agenda.</summary>
    public static DateTime LocalNow(TimeProvider clock) => TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Paris);

    public static bool TryParse(string? text, out DateTime value) =>
        DateTime.TryParseExact(text, [Format, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
}
