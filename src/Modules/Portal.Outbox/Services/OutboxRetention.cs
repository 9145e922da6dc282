using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Core.BackgroundTasks;
using Portal.Core.Data;
using Portal.Core.Mail;

namespace Portal.Outbox.Services;

/// <summary>Personal data is not kept longer than needed: the body of a sent message is erased after <see cref="Kept"/>.</summary>
public sealed class OutboxRetention(PortalDbContext db, TimeProvider clock, ILogger<OutboxRetention> logger)
{
    public static readonly TimeSpan Kept = TimeSpan.FromDays(30);
    private const int Batch = 500;

    /// <summary>Erases the bodies of messages sent more than <see cref="Kept"/> ago; returns how many.</summary>
    public async Task<int> EraseOldBodiesAsync(CancellationToken cancellationToken = default)
    {
        var before = clock.GetUtcNow().UtcDateTime - Kept;
        var erased = 0;
        while (true)
        {
            var sent = await db.BackgroundTasks.Where(t => t.Name == MailQueue.TaskName && t.Status == BackgroundTaskStatus.Done
                    && t.CompletedUtc < before && !t.Payload.Contains("\"Body\":\"\""))
                .OrderBy(t => t.Id).Take(Batch).ToListAsync(cancellationToken);
            if (sent.Count == 0) break;
            foreach (var task in sent)
            {
                var mail = JsonSerializer.Deserialize<OutgoingMail>(task.Payload);
                task.Payload = JsonSerializer.Serialize((mail ?? new OutgoingMail("", "", "")) with { Body = "", HtmlBody = null });
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            erased += sent.Count;
        }
        if (erased > 0) logger.LogInformation("Erased the bodies of {Count} messages sent more than {Days} days ago.", erased, Kept.TotalDays);
        return erased;
    }
}

/// <summary>Runs <see cref="OutboxRetention"/> a minute after start, then every six hours.</summary>
public sealed class OutboxRetentionService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = TimeSpan.FromMinutes(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await Task.Delay(wait, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
            wait = TimeSpan.FromHours(6);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxRetention>().EraseOldBodiesAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The outbox retention could not run; trying again later.");
            }
        }
    }
}
