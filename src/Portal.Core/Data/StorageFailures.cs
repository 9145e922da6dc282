using Microsoft.Data.Sqlite;
using Npgsql;

namespace Portal.Core.Data;

/// <summary>Tells a write refused because the disk is full (SQLite, PostgreSQL or a file) from other errors.</summary>
public static class StorageFailures
{
    private const int SqliteFull = 13, LinuxNoSpace = 28, WindowsDiskFull = 112, WindowsHandleDiskFull = 39;

    public static bool IsFull(Exception? ex)
    {
        for (var depth = 0; ex is not null && depth < 10; ex = ex.InnerException, depth++)
            if (ex is SqliteException { SqliteErrorCode: SqliteFull } or PostgresException { SqlState: "53100" }
                || ex is IOException && (ex.HResult == LinuxNoSpace || (ex.HResult & 0xFFFF) is WindowsDiskFull or WindowsHandleDiskFull))
                return true;
        return false;
    }
}
