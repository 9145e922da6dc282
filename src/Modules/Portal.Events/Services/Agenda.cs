using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Events.Models;

namespace Portal.Events.Services;

/// <summary>
/// The published events of a culture and their sessions in time: what is on from now, in a month, and what is over.
/// "Now" is the site's clock in Paris time, the time zone the sessions are written in.
/// </summary>
public sealed class Agenda(PortalDbContext db, TimeProvider clock)
{
    private readonly Dictionary<string, IReadOnlyList<EventDetails>> _published = [];

    public DateTime Now => EventSession.LocalNow(clock);

    /// <summary>Every published event shown in <paramref name="culture"/> (its own items and those of every culture).</summary>
    public async Task<IReadOnlyList<EventDetails>> PublishedAsync(string culture)
    {
        if (_published.TryGetValue(culture, out var cached)) return cached;
        var items = await db.ContentItems.AsNoTracking()
            .Where(i => i.Published && i.ContentType == EventTypes.Event && i.Path != null && (i.Culture == culture || i.Culture == ""))
            .ToListAsync();
        return _published[culture] = items.Select(i => EventReader.Read(i, culture)).Where(e => e.Sessions.Count > 0).ToList();
    }

    /// <summary>Sessions that have not ended, soonest first.</summary>
    public async Task<IReadOnlyList<AgendaEntry>> UpcomingAsync(string culture, AgendaFilter filter)
    {
        var now = Now;
        return (await PublishedAsync(culture)).Where(filter.Matches)
            .SelectMany(e => e.Sessions.Where(s => s.End >= now).Select(s => new AgendaEntry(e, s)))
            .OrderBy(x => x.Session.Start).ThenBy(x => x.Event.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>Sessions that start in the month of <paramref name="month"/>, past ones included.</summary>
    public async Task<IReadOnlyList<AgendaEntry>> MonthAsync(string culture, DateOnly month, AgendaFilter filter)
    {
        var first = new DateTime(month.Year, month.Month, 1);
        var next = first.AddMonths(1);
        return (await PublishedAsync(culture)).Where(filter.Matches)
            .SelectMany(e => e.Sessions.Where(s => s.Start < next && s.End >= first).Select(s => new AgendaEntry(e, s)))
            .OrderBy(x => x.Session.Start).ThenBy(x => x.Event.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>Events whose every session is over, the latest first.</summary>
    public async Task<IReadOnlyList<EventDetails>> PastAsync(string culture, AgendaFilter filter)
    {
        var now = Now;
        return (await PublishedAsync(culture)).Where(filter.Matches).Where(e => e.LastEnd < now)
            .OrderByDescending(e => e.LastEnd).ToList();
    }

    /// <summary>The communes where upcoming events take place, for the place filter.</summary>
    public async Task<IReadOnlyList<string>> PlacesAsync(string culture)
    {
        var now = Now;
        return (await PublishedAsync(culture)).Where(e => !e.Online && e.Commune is not null && e.LastEnd >= now)
            .Select(e => e.Commune!).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
    }
}
