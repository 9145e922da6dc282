using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Events.Data;
using Portal.Events.Models;

namespace Portal.Events.Services;

/// <summary>
/// What time does to registrations: unconfirmed ones expire, confirmed ones get one reminder before their session,
/// and every registrant's data is deleted <see cref="EventsOptions.RetentionMonths"/> after the session (seat counts stay).
/// </summary>
public sealed class RegistrationJobs(EventsDbContext events, PortalDbContext db, RegistrationMails mails, TimeProvider clock, IOptions<EventsOptions> options)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<int> ExpireAsync()
    {
        var before = Now.AddHours(-options.Value.ConfirmationHours);
        return await events.Registrations.Where(r => r.Status == RegistrationStatus.Pending && r.CreatedUtc < before)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Expired));
    }

    /// <summary>One reminder per confirmed registration, once its session is less than the reminder delay away; never twice.</summary>
    public async Task<int> RemindAsync()
    {
        var now = Now;
        var until = now.AddDays(options.Value.ReminderDays);
        var due = await events.Registrations.AsNoTracking()
            .Where(r => r.Status == RegistrationStatus.Confirmed && r.ReminderSentUtc == null && r.SessionStartUtc > now && r.SessionStartUtc <= until)
            .ToListAsync();
        var sent = 0;
        foreach (var registration in due)
        {
            var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == registration.ContentItemId && i.Published);
            if (item is null) continue;
            var e = EventReader.Read(item, registration.Culture);
            if (e.Status is EventStatuses.Cancelled or EventStatuses.Postponed) continue;
            await using var transaction = await events.BeginSharedTransactionAsync();
            // Conditional: a second node running the job at the same time sends nothing.
            var claimed = await events.Registrations.Where(r => r.Id == registration.Id && r.ReminderSentUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReminderSentUtc, now));
            if (claimed == 0) { await transaction.RollbackAsync(); continue; }
            mails.Reminder(registration, e, EventRegistrations.OnlineLinkOf(e));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            sent++;
        }
        return sent;
    }

    /// <summary>Deletes the registrations of sessions that ended more than the retention period ago.</summary>
    public async Task<int> DeleteOldAsync()
    {
        var before = Now.AddMonths(-options.Value.RetentionMonths);
        return await events.Registrations.Where(r => r.SessionEndUtc < before).ExecuteDeleteAsync();
    }

    /// <summary>
    /// After a publication of <paramref name="e"/> that is not a cancellation: the confirmed and waiting registrants of
    /// this page are told once when it is postponed, and when their session moved (new dates, or on again after a
    /// postponement); their session's times follow, so that the reminder goes before the new date. A session that is
    /// gone closes its registrations, with the cancellation notice. Unconfirmed registrations follow silently.
    /// </summary>
    public async Task<int> NotifyChangedAsync(EventDetails e)
    {
        var id = e.Item.ContentItemId;
        var active = await events.Registrations.Where(r => r.ContentItemId == id && RegistrationStatus.Active.Contains(r.Status)).ToListAsync();
        var now = Now;
        var told = 0;
        foreach (var r in active)
        {
            var tell = r.Status != RegistrationStatus.Pending;
            var session = e.Sessions.FirstOrDefault(s => s.Index == r.SessionIndex);
            if (session is null)
            {
                r.Status = RegistrationStatus.EventCancelled;
                r.CancelledUtc = now;
                if (tell) { mails.EventCancelled(r, e); told++; }
                continue;
            }
            var before = r.SessionStartUtc;
            var moved = session.StartUtc != r.SessionStartUtc || session.EndUtc != r.SessionEndUtc;
            r.SessionStartUtc = session.StartUtc;
            r.SessionEndUtc = session.EndUtc;
            if (moved) r.ReminderSentUtc = null;
            if (e.Status == EventStatuses.Postponed)
            {
                if (r.PostponedNoticeUtc is null)
                {
                    r.PostponedNoticeUtc = now;
                    if (tell) { mails.Postponed(r, e); told++; }
                }
                else if (moved && tell) { mails.Moved(r, e, before, EventRegistrations.OnlineLinkOf(e)); told++; }
            }
            else if (moved || r.PostponedNoticeUtc is not null)
            {
                r.PostponedNoticeUtc = null;
                if (tell) { mails.Moved(r, e, before, r.Status == RegistrationStatus.Confirmed ? EventRegistrations.OnlineLinkOf(e) : null); told++; }
            }
        }
        await events.SaveChangesAsync();
        return told;
    }

    /// <summary>Tells everyone registered for a cancelled event, once, and closes their registrations.</summary>
    public async Task<int> NotifyCancelledAsync(EventDetails e)
    {
        var key = EventRegistrations.KeyOf(e.Item);
        var active = await events.Registrations.Where(r => r.EventKey == key && RegistrationStatus.Active.Contains(r.Status)).ToListAsync();
        foreach (var registration in active)
        {
            registration.Status = RegistrationStatus.EventCancelled;
            registration.CancelledUtc = Now;
            mails.EventCancelled(registration, e);
        }
        await events.SaveChangesAsync();
        return active.Count;
    }
}

/// <summary>Runs <see cref="RegistrationJobs"/> a minute after start, then every quarter of an hour.</summary>
public sealed class RegistrationJobService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RegistrationJobService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = TimeSpan.FromMinutes(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await Task.Delay(wait, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
            wait = TimeSpan.FromMinutes(15);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var jobs = scope.ServiceProvider.GetRequiredService<RegistrationJobs>();
                var expired = await jobs.ExpireAsync();
                var reminded = await jobs.RemindAsync();
                var deleted = await jobs.DeleteOldAsync();
                if (expired + reminded + deleted > 0)
                    logger.LogInformation("Registrations: {Expired} expired, {Reminded} reminded, {Deleted} deleted after the retention period.", expired, reminded, deleted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The registration jobs failed; they run again in 15 minutes.");
            }
        }
    }
}
