using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.BackgroundTasks;
using Portal.Core.Data;
using Portal.Core.Localization;
using Portal.Core.Mail;
using Portal.Newsletter.Data;

namespace Portal.Newsletter.Services;

/// <summary>What one batch did: the send records it dealt with, and those still pending after it.</summary>
public sealed record BatchResult(int Claimed, int Remaining);

/// <summary>Where an edition's sending stands: every recipient is in exactly one of these.</summary>
public sealed record DispatchCounts(int Total, int Sent, int Failed, int Pending, int Skipped);

/// <summary>
/// Sends an edition: one send record (<see cref="Delivery"/>) per recipient, written when the sending starts; then batches,
/// each claiming pending records with a conditional update and handing their mails to the outbox in the same transaction
/// as the records' new state and the next batch's task. A batch that dies rolls back whole, so a restart sends its
/// recipients then — and a recipient whose record says queued is never queued again.
/// </summary>
public sealed class EditionDispatch(NewsletterDbContext newsletter, PortalDbContext db, Editions editions, EditionMail mail, SubscriberLinks links,
    NewsletterSettingsStore settings, Cultures cultures, TimeProvider clock)
{
    public const string TaskName = "newsletter.batch";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The languages of the site the edition has no title in yet (it cannot be sent then).</summary>
    public IReadOnlyList<string> MissingLanguages(Edition edition)
    {
        var sections = Editions.SectionsOf(edition);
        return cultures.Supported.Where(c => sections.GetValueOrDefault(c) is not { Title.Length: > 0 }).ToList();
    }

    /// <summary>Starts sending a draft to the confirmed subscribers of its audiences; false when it is not a complete draft.</summary>
    public async Task<bool> StartAsync(Edition edition, CancellationToken cancellationToken = default)
    {
        if (edition.Status != EditionStatus.Draft || MissingLanguages(edition).Count > 0) return false;
        var audiences = NewsletterAudiences.Parse(edition.Audiences);
        await using var transaction = await newsletter.BeginSharedTransactionAsync(cancellationToken);
        var now = Now;
        if (await newsletter.Editions.Where(e => e.Id == edition.Id && e.Status == EditionStatus.Draft)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EditionStatus.Sending).SetProperty(e => e.SendStartedUtc, now), cancellationToken) == 0)
            return false;
        var recipients = await newsletter.Subscribers.AsNoTracking().Where(s => s.Status == SubscriberStatus.Confirmed)
            .Select(s => new { s.Id, s.Audiences }).ToListAsync(cancellationToken);
        var chosen = recipients.Where(r => NewsletterAudiences.Parse(r.Audiences).Intersect(audiences).Any()).Select(r => r.Id).ToList();
        foreach (var chunk in chosen.Chunk(1000))
        {
            newsletter.Deliveries.AddRange(chunk.Select(id => new Delivery { EditionId = edition.Id, SubscriberId = id }));
            await newsletter.SaveChangesAsync(cancellationToken);
            newsletter.ChangeTracker.Clear();
        }
        await newsletter.Editions.Where(e => e.Id == edition.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Recipients, chosen.Count), cancellationToken);
        db.BackgroundTasks.Add(BatchTask(edition.Id, TimeSpan.Zero));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Queues the mails of the next batch.</summary>
    public async Task<BatchResult> RunBatchAsync(string editionId, CancellationToken cancellationToken = default)
    {
        var options = await settings.GetAsync();
        await using var transaction = await newsletter.BeginSharedTransactionAsync(cancellationToken);
        var edition = await newsletter.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == editionId, cancellationToken);
        if (edition is null || edition.Status == EditionStatus.Draft) return new BatchResult(0, 0);
        var candidates = await newsletter.Deliveries.AsNoTracking().Where(d => d.EditionId == editionId && d.Status == DeliveryStatus.Pending)
            .OrderBy(d => d.Id).Select(d => d.Id).Take(options.NewsletterBatchSize).ToListAsync(cancellationToken);
        var now = Now;
        // The claim: another node's batch that took some of these first leaves them out of ours.
        await newsletter.Deliveries.Where(d => candidates.Contains(d.Id) && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Queued).SetProperty(d => d.QueuedUtc, now), cancellationToken);
        var claimed = await newsletter.Deliveries.Where(d => candidates.Contains(d.Id) && d.Status == DeliveryStatus.Queued && d.MailTaskId == null)
            .ToListAsync(cancellationToken);
        var subscriberIds = claimed.Select(d => d.SubscriberId).ToList();
        var subscribers = await newsletter.Subscribers.AsNoTracking().Where(s => subscriberIds.Contains(s.Id) && s.Status == SubscriberStatus.Confirmed)
            .ToDictionaryAsync(s => s.Id, cancellationToken);

        var views = new Dictionary<string, EditionView?>();
        var queued = new List<(Delivery Delivery, BackgroundTask Task)>();
        foreach (var delivery in claimed)
        {
            if (!subscribers.TryGetValue(delivery.SubscriberId, out var subscriber))
            {
                delivery.Status = DeliveryStatus.Skipped;
                continue;
            }
            var culture = cultures.OrDefault(subscriber.Culture);
            if (!views.TryGetValue(culture, out var view)) views[culture] = view = await editions.ViewAsync(edition, culture, cancellationToken);
            if (view is null)
            {
                delivery.Status = DeliveryStatus.Skipped;
                continue;
            }
            var (subject, text, html) = mail.Render(view, new RecipientLinks(links.Preferences(subscriber), links.Unsubscribe(subscriber)));
            var task = MailTask(new OutgoingMail(subscriber.Email, subject, text, culture, HtmlBody: html, UnsubscribeUrl: links.Unsubscribe(subscriber)), now);
            db.BackgroundTasks.Add(task);
            queued.Add((delivery, task));
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (delivery, task) in queued) delivery.MailTaskId = task.Id;
        await newsletter.SaveChangesAsync(cancellationToken);

        var remaining = await newsletter.Deliveries.CountAsync(d => d.EditionId == editionId && d.Status == DeliveryStatus.Pending, cancellationToken);
        if (remaining == 0)
            await newsletter.Editions.Where(e => e.Id == editionId && e.Status == EditionStatus.Sending)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EditionStatus.Sent).SetProperty(e => e.SentUtc, now), cancellationToken);
        else if (!await NextBatchWaitsAsync(editionId, cancellationToken))
        {
            db.BackgroundTasks.Add(BatchTask(editionId, TimeSpan.FromSeconds(options.NewsletterBatchIntervalSeconds)));
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        newsletter.ChangeTracker.Clear();
        return new BatchResult(claimed.Count, remaining);
    }

    /// <summary>A copy to one address, in one language, as a subscriber gets it (its links lead to the sign-up page); false when that language has no title.</summary>
    public async Task<bool> SendTestAsync(Edition edition, string culture, string address, CancellationToken cancellationToken = default)
    {
        if (await editions.ViewAsync(edition, culture, cancellationToken) is not { } view) return false;
        var signUp = links.SignUp(culture);
        var (subject, text, html) = mail.Render(view, new RecipientLinks(signUp, signUp));
        db.BackgroundTasks.Add(MailTask(new OutgoingMail(address, subject, text, culture, HtmlBody: html, UnsubscribeUrl: signUp), Now));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<DispatchCounts> CountsAsync(string editionId, CancellationToken cancellationToken = default)
    {
        var states = await newsletter.Deliveries.AsNoTracking().Where(d => d.EditionId == editionId)
            .GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Of(string status) => states.FirstOrDefault(s => s.Key == status)?.Count ?? 0;
        var taskIds = await newsletter.Deliveries.AsNoTracking().Where(d => d.EditionId == editionId && d.MailTaskId != null)
            .Select(d => d.MailTaskId!.Value).ToListAsync(cancellationToken);
        var failed = 0;
        var waiting = 0;
        foreach (var chunk in taskIds.Chunk(2000))
        {
            var tasks = await db.BackgroundTasks.AsNoTracking().Where(t => chunk.Contains(t.Id))
                .GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            failed += tasks.Where(t => t.Key is BackgroundTaskStatus.Failed or BackgroundTaskStatus.Discarded).Sum(t => t.Count);
            waiting += tasks.Where(t => t.Key is BackgroundTaskStatus.Pending or BackgroundTaskStatus.Running).Sum(t => t.Count);
        }
        var queued = Of(DeliveryStatus.Queued);
        return new DispatchCounts(states.Sum(s => s.Count), queued - failed - waiting, failed, Of(DeliveryStatus.Pending) + waiting, Of(DeliveryStatus.Skipped));
    }

    private Task<bool> NextBatchWaitsAsync(string editionId, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(editionId);
        return db.BackgroundTasks.AnyAsync(t => t.Name == TaskName && t.Payload == payload && t.Status == BackgroundTaskStatus.Pending, cancellationToken);
    }

    private BackgroundTask BatchTask(string editionId, TimeSpan delay) =>
        new() { Name = TaskName, Payload = JsonSerializer.Serialize(editionId), CreatedUtc = Now, AvailableUtc = Now + delay };

    /// <summary>A mail of the outbox, as <see cref="MailQueue"/> writes it, kept at hand so that its send record can name it.</summary>
    private static BackgroundTask MailTask(OutgoingMail message, DateTime now) =>
        new() { Name = MailQueue.TaskName, Payload = JsonSerializer.Serialize(message), CreatedUtc = now, AvailableUtc = now };
}

/// <summary>Runs one batch of an edition (payload: its id as a JSON string); the batch queues the next one.</summary>
public sealed class EditionBatchHandler(EditionDispatch dispatch) : IBackgroundTaskHandler
{
    public string Name => EditionDispatch.TaskName;

    public Task HandleAsync(string payload, CancellationToken cancellationToken) =>
        dispatch.RunBatchAsync(JsonSerializer.Deserialize<string>(payload) ?? "", cancellationToken);
}
