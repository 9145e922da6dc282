using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Events.Data;
using Portal.Events.Models;
using Portal.Moderation.Services;

namespace Portal.Events.Services;

/// <summary>The registrants of an event, per session, for its organiser (a partner linked to the organising actor) and the back office.</summary>
public sealed class OrganiserRegistrants(PortalDbContext db, EventsDbContext events, PartnerScope scope)
{
    public async Task<EventDetails?> EventAsync(string id, string culture)
    {
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == id && i.ContentType == EventTypes.Event && i.Latest);
        return item is null ? null : EventReader.Read(item, culture);
    }

    /// <summary>Whether the signed-in partner is linked to the actor that organises the event.</summary>
    public async Task<bool> OrganisesAsync(ClaimsPrincipal user, EventDetails e)
    {
        if (e.OrganiserId is null) return false;
        var sets = await scope.ActorSetsAsync(user);
        if (sets.Count == 0) return false;
        return await db.ContentItems.AnyAsync(a => a.ContentItemId == e.OrganiserId && sets.Contains(a.LocalizationSet ?? a.ContentItemId));
    }

    /// <summary>The latest versions of the events organised by the partner's actors, in every language, soonest first.</summary>
    public async Task<IReadOnlyList<EventDetails>> EventsOfAsync(ClaimsPrincipal user, string culture)
    {
        var sets = await scope.ActorSetsAsync(user);
        if (sets.Count == 0) return [];
        var actorIds = await db.ContentItems.AsNoTracking().Where(a => sets.Contains(a.LocalizationSet ?? a.ContentItemId)).Select(a => a.ContentItemId).ToListAsync();
        var items = await db.ContentItems.AsNoTracking().Where(i => i.Latest && i.ContentType == EventTypes.Event).ToListAsync();
        return items.Select(i => EventReader.Read(i, culture)).Where(e => e.OrganiserId is not null && actorIds.Contains(e.OrganiserId))
            .OrderBy(e => e.FirstStart ?? DateTime.MaxValue).ToList();
    }

    public async Task<IReadOnlyList<Registration>> RegistrationsAsync(EventDetails e)
    {
        var key = EventRegistrations.KeyOf(e.Item);
        return await events.Registrations.AsNoTracking().Where(r => r.EventKey == key)
            .OrderBy(r => r.SessionIndex).ThenBy(r => r.Status).ThenBy(r => r.ConfirmedUtc).ThenBy(r => r.CreatedUtc).ToListAsync();
    }

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] Columns = ["session", "start", "status", "name", "email", "phone", "seats", "accessibility_needs", "other_needs", "language", "registered_utc", "confirmed_utc"];

    /// <summary>The same lines as the CSV, in an .xlsx workbook whose cells are text (never run as formulas).</summary>
    public static byte[] Xlsx(EventDetails e, IEnumerable<Registration> registrations) =>
        Portal.Contents.Services.XlsxWriter.Write(e.Title, Columns, registrations.Select(r => new string?[]
        {
            (r.SessionIndex + 1).ToString(CultureInfo.InvariantCulture),
            e.Sessions.FirstOrDefault(s => s.Index == r.SessionIndex)?.Start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            r.Status, r.Name, r.Email, r.Phone, r.Seats.ToString(CultureInfo.InvariantCulture), r.NeedTerms, r.Needs, r.Culture,
            r.CreatedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), r.ConfirmedUtc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        }));

    /// <summary>One line per registration; cells that a spreadsheet would run as a formula are quoted with a leading apostrophe.</summary>
    public static string Csv(EventDetails e, IEnumerable<Registration> registrations)
    {
        static string Cell(string? value)
        {
            value ??= "";
            if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
            return value.IndexOfAny([',', '"', '\n', '\r', ';']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
        }
        var csv = new StringBuilder("session,start,status,name,email,phone,seats,accessibility_needs,other_needs,registered_utc,confirmed_utc\r\n");
        foreach (var r in registrations)
        {
            var start = e.Sessions.FirstOrDefault(s => s.Index == r.SessionIndex)?.Start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";
            csv.AppendJoin(',', [(r.SessionIndex + 1).ToString(CultureInfo.InvariantCulture), start, r.Status, Cell(r.Name), Cell(r.Email), Cell(r.Phone),
                r.Seats.ToString(CultureInfo.InvariantCulture), Cell(r.NeedTerms), Cell(r.Needs),
                r.CreatedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), r.ConfirmedUtc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? ""]).Append("\r\n");
        }
        return csv.ToString();
    }
}
