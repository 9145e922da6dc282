using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Events.Data;
using Portal.Events.Models;

namespace Portal.Events.Services;

/// <summary>
/// Sign-ups with double opt-in, capacity and a waiting list. A confirmation takes seats with one conditional update of
/// the session's counter ("taken + seats &lt;= capacity"), so parallel confirmations never overbook on any database;
/// the registration's own change is conditional too, so a link followed twice counts once. Each step commits its rows
/// and its mails (the outbox) together.
/// </summary>
public sealed class EventRegistrations(EventsDbContext events, PortalDbContext db, RegistrationMails mails, TimeProvider clock, IOptions<EventsOptions> options)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string KeyOf(ContentItem item) => item.LocalizationSet ?? item.ContentItemId;

    /// <summary>The private link of an online event, for confirmed registrants only.</summary>
    public static string? OnlineLinkOf(EventDetails e) =>
        e.Online ? Portal.Core.Content.Fields.FieldValues.String(e.Item.Field(EventTypes.Part, EventTypes.Fields.OnlineLink), "Url") : null;

    /// <summary>Records a pending registration and sends the confirmation link.</summary>
    public async Task<Registration> RegisterAsync(EventDetails e, EventSession session, RegistrationForm form, string culture)
    {
        var registration = new Registration
        {
            Id = IdGenerator.New(), EventKey = KeyOf(e.Item), ContentItemId = e.Item.ContentItemId, SessionIndex = session.Index,
            SessionStartUtc = session.StartUtc, SessionEndUtc = session.EndUtc, Name = form.Name!.Trim(), Email = form.Email!.Trim(),
            Phone = string.IsNullOrWhiteSpace(form.Phone) ? null : form.Phone.Trim(), Seats = form.Seats,
            NeedTerms = form.NeedTerms.Count == 0 ? null : string.Join(',', form.NeedTerms), Needs = string.IsNullOrWhiteSpace(form.Needs) ? null : form.Needs.Trim(),
            Culture = culture, Status = RegistrationStatus.Pending, CreatedUtc = Now,
        };
        await using var transaction = await events.BeginSharedTransactionAsync();
        events.Registrations.Add(registration);
        await events.SaveChangesAsync();
        mails.ConfirmationLink(registration, e, options.Value.ConfirmationHours);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return registration;
    }

    /// <summary>
    /// Someone the organiser signs up (by phone, in person): the organiser vouches for the address, so the registration is
    /// confirmed at once, with a seat while some remain, else on the waiting list; the mail tells the registrant.
    /// </summary>
    public async Task<string> AddByOrganiserAsync(EventDetails e, EventSession session, RegistrationForm form, string culture)
    {
        var registration = new Registration
        {
            Id = IdGenerator.New(), EventKey = KeyOf(e.Item), ContentItemId = e.Item.ContentItemId, SessionIndex = session.Index,
            SessionStartUtc = session.StartUtc, SessionEndUtc = session.EndUtc, Name = form.Name!.Trim(), Email = form.Email!.Trim(),
            Phone = string.IsNullOrWhiteSpace(form.Phone) ? null : form.Phone.Trim(), Seats = form.Seats,
            NeedTerms = form.NeedTerms.Count == 0 ? null : string.Join(',', form.NeedTerms), Needs = string.IsNullOrWhiteSpace(form.Needs) ? null : form.Needs.Trim(),
            Culture = culture, Status = RegistrationStatus.Pending, CreatedUtc = Now,
        };
        events.Registrations.Add(registration);
        await events.SaveChangesAsync();
        events.ChangeTracker.Clear();
        return await ConfirmAsync(registration.Id, e);
    }

    /// <summary>Queues one mail per registration (composed by <paramref name="compose"/>), all in one transaction; returns how many.</summary>
    public async Task<int> MailAllAsync(IReadOnlyList<Registration> recipients, Action<Registration> compose)
    {
        foreach (var r in recipients) compose(r);
        await db.SaveChangesAsync();
        return recipients.Count;
    }

    public Task<Registration?> FindAsync(string id) => events.Registrations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);

    /// <summary>Follows the confirmation link: a seat while some remain, else the waiting list. Idempotent.</summary>
    public async Task<string> ConfirmAsync(string id, EventDetails e)
    {
        var registration = await FindAsync(id);
        if (registration is null) return RegistrationStatus.Expired;
        if (registration.Status != RegistrationStatus.Pending) return registration.Status;
        if (registration.CreatedUtc < Now.AddHours(-options.Value.ConfirmationHours)) return await ExpireOneAsync(registration);
        await EnsureSeatsAsync(registration.EventKey, registration.SessionIndex, e.Capacity ?? 0);

        await using var transaction = await events.BeginSharedTransactionAsync();
        var seated = await TakeSeatsAsync(registration, e);
        var status = seated ? RegistrationStatus.Confirmed : RegistrationStatus.Waiting;
        var now = Now;
        var changed = await events.Registrations.Where(r => r.Id == id && r.Status == RegistrationStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.ConfirmedUtc, now));
        if (changed == 0)
        {
            // Another request confirmed it first: give the seats back by not committing.
            await transaction.RollbackAsync();
            return (await FindAsync(id))?.Status ?? RegistrationStatus.Expired;
        }
        if (seated) mails.Confirmed(registration, e, OnlineLinkOf(e)); else mails.Waiting(registration, e);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return status;
    }

    /// <summary>Cancels a registration; a freed seat goes to the first on the waiting list, who is told.</summary>
    public async Task<bool> CancelAsync(string id, EventDetails e)
    {
        var registration = await FindAsync(id);
        if (registration is null || !RegistrationStatus.Active.Contains(registration.Status)) return false;
        await using var transaction = await events.BeginSharedTransactionAsync();
        var now = Now;
        var changed = await events.Registrations.Where(r => r.Id == id && r.Status == registration.Status)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Cancelled).SetProperty(r => r.CancelledUtc, now));
        if (changed == 0) { await transaction.RollbackAsync(); return false; }
        if (registration.Status == RegistrationStatus.Confirmed)
        {
            await events.Seats.Where(s => s.EventKey == registration.EventKey && s.SessionIndex == registration.SessionIndex)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken - registration.Seats));
            await PromoteAsync(registration.EventKey, registration.SessionIndex, e);
        }
        mails.Cancelled(registration, e);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>Gives free seats to the waiting list in order of confirmation, until the first who does not fit.</summary>
    private async Task PromoteAsync(string eventKey, int sessionIndex, EventDetails e)
    {
        if (e.Status is EventStatuses.Cancelled or EventStatuses.Full) return;
        var waiting = await events.Registrations.AsNoTracking()
            .Where(r => r.EventKey == eventKey && r.SessionIndex == sessionIndex && r.Status == RegistrationStatus.Waiting)
            .OrderBy(r => r.ConfirmedUtc).ThenBy(r => r.Id).ToListAsync();
        foreach (var next in waiting)
        {
            if (!await TakeSeatsAsync(next, e)) break;
            await events.Registrations.Where(r => r.Id == next.Id && r.Status == RegistrationStatus.Waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Confirmed));
            mails.Promoted(next, e, OnlineLinkOf(e));
        }
    }

    /// <summary>The conditional update that makes overbooking impossible; an event the organiser marked full takes no one.</summary>
    private async Task<bool> TakeSeatsAsync(Registration registration, EventDetails e)
    {
        if (e.Status == EventStatuses.Full) return false;
        var capacity = e.Capacity ?? 0;
        await events.Seats.Where(s => s.EventKey == registration.EventKey && s.SessionIndex == registration.SessionIndex && s.Capacity != capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Capacity, capacity));
        var seats = registration.Seats;
        return await events.Seats
            .Where(s => s.EventKey == registration.EventKey && s.SessionIndex == registration.SessionIndex && s.Taken + seats <= s.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken + seats)) == 1;
    }

    /// <summary>Creates the session's counter once; a parallel creation of the same row is harmless.</summary>
    private async Task EnsureSeatsAsync(string eventKey, int sessionIndex, int capacity)
    {
        if (await events.Seats.AsNoTracking().AnyAsync(s => s.EventKey == eventKey && s.SessionIndex == sessionIndex)) return;
        events.Seats.Add(new SessionSeats { EventKey = eventKey, SessionIndex = sessionIndex, Capacity = capacity });
        try { await events.SaveChangesAsync(); }
        catch (DbUpdateException) { /* created by a parallel request */ }
        finally { events.ChangeTracker.Clear(); }
    }

    private async Task<string> ExpireOneAsync(Registration registration)
    {
        await events.Registrations.Where(r => r.Id == registration.Id && r.Status == RegistrationStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Expired));
        return RegistrationStatus.Expired;
    }

    /// <summary>Seats taken and people waiting, per session, for the event page and the organiser (counts only).</summary>
    public async Task<IReadOnlyDictionary<int, (int Taken, int Waiting)>> CountsAsync(string eventKey)
    {
        var taken = await events.Seats.AsNoTracking().Where(s => s.EventKey == eventKey).ToDictionaryAsync(s => s.SessionIndex, s => s.Taken);
        var waiting = await events.Registrations.AsNoTracking().Where(r => r.EventKey == eventKey && r.Status == RegistrationStatus.Waiting)
            .GroupBy(r => r.SessionIndex).Select(g => new { g.Key, Count = g.Sum(r => r.Seats) }).ToDictionaryAsync(g => g.Key, g => g.Count);
        return taken.Keys.Union(waiting.Keys).ToDictionary(k => k, k => (taken.GetValueOrDefault(k), waiting.GetValueOrDefault(k)));
    }
}
