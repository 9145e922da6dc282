using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Portal.Core.Data;

/// <summary>Tells a database that does not answer (down, unreachable, locked) from an error in the request itself.</summary>
public static class DatabaseFailures
{
    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteCannotOpen = 14;

    public static bool IsUnavailable(Exception? ex)
    {
        for (var depth = 0; ex is not null && depth < 10; ex = ex.InnerException, depth++)
        {
            if (ex is SocketException or TimeoutException) return true;
            if (ex is PostgresException postgres)
            {
                // Connection exceptions (08…), the server shutting down or starting (57P0x), too many connections.
                if (postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState.StartsWith("57P0", StringComparison.Ordinal)
                    || postgres.SqlState == "53300") return true;
                continue;
            }
            // Any other Npgsql error is the client's: a connection refused, reset or closed mid-answer.
            if (ex is NpgsqlException) return true;
            if (ex is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked or SqliteCannotOpen }) return true;
            if (ex is InvalidOperationException && ex.Message.Contains("transient", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
