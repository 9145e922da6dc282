using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Core.Data;

/// <summary>
/// The tables of one module. A module derives an abstract context with its sets and model, and one sealed subclass
/// per provider, each with its own EF migrations in the module and its own history table, so that it adds tables
/// without editing the kernel (see <see cref="ModuleDatabaseServiceCollectionExtensions.AddModuleDbContext{TContext, TSqlite, TPostgres}"/>).
/// In a site, it shares the connection of the scoped <see cref="PortalDbContext"/> and joins its current
/// transaction: a content write and a write to a module's tables commit or roll back together.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    private PortalDbContext? _kernel;
    private bool _joined;

    internal void ShareWith(PortalDbContext kernel) => _kernel = kernel;

    /// <summary>Begins a transaction on the kernel's context that this one joins: the way to write content and module rows in one unit.</summary>
    public async Task<IDbContextTransaction> BeginSharedTransactionAsync(CancellationToken cancellationToken = default)
    {
        var kernel = _kernel ?? throw new InvalidOperationException($"{GetType().Name} is not shared with a PortalDbContext: resolve it from a site's services.");
        var transaction = await kernel.Database.BeginTransactionAsync(cancellationToken);
        JoinKernelTransaction();
        return transaction;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        JoinKernelTransaction();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        JoinKernelTransaction();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Uses the kernel's current transaction, if any, instead of one of its own (and lets go of a finished one).</summary>
    private void JoinKernelTransaction()
    {
        if (_kernel is null) return;
        var shared = _kernel.Database.CurrentTransaction?.GetDbTransaction();
        if (shared is not null)
        {
            if (Database.CurrentTransaction?.GetDbTransaction() != shared)
            {
                Database.UseTransaction(shared);
                _joined = true;
            }
        }
        else if (_joined)
        {
            Database.UseTransaction(null);
            _joined = false;
        }
    }

    internal DbTransaction? KernelTransaction => _kernel?.Database.CurrentTransaction?.GetDbTransaction();
}

/// <summary>Gives every command of a module's context the kernel's open transaction, so reads see its uncommitted writes (and SQLite accepts them).</summary>
internal sealed class KernelTransactionCommands : DbCommandInterceptor
{
    public static readonly KernelTransactionCommands Instance = new();

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        if (result.Transaction is null && eventData.Context is ModuleDbContext context
            && context.KernelTransaction is { } transaction && transaction.Connection == result.Connection)
            result.Transaction = transaction;
        return result;
    }
}
