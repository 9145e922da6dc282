using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Core.Content;

namespace Portal.Core.Hosting;

/// <summary>
/// This node's own writes to the content journal: once such a write commits, <see cref="Committed"/> fires, so the
/// node that made a change evicts its page cache at once (the other nodes do it when they follow the journal).
/// </summary>
public sealed class PageCacheWrites : SaveChangesInterceptor, IDbTransactionInterceptor, IJournalRowsInserted
{
    private readonly ConditionalWeakTable<DbTransaction, object> _pending = new();
    private readonly ConditionalWeakTable<DbContext, object> _saving = new();

    /// <summary>Raised after the commit of a write that added journal rows.</summary>
    public event Func<ValueTask>? Committed;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _saving.Remove(context)) await RaiseAsync();
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && _saving.Remove(context)) RaiseAsync().AsTask().GetAwaiter().GetResult();
        return result;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (_pending.Remove(transaction)) await RaiseAsync();
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (_pending.Remove(transaction)) RaiseAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>A save that adds journal rows: inside a transaction, it counts at the commit; alone, once saved.</summary>
    private void Note(DbContext? context)
    {
        if (context is null || ContentJournalLocalDispatch.AddedRows(context).Count == 0) return;
        if (!PendUntilCommit(context)) _saving.AddOrUpdate(context, this);
    }

    /// <summary>Rows written outside a save (bulk inserts): counted at the commit of their transaction, or at once.</summary>
    public async Task InsertedAsync(DbContext context, IReadOnlyList<ContentChange> rows)
    {
        if (rows.Count > 0 && !PendUntilCommit(context)) await RaiseAsync();
    }

    /// <summary>Whether the context writes inside a transaction, whose commit is then awaited.</summary>
    private bool PendUntilCommit(DbContext context)
    {
        if (context.Database.CurrentTransaction?.GetDbTransaction() is not { } transaction) return false;
        _pending.AddOrUpdate(transaction, this);
        return true;
    }

    private async ValueTask RaiseAsync()
    {
        if (Committed is { } handler)
            foreach (var one in handler.GetInvocationList().Cast<Func<ValueTask>>()) await one();
    }
}
