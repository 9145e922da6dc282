using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;

namespace Portal.Core.BackgroundTasks;

/// <summary>
/// Claims pending tasks one at a time with a conditional update, so that several web nodes sharing one database
/// never run the same task twice; a task whose node died is claimed again once its lock expires.
/// </summary>
public sealed class BackgroundTaskProcessor(IServiceScopeFactory scopes, TimeProvider clock, ILogger<BackgroundTaskProcessor> logger) : BackgroundService
{
    /// <summary>Attempts of a task whose handler does not say otherwise (see <see cref="IBackgroundTaskHandler.RetryDelay"/>).</summary>
    public const int MaxAttempts = 5;
    private static readonly TimeSpan Lock = TimeSpan.FromMinutes(5);
    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken)) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Background tasks could not be read; trying again shortly.");
            }
            try { await Task.Delay(PollInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Runs one available task; false when there was none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var handlers = scope.ServiceProvider.GetServices<IBackgroundTaskHandler>().ToDictionary(h => h.Name);
        if (handlers.Count == 0) return false;
        var names = handlers.Keys.ToList();
        var now = clock.GetUtcNow().UtcDateTime;

        var candidates = await db.BackgroundTasks.AsNoTracking()
            .Where(t => names.Contains(t.Name) && t.AvailableUtc <= now
                && (t.Status == BackgroundTaskStatus.Pending || t.Status == BackgroundTaskStatus.Running && t.LockedUntilUtc < now))
            .OrderBy(t => t.Id).Select(t => t.Id).Take(5).ToListAsync(cancellationToken);

        foreach (var id in candidates)
        {
            var lockedUntil = now + Lock;
            var claimed = await db.BackgroundTasks
                .Where(t => t.Id == id && (t.Status == BackgroundTaskStatus.Pending || t.Status == BackgroundTaskStatus.Running && t.LockedUntilUtc < now))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.Status, BackgroundTaskStatus.Running)
                    .SetProperty(t => t.LockedBy, _node)
                    .SetProperty(t => t.LockedUntilUtc, lockedUntil)
                    .SetProperty(t => t.Attempts, t => t.Attempts + 1), cancellationToken);
            if (claimed == 0) continue; // another node took it

            var task = await db.BackgroundTasks.AsNoTracking().SingleAsync(t => t.Id == id, cancellationToken);
            await RunAsync(task, handlers[task.Name], cancellationToken);
            return true;
        }
        return false;
    }

    private async Task RunAsync(BackgroundTask task, IBackgroundTaskHandler handler, CancellationToken cancellationToken)
    {
        string status;
        string? error = null;
        DateTime? completed = null;
        var available = task.AvailableUtc;
        try
        {
            await handler.HandleAsync(task.Payload, cancellationToken);
            status = BackgroundTaskStatus.Done;
            completed = clock.GetUtcNow().UtcDateTime;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            var delay = handler.RetryDelay(task.Attempts);
            status = delay is null ? BackgroundTaskStatus.Failed : BackgroundTaskStatus.Pending;
            available = clock.GetUtcNow().UtcDateTime + (delay ?? TimeSpan.Zero);
            logger.LogWarning(ex, "Background task {TaskId} ({TaskName}) failed on attempt {Attempt}.", task.Id, task.Name, task.Attempts);
        }

        await using var writeScope = scopes.CreateAsyncScope();
        var db = writeScope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.BackgroundTasks.Where(t => t.Id == task.Id && t.LockedBy == _node)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, status)
                .SetProperty(t => t.LastError, error)
                .SetProperty(t => t.CompletedUtc, completed)
                .SetProperty(t => t.AvailableUtc, available)
                .SetProperty(t => t.LockedBy, (string?)null)
                .SetProperty(t => t.LockedUntilUtc, (DateTime?)null), CancellationToken.None);
    }
}
