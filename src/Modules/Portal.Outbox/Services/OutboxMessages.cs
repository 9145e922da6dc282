using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.BackgroundTasks;
using Portal.Core.Data;
using Portal.Core.Mail;

namespace Portal.Outbox.Services;

/// <summary>One outgoing message as the outbox screen shows it: who and what about, never the body.</summary>
public sealed record OutboxMessage(long Id, string Status, string To, string Subject, int Attempts, DateTime CreatedUtc,
    DateTime? NextTryUtc, DateTime? SentUtc, string? LastError);

/// <summary>The mail.send background tasks: listed by status, resent (a fresh 72-hour window) or discarded (kept, never sent).</summary>
public sealed class OutboxMessages(PortalDbContext db, TimeProvider clock)
{
    public const int PageSize = 100;
    public static readonly string[] Statuses =
        [BackgroundTaskStatus.Pending, BackgroundTaskStatus.Failed, BackgroundTaskStatus.Done, BackgroundTaskStatus.Discarded];

    public async Task<Dictionary<string, int>> CountsAsync(CancellationToken cancellationToken = default) =>
        await db.BackgroundTasks.AsNoTracking().Where(t => t.Name == MailQueue.TaskName)
            .GroupBy(t => t.Status == BackgroundTaskStatus.Running ? BackgroundTaskStatus.Pending : t.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>The latest <see cref="PageSize"/> messages of a status (Running counts as pending).</summary>
    public async Task<List<OutboxMessage>> ListAsync(string status, CancellationToken cancellationToken = default)
    {
        var query = db.BackgroundTasks.AsNoTracking().Where(t => t.Name == MailQueue.TaskName);
        query = status == BackgroundTaskStatus.Pending
            ? query.Where(t => t.Status == BackgroundTaskStatus.Pending || t.Status == BackgroundTaskStatus.Running)
            : query.Where(t => t.Status == status);
        var tasks = await query.OrderByDescending(t => t.Id).Take(PageSize).ToListAsync(cancellationToken);
        return tasks.Select(Describe).ToList();
    }

    /// <summary>Tries a failed or discarded message again now, with a whole retry window ahead of it.</summary>
    public Task<bool> ResendAsync(long id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return ChangedAsync(db.BackgroundTasks
            .Where(t => t.Id == id && t.Name == MailQueue.TaskName && (t.Status == BackgroundTaskStatus.Failed || t.Status == BackgroundTaskStatus.Discarded))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, BackgroundTaskStatus.Pending).SetProperty(t => t.Attempts, 0)
                .SetProperty(t => t.AvailableUtc, now).SetProperty(t => t.CompletedUtc, (DateTime?)null), cancellationToken));
    }

    /// <summary>Stops trying a pending or failed message; the row stays, marked discarded.</summary>
    public Task<bool> DiscardAsync(long id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return ChangedAsync(db.BackgroundTasks
            .Where(t => t.Id == id && t.Name == MailQueue.TaskName && (t.Status == BackgroundTaskStatus.Pending || t.Status == BackgroundTaskStatus.Failed))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, BackgroundTaskStatus.Discarded).SetProperty(t => t.CompletedUtc, now), cancellationToken));
    }

    private static async Task<bool> ChangedAsync(Task<int> update) => await update == 1;

    private static OutboxMessage Describe(BackgroundTask task)
    {
        OutgoingMail? mail = null;
        try { mail = JsonSerializer.Deserialize<OutgoingMail>(task.Payload); }
        catch (JsonException) { /* shown without recipient and subject */ }
        var pending = task.Status is BackgroundTaskStatus.Pending or BackgroundTaskStatus.Running;
        return new OutboxMessage(task.Id, pending ? BackgroundTaskStatus.Pending : task.Status, mail?.To ?? "", mail?.Subject ?? "", task.Attempts,
            task.CreatedUtc, pending ? task.AvailableUtc : null, task.Status == BackgroundTaskStatus.Done ? task.CompletedUtc : null, task.LastError);
    }
}
