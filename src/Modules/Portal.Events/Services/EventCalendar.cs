using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;
using Portal.Events.Models;

namespace Portal.Events.Services;

/// <summary>
/// iCalendar files (RFC 5545) of events: one VEVENT per session, local times with TZID=Europe/Paris and its VTIMEZONE,
/// the place (or "online", never the link), the public URL and the status. No registrant data.
/// </summary>
public sealed class EventCalendar(PublicUrl site, IStringLocalizer<EventCalendar> T)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public string Write(string name, IEnumerable<EventDetails> events)
    {
        var list = events.Where(e => e.Sessions.Count > 0).ToList();
        var calendar = new Calendar { ProductId = "-//Portal//Events//EN" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", EventTypes.TimeZone);
        var earliest = list.Count == 0 ? DateTime.UtcNow.Date : list.Min(e => e.Sessions[0].Start).AddDays(-1);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(EventTypes.TimeZone, earliest, includeHistoricalData: false));
        foreach (var details in list)
            foreach (var session in details.Sessions)
                calendar.Events.Add(EventOf(details, session));
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private CalendarEvent EventOf(EventDetails details, EventSession session)
    {
        var url = site.For(details.Url);
        var calendarEvent = new CalendarEvent
        {
            Uid = $"{details.Item.ContentItemId}-{session.Index}@{site.Host}",
            Summary = details.Sessions.Count > 1 ? T["{0} (session {1} of {2})", details.Title, session.Index + 1, details.Sessions.Count].Value : details.Title,
            Description = string.Join("\n\n", new[] { details.Summary, url }.Where(s => !string.IsNullOrWhiteSpace(s))),
            DtStart = new CalDateTime(session.Start, EventTypes.TimeZone),
            DtEnd = new CalDateTime(session.End, EventTypes.TimeZone),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(details.Item.ModifiedUtc, DateTimeKind.Utc)),
            Url = new Uri(url),
            Location = details.Online ? T["Online"].Value : details.Address,
            Status = details.Status switch
            {
                EventStatuses.Cancelled => EventStatus.Cancelled,
                EventStatuses.Postponed => EventStatus.Tentative,
                _ => EventStatus.Confirmed,
            },
        };
        if (!details.Online && details.Point is { } point) calendarEvent.GeographicLocation = new GeographicLocation(point.Latitude, point.Longitude);
        return calendarEvent;
    }
}
