using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Core.Data;

/// <summary>
/// Puts a SQLite database in write-ahead-log mode on its first connection: readers then read the last committed state
/// while a writer holds its transaction (an import of thousands of rows), instead of waiting for it or failing with
/// "database table is locked". The mode is stored in the file, so once per process is enough.
/// </summary>
public sealed class SqliteWriteAheadLog : DbConnectionInterceptor
{
    private volatile bool _done;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!_done && connection is SqliteConnection sqlite) Enable(sqlite);
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!_done && connection is SqliteConnection sqlite) Enable(sqlite);
        return Task.CompletedTask;
    }

    private void Enable(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        try
        {
            var mode = command.ExecuteScalar() as string;
            _done = string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase) || connection.DataSource is "" or ":memory:";
        }
        catch (SqliteException) { /* another connection is writing: the next open tries again */ }
    }
}
