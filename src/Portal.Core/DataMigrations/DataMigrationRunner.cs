using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;

namespace Portal.Core.DataMigrations;

/// <summary>Brings every module's data migration to its latest version, recording the version reached.</summary>
public sealed class DataMigrationRunner(IEnumerable<DataMigration> migrations, PortalDbContext db, TimeProvider clock, ILogger<DataMigrationRunner> logger)
{
    public async Task RunAllAsync()
    {
        foreach (var migration in migrations)
        {
            var name = migration.GetType().FullName!;
            var record = await db.DataMigrations.SingleOrDefaultAsync(r => r.Name == name);
            var version = record?.Version ?? 0;
            var start = version;
            if (version == 0) version = await migration.CreateAsync();
            while (FindUpdate(migration, version) is { } update)
            {
                var next = await (Task<int>)update.Invoke(migration, null)!;
                if (next <= version) throw new InvalidOperationException($"{name}.{update.Name} returned {next}, which does not move past version {version}.");
                version = next;
            }
            if (version == start) continue;
            if (record is null) db.DataMigrations.Add(record = new DataMigrationRecord { Name = name });
            record.Version = version;
            record.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
            logger.LogInformation("Data migration {Migration} moved from version {From} to {To}.", name, start, version);
        }
    }

    private static MethodInfo? FindUpdate(DataMigration migration, int version) =>
        migration.GetType().GetMethod($"UpdateFrom{version}Async", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
}
