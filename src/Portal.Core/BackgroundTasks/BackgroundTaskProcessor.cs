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

    /// <summary>
    /// Extends the claim while the handler runs (a long import outlives <see cref="Lock"/>), so that no other node takes
    /// the task from a living one; a node that dies stops renewing and its task is claimed again once the lock expires.
    /// </summary>
    private async Task RenewLeaseAsync(long id, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(LeaseRenewal, clock, cancellationToken);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                var until = clock.GetUtcNow().UtcDateTime + Lock;
                await db.BackgroundTasks.Where(t => t.Id == id && t.LockedBy == _node && t.Status == BackgroundTaskStatus.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.LockedUntilUtc, until), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                // SQLite: the handler's own transaction may hold the write lock for a while; the next renewal will do.
                logger.LogDebug(ex, "The lease of background task {TaskId} could not be renewed this time.", id);
            }
        }
    }

    /// <summary>How often a running task's claim is extended (a third of the lock).</summary>
    public TimeSpan LeaseRenewal { get; set; } = Lock / 3;

    private async Task RunAsync(BackgroundTask task, IBackgroundTaskHandler handler, CancellationToken cancellationToken)
    {
        string status;
        string? error = null;
        DateTime? completed = null;
        var available = task.AvailableUtc;
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var lease = RenewLeaseAsync(task.Id, renewing.Token);
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
        catch (OperationCanceledException)
        {
            // The site is stopping: the task is handed back at once, to run again when a node starts (not after the lock).
            status = BackgroundTaskStatus.Pending;
            available = clock.GetUtcNow().UtcDateTime;
            logger.LogInformation("Background task {TaskId} ({TaskName}) was interrupted by the shutdown; it will run again.", task.Id, task.Name);
        }

        await renewing.CancelAsync();
        await lease;

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
