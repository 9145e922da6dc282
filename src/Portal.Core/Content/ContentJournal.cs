using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;
using Portal.Core.Hosting;

namespace Portal.Core.Content;

/// <summary>
/// Something this node keeps derived from the database (a read model, a cache) that must follow what any node changes:
/// the <see cref="ContentJournalFollower"/> hands it every batch of the content journal, in order, once.
/// </summary>
public interface IContentJournalObserver
{
    Task OnChangesAsync(IReadOnlyList<ContentChange> changes, CancellationToken cancellationToken);
}

public static class ContentJournalServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="T"/> once as a singleton and as an observer of the content journal (the same instance).</summary>
    public static IServiceCollection AddContentJournalObserver<T>(this IServiceCollection services) where T : class, IContentJournalObserver
    {
        services.TryAddSingleton<T>();
        if (!services.Any(d => d.ServiceType == typeof(ContentJournalObserverRegistration<T>)))
        {
            services.AddSingleton<ContentJournalObserverRegistration<T>>();
            services.AddSingleton<IContentJournalObserver>(sp => sp.GetRequiredService<T>());
        }
        return services;
    }
}

/// <summary>Marks <typeparamref name="T"/> as registered, so that registering it twice observes once.</summary>
public sealed class ContentJournalObserverRegistration<T>;

/// <summary>
/// This node's follower of the content journal: from the journal's last id when the site is ready, every ~300 ms one
/// <c>SELECT … WHERE Id &gt; cursor</c>, and each new batch handed to every <see cref="IContentJournalObserver"/>. A gap in
/// the ids younger than a few seconds may be a transaction still committing (PostgreSQL hands ids out of commit order):
/// the follower waits for it before going past it. The changes committed on this node are handed at their commit
/// (<see cref="ContentJournalLocalDispatch"/>) and not again when the follower reads them.
/// </summary>
public sealed class ContentJournalFollower(IServiceScopeFactory scopes, IEnumerable<IContentJournalObserver> observers, StartupState startup, TimeProvider clock,
    ILogger<ContentJournalFollower> logger) : BackgroundService
{
    private const int BatchSize = 500;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(300);
    /// <summary>A gap in the journal's ids younger than this may be a transaction still committing: wait for it.</summary>
    public static readonly TimeSpan GapPatience = TimeSpan.FromSeconds(5);

    private readonly IContentJournalObserver[] _observers = observers.ToArray();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, byte> _dispatchedLocally = new();
    private long _cursor = -1;

    /// <summary>Hands the changes this node has just committed to the observers, before the follower reads them back.</summary>
    public async Task DispatchLocalAsync(IReadOnlyList<ContentChange> changes, CancellationToken cancellationToken = default)
    {
        if (changes.Count == 0) return;
        foreach (var change in changes) _dispatchedLocally.TryAdd(change.Id, 0);
        await DispatchAsync(changes, cancellationToken);
    }

    private async Task DispatchAsync(IReadOnlyList<ContentChange> changes, CancellationToken cancellationToken)
    {
        foreach (var observer in _observers)
        {
            try { await observer.OnChangesAsync(changes, cancellationToken); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Observer} failed on the content changes {First}–{Last}.", observer.GetType().Name, changes[0].Id, changes[^1].Id);
            }
        }
    }

    /// <summary>The id of the last change handed to the observers; -1 until the follower has started.</summary>
    public long Cursor => Interlocked.Read(ref _cursor);

    /// <summary>Whether the follower has its starting point: what is read from the database from now on is followed.</summary>
    public bool Following => Cursor >= 0;

    /// <summary>Reads the journal since the cursor once and hands what is new to the observers; returns how many changes were handed.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            if (!Following)
            {
                Interlocked.Exchange(ref _cursor, await db.ContentChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0);
                return 0;
            }
            var cursor = Cursor;
            var changes = await db.ContentChanges.AsNoTracking().Where(c => c.Id > cursor).OrderBy(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (changes.Count == 0) return 0;
            var now = clock.GetUtcNow().UtcDateTime;
            var usable = new List<ContentChange>(changes.Count);
            var expected = cursor + 1;
            foreach (var change in changes)
            {
                if (change.Id != expected && now - change.CreatedUtc < GapPatience) break;
                usable.Add(change);
                expected = change.Id + 1;
            }
            if (usable.Count == 0) return 0;
            var fresh = usable.Where(c => !_dispatchedLocally.TryRemove(c.Id, out _)).ToList();
            if (fresh.Count > 0) await DispatchAsync(fresh, cancellationToken);
            Interlocked.Exchange(ref _cursor, usable[^1].Id);
            return usable.Count;
        }
        finally { _gate.Release(); }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (startup.Ready)
            {
                try
                {
                    while (await CatchUpAsync(stoppingToken) >= BatchSize) { }
                    failures = 0;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
                catch (Exception ex)
                {
                    // The database may be away for a moment: try again, less often.
                    if (failures++ % 40 == 0) logger.LogWarning(ex, "The content journal could not be followed; trying again.");
                }
            }
            try { await Task.Delay(failures == 0 ? Poll : TimeSpan.FromSeconds(Math.Min(10, failures)), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}
