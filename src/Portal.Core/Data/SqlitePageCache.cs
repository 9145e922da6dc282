using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Core.Data;

/// <summary>
/// A larger page cache for one bulk write on SQLite (an import of thousands of rows inside one transaction), given back
/// when disposed: the connection returns to the pool with its usual cache, so the memory is the writer's for its duration
/// only. Nothing on PostgreSQL, whose server manages its own buffers.
/// </summary>
public sealed class SqlitePageCache : IAsyncDisposable
{
    private readonly DbContext? _db;
    private readonly SqliteConnection? _connection;
    private readonly long _previous;

    private SqlitePageCache(DbContext? db, SqliteConnection? connection, long previous) => (_db, _connection, _previous) = (db, connection, previous);

    /// <summary>
    /// Widens the cache of the context's connection, kept open until disposal (a commit does not close it then, so the
    /// cache is given back before the connection returns to the pool).
    /// </summary>
    public static async Task<SqlitePageCache> WidenAsync(DbContext db, int megabytes, CancellationToken cancellationToken = default)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection connection) return new(null, null, 0);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var previous = (long)(await ExecuteAsync(connection, db, "PRAGMA cache_size;", cancellationToken) ?? -2000L);
            // A negative size is in KiB.
            await ExecuteAsync(connection, db, $"PRAGMA cache_size = {-1024L * Math.Clamp(megabytes, 1, 1024)};", cancellationToken);
            return new(db, connection, previous);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null || _db is null) return;
        try
        {
            if (_connection.State == System.Data.ConnectionState.Open)
                await ExecuteAsync(_connection, _db, $"PRAGMA cache_size = {_previous};", CancellationToken.None);
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<object?> ExecuteAsync(SqliteConnection connection, DbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
