using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Tests.Kernel;

/// <summary>An import widens its connection's page cache for its transaction only: the pooled connection gets its usual cache back.</summary>
public sealed class SqlitePageCacheTests
{
    [Fact]
    public async Task The_cache_is_widened_for_the_transaction_and_given_back()
    {
        var file = Path.Combine(Path.GetTempPath(), "portal-cache-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            var options = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options;
            await using var db = new SqlitePortalDbContext(options);
            await db.Database.EnsureCreatedAsync();
            // Held open by the test, as the pool holds a connection: what the import leaves on it can be read after.
            await db.Database.OpenConnectionAsync();
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                var before = await CacheSizeAsync(db);
                await using (await SqlitePageCache.WidenAsync(db, megabytes: 16))
                {
                    (await CacheSizeAsync(db)).Should().Be(-16 * 1024);
                    db.Documents.Add(new DocumentRecord { Key = "k", Json = "{}" });
                    await db.SaveChangesAsync();
                    await transaction.CommitAsync();
                }
                (await CacheSizeAsync(db)).Should().Be(before).And.NotBe(-16 * 1024);
            }
            (await db.Documents.CountAsync()).Should().Be(1);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_connection_it_opened_is_closed_again()
    {
        var options = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=:memory:").Options;
        await using var db = new SqlitePortalDbContext(options);
        await using (await SqlitePageCache.WidenAsync(db, megabytes: 16))
            (await CacheSizeAsync(db)).Should().Be(-16 * 1024);
        db.Database.GetDbConnection().State.Should().Be(System.Data.ConnectionState.Closed);
    }

    private static async Task<long> CacheSizeAsync(DbContext db)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA cache_size;";
        command.Transaction = db.Database.CurrentTransaction is { } t ? Microsoft.EntityFrameworkCore.Storage.DbContextTransactionExtensions.GetDbTransaction(t) : null;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
