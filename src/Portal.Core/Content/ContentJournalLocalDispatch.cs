using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;

namespace Portal.Core.Content;

/// <summary>
/// The writing node does not wait for its follower: the journal rows a context saves are handed to this node's
/// observers as soon as they are committed (at once without a transaction, at the transaction's commit otherwise), so a
/// read model or a cached page never outlives a change made on its own node. The follower skips them when it reads them.
/// </summary>
public sealed class ContentJournalLocalDispatch(IServiceProvider services) : SaveChangesInterceptor, IDbTransactionInterceptor, IJournalRowsInserted
{
    private readonly ConditionalWeakTable<DbContext, List<ContentChange>> _saving = new();
    private readonly ConditionalWeakTable<DbContext, List<ContentChange>> _uncommitted = new();

    private ContentJournalFollower Follower => services.GetRequiredService<ContentJournalFollower>();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await Saved(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context) _saving.Remove(context);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null) return;
        var added = AddedRows(context);
        if (added.Count > 0) _saving.AddOrUpdate(context, added);
    }

    /// <summary>
    /// The journal rows the context is about to insert. A row is added (it has no navigation to be found through), so it
    /// is tracked as Added already: the change tracker is not scanned for changes here, the save does it once after.
    /// </summary>
    public static List<ContentChange> AddedRows(DbContext context) =>
        context.ChangeTracker.WithoutDetectingChanges(tracker => tracker.Entries<ContentChange>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList());

    public Task InsertedAsync(DbContext context, IReadOnlyList<ContentChange> rows)
    {
        if (rows.Count == 0) return Task.CompletedTask;
        _saving.AddOrUpdate(context, [.. rows]);
        return Saved(context);
    }

    private Task Saved(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out var saved)) return Task.CompletedTask;
        _saving.Remove(context);
        if (context.Database.CurrentTransaction is null) return Follower.DispatchLocalAsync(saved);
        lock (_uncommitted)
        {
            if (_uncommitted.TryGetValue(context, out var pending)) pending.AddRange(saved);
            else _uncommitted.Add(context, [.. saved]);
        }
        return Task.CompletedTask;
    }

    private List<ContentChange>? TakeUncommitted(DbContext? context)
    {
        if (context is null) return null;
        lock (_uncommitted)
        {
            if (!_uncommitted.TryGetValue(context, out var pending)) return null;
            _uncommitted.Remove(context);
            return pending;
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (TakeUncommitted(eventData.Context) is { } committed) Follower.DispatchLocalAsync(committed).GetAwaiter().GetResult();
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (TakeUncommitted(eventData.Context) is { } committed) await Follower.DispatchLocalAsync(committed);
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => TakeUncommitted(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TakeUncommitted(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => TakeUncommitted(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TakeUncommitted(eventData.Context);
        return Task.CompletedTask;
    }
}

/// <summary>
/// An interceptor that follows the journal rows a context saves, told also of those inserted without a save (in bulk, by a
/// content batch): inside a transaction they count at its commit, like saved ones.
/// </summary>
public interface IJournalRowsInserted
{
    Task InsertedAsync(DbContext context, IReadOnlyList<ContentChange> rows);
}
